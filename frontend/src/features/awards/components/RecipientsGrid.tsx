import {
  DeleteOutlined,
  SnippetsOutlined,
  TeamOutlined,
  UserAddOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '@/components/UnitPicker';
import { api, unwrap } from '@/lib/api/client';
import { formatNumber } from '@/lib/format';
import type { AwardRecipient, AwardRecipientInput } from '../api/awards';
import { parsePeople, searchKey } from '../people';

/** One line of the recipients grid, as the officer edits it. */
export interface RecipientRow {
  key: string;
  kind: 'UNIT' | 'MODEL' | 'PERSON';
  unitId?: number;
  modelId?: number;
  modelName?: string;
  memberId?: number;
  fullName?: string;
  position?: string;
  error?: string;
}

let nextKey = 0;
export function newRow(
  kind: RecipientRow['kind'],
  values: Partial<RecipientRow> = {},
): RecipientRow {
  nextKey += 1;
  return { key: `r${nextKey}`, kind, ...values };
}

export function rowsOf(recipients: AwardRecipient[]): RecipientRow[] {
  return recipients.map((r) =>
    r.kind === 'INDIVIDUAL'
      ? newRow('PERSON', {
          fullName: r.name,
          position: r.position,
          unitId: r.unit.id,
          memberId: r.memberId,
        })
      : r.model
        ? newRow('MODEL', { modelId: r.model.id, modelName: r.model.name })
        : newRow('UNIT', { unitId: r.unit.id }),
  );
}

/** The rows as the API wants them, or the rows marked with what is missing. */
export function toInput(
  rows: RecipientRow[],
): { ok: true; recipients: AwardRecipientInput[] } | { ok: false; rows: RecipientRow[] } {
  let ok = true;
  const checked = rows.map((r) => {
    const error =
      r.kind === 'UNIT' && !r.unitId
        ? 'Chọn đơn vị được khen'
        : r.kind === 'MODEL' && !r.modelId
          ? 'Chọn mô hình được khen'
          : r.kind === 'PERSON' && !r.fullName?.trim()
            ? 'Nhập họ và tên'
            : r.kind === 'PERSON' && !r.unitId
              ? 'Chọn đơn vị công tác hoặc nơi ở'
              : undefined;
    if (error) ok = false;
    return { ...r, error };
  });
  if (!ok) return { ok: false, rows: checked };
  return {
    ok: true,
    recipients: rows.map((r) =>
      r.kind === 'UNIT'
        ? { kind: 'COLLECTIVE', unitId: r.unitId }
        : r.kind === 'MODEL'
          ? { kind: 'COLLECTIVE', modelId: r.modelId }
          : {
              kind: 'INDIVIDUAL',
              fullName: r.fullName?.trim(),
              position: r.position?.trim() || undefined,
              unitId: r.unitId,
              memberId: r.memberId,
            },
    ),
  };
}

function ModelPicker({
  value,
  label,
  onChange,
}: {
  value?: number;
  label?: string;
  onChange: (id: number | undefined, name?: string) => void;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['models', 'picker', q],
    queryFn: async () =>
      (await unwrap(api.GET('/api/models', { params: { query: { q: q || undefined, size: 20 } } })))
        .data,
  });
  const options = new Map<number, { value: number; label: string; title: string }>();
  if (value && label) options.set(value, { value, label, title: label });
  for (const m of found.data?.content ?? []) {
    const text = `${m.name} — ${m.unit.name}`;
    options.set(m.id, { value: m.id, label: text, title: text });
  }
  return (
    <Select
      aria-label="Mô hình được khen"
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder="Gõ tên mô hình"
      style={{ width: '100%' }}
      value={value}
      loading={found.isFetching}
      options={[...options.values()]}
      onChange={(id?: number) => onChange(id, id ? options.get(id)?.title : undefined)}
    />
  );
}

/**
 * The decision's list: collectives (a unit from the tree or a model) and individuals (name,
 * position, their unit), typed one by one or pasted from Excel.
 */
