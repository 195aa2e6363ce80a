import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '@/components/UnitPicker';
import { api, unwrap } from '@/lib/api/client';
import { formatNumber } from '@/lib/format';
import { parsePeople, searchKey } from '../people';
import { newRow, type RecipientRow } from './recipientRows';

export function PasteDialog({
  defaultUnitId,
  onClose,
}: {
  defaultUnitId?: number;
  onClose: (rows: RecipientRow[]) => void;
}) {
  const [text, setText] = useState('');
  const [unitId, setUnitId] = useState<number | undefined>(defaultUnitId);
  const [busy, setBusy] = useState(false);
  const parsed = parsePeople(text);

  const add = async () => {
    setBusy(true);
    try {
      const names = [
        ...new Set(parsed.people.map((p) => p.unitName).filter((n) => !!n)),
      ] as string[];
      const found = new Map<string, number | undefined>();
      for (const n of names) found.set(n, await unitByName(n));
      onClose(
        parsed.people.map((p) => {
          const resolved = p.unitName ? found.get(p.unitName) : unitId;
          return newRow('PERSON', {
            fullName: p.fullName,
            position: p.position,
            unitId: resolved,
            error:
              p.unitName && resolved === undefined
                ? `Chưa tìm thấy đơn vị «${p.unitName}»: chọn đơn vị`
                : undefined,
          });
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="Dán danh sách cá nhân"
      okText={`Thêm ${formatNumber(parsed.people.length)} người`}
      cancelText="Hủy"
      okButtonProps={{ disabled: parsed.people.length === 0 }}
      confirmLoading={busy}
      onOk={() => void add()}
      onCancel={() => onClose([])}
      width={680}
    >
      <Typography.Paragraph type="secondary">
        Mỗi dòng một người: <b>Họ và tên</b>, <b>Chức vụ</b>, <b>Đơn vị</b> (cách nhau bằng Tab khi
        sao chép từ Excel, hoặc dấu chấm phẩy). Cột số thứ tự và dòng tiêu đề được bỏ qua.
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="Danh sách cá nhân"
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'Nguyễn Văn An\tTrưởng ấp\tẤp Cây Trâm\nTrần Thị Bình\tTổ viên tổ tự quản'}
      />
      <div style={{ marginTop: 12 }}>
        <Typography.Text>Đơn vị của những người không ghi đơn vị:</Typography.Text>
        <UnitPicker
          aria-label="Đơn vị mặc định"
          value={unitId}
          onChange={(v) => setUnitId(typeof v === 'number' ? v : undefined)}
        />
      </div>
      {parsed.problems.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title="Một số dòng không đọc được"
          description={parsed.problems.join('; ')}
        />
      )}
    </Modal>
  );
}

/** Finds the unit a pasted unit name means: the one whose name matches without diacritics. */
async function unitByName(name: string): Promise<number | undefined> {
  const page = (
    await unwrap(
      api.GET('/api/units', { params: { query: { q: name, activeOn: undefined, size: 10 } } }),
    )
  ).data;
  const key = searchKey(name);
  const exact = page.content.filter((u) => searchKey(u.name) === key);
  return exact.length === 1 ? exact[0]?.id : undefined;
}