export function RecipientsGrid({
  rows,
  onChange,
  defaultUnitId,
}: {
  rows: RecipientRow[];
  onChange: (rows: RecipientRow[]) => void;
  defaultUnitId?: number;
}) {
  const [pasting, setPasting] = useState(false);
  const update = (key: string, patch: Partial<RecipientRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch, error: undefined } : r)));
  const collectives = rows.filter((r) => r.kind !== 'PERSON').length;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button icon={<TeamOutlined />} onClick={() => onChange([...rows, newRow('UNIT')])}>
          Thêm tập thể (đơn vị)
        </Button>
        <Button
          icon={<UsergroupAddOutlined />}
          onClick={() => onChange([...rows, newRow('MODEL')])}
        >
          Thêm tập thể (mô hình)
        </Button>
        <Button
          icon={<UserAddOutlined />}
          onClick={() => onChange([...rows, newRow('PERSON', { unitId: defaultUnitId })])}
        >
          Thêm cá nhân
        </Button>
        <Button icon={<SnippetsOutlined />} onClick={() => setPasting(true)}>
          Dán danh sách cá nhân
        </Button>
        <Typography.Text type="secondary">
          {formatNumber(collectives)} tập thể, {formatNumber(rows.length - collectives)} cá nhân
        </Typography.Text>
      </Space>
      <Table<RecipientRow>
        rowKey="key"
        size="small"
        aria-label="Danh sách được khen"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 340 }}
        locale={{ emptyText: 'Chưa có tập thể, cá nhân nào' }}
        columns={[
          { title: 'TT', key: 'no', width: 48, render: (_, __, i) => i + 1 },
          {
            title: 'Tập thể / Họ và tên',
            key: 'name',
            render: (_, r) => (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                {r.kind === 'UNIT' && (
                  <UnitPicker
                    aria-label="Đơn vị được khen"
                    placeholder="Đơn vị được khen"
                    value={r.unitId}
                    onChange={(v) =>
                      update(r.key, { unitId: typeof v === 'number' ? v : undefined })
                    }
                  />
                )}
                {r.kind === 'MODEL' && (
                  <ModelPicker
                    value={r.modelId}
                    label={r.modelName}
                    onChange={(id, name) => update(r.key, { modelId: id, modelName: name })}
                  />
                )}
                {r.kind === 'PERSON' && (
                  <Input
                    aria-label="Họ và tên"
                    placeholder="Họ và tên"
                    maxLength={200}
                    value={r.fullName}
                    onChange={(e) => update(r.key, { fullName: e.target.value })}
                  />
                )}
                {r.error && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
                    {r.error}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: 'Chức vụ',
            key: 'position',
            width: 190,
            render: (_, r) =>
              r.kind === 'PERSON' ? (
                <Input
                  aria-label="Chức vụ"
                  placeholder="Chức vụ"
                  maxLength={200}
                  value={r.position}
                  onChange={(e) => update(r.key, { position: e.target.value })}
                />
              ) : (
                <Typography.Text type="secondary">
                  {r.kind === 'UNIT' ? 'Tập thể' : 'Tập thể (mô hình)'}
                </Typography.Text>
              ),
          },
          {
            title: 'Đơn vị công tác / nơi ở',
            key: 'unit',
            width: 250,
            render: (_, r) =>
              r.kind === 'PERSON' ? (
                <UnitPicker
                  aria-label="Đơn vị của cá nhân"
                  placeholder="Đơn vị"
                  value={r.unitId}
                  onChange={(v) => update(r.key, { unitId: typeof v === 'number' ? v : undefined })}
                />
              ) : null,
          },
          {
            title: '',
            key: 'remove',
            width: 48,
            render: (_, r) => (
              <Button
                type="text"
                danger
                aria-label="Bỏ dòng này"
                icon={<DeleteOutlined />}
                onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]}
      />
      {pasting && (
        <PasteDialog
          defaultUnitId={defaultUnitId}
          onClose={(added) => {
            setPasting(false);
            if (added.length) onChange([...rows, ...added]);
          }}
        />
      )}
    </>
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

function PasteDialog({
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
