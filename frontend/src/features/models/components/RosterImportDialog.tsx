import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { problemMessage } from '@/lib/problem';
import { formatNumber } from '@/lib/format';
import {
  importRoster,
  modelKeys,
  type ModelDetail,
  type RosterImportResult,
  type RosterRow,
} from '../api/models';
import { parseDelimited, ROSTER_COLUMNS, rowsFromCells } from '../roster';
import { RosterSource } from './RosterSource';
import { defaulted, RosterAsOf } from './RosterAsOf';

const MAX_ROWS = 2000;

/**
 * Nhập danh sách: a list pasted from Excel or uploaded as CSV/XLSX is checked on the server row by
 * row first; only a list without errors can be saved, and it is saved whole.
 */
export function RosterImportDialog({
  model,
  onClose,
}: {
  model: ModelDetail;
  onClose: () => void;
}) {
  const [rows, setRows] = useState<RosterRow[]>([]);
  const [source, setSource] = useState<string>();
  const [check, setCheck] = useState<RosterImportResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // new teams start, and members without a joining date join, on this day (the model's founding
  // day when left empty)
  const [asOf, setAsOf] = useState<string>();
  const { message } = App.useApp();
  const client = useQueryClient();

  const load = async (next: RosterRow[], from: string) => {
    setError(undefined);
    setCheck(undefined);
    if (!next.length) {
      setRows([]);
      setError('Không đọc được dòng nào. Kiểm tra tệp hoặc nội dung đã dán.');
      return;
    }
    if (next.length > MAX_ROWS) {
      setError(
        `Mỗi lần nhập tối đa ${formatNumber(MAX_ROWS)} dòng; danh sách có ${formatNumber(next.length)} dòng.`,
      );
      return;
    }
    setRows(next);
    setSource(from);
    setBusy(true);
    try {
      setCheck(await importRoster(model.id, next, true, asOf));
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (file: File) => {
    try {
      if (/\.xlsx$/i.test(file.name)) {
        const { readSheet } = await import('read-excel-file/browser');
        await load(rowsFromCells(await readSheet(file)), file.name);
      } else {
        await load(rowsFromCells(parseDelimited(await file.text())), file.name);
      }
    } catch {
      setError(`Không đọc được tệp ${file.name}. Hãy dùng tệp .xlsx hoặc .csv (UTF-8).`);
    }
    return false;
  };

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await importRoster(model.id, rows, false, asOf);
      if (result.applied) {
        message.success(
          `Đã lưu ${formatNumber(result.membersCreated)} thành viên, ${formatNumber(result.teamsCreated)} tổ mới`,
        );
        await client.invalidateQueries({ queryKey: modelKeys.all });
        onClose();
      } else {
        setCheck(result);
      }
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const problemsByRow = new Map<number, { field: string; message: string }[]>();
  check?.problems.forEach((p) =>
    problemsByRow.set(p.row, [...(problemsByRow.get(p.row) ?? []), p]),
  );
  const label = (field: string) => ROSTER_COLUMNS.find((c) => c.key === field)?.label ?? field;

  return (
    <Modal
      open
      title={`Nhập danh sách tổ và thành viên: ${model.name}`}
      width={1100}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button
            type="primary"
            disabled={!check?.valid}
            loading={busy}
            onClick={() => void save()}
          >
            Lưu danh sách
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        Cột: {ROSTER_COLUMNS.map((c) => c.label).join(', ')}. Dòng đầu là tiêu đề (có hoặc không
        dấu); không có tiêu đề thì các cột theo đúng thứ tự này. Tổ chưa có sẽ được tạo mới, phụ
        trách địa bàn ghi ở cột Địa bàn (tên thôn, khu dân cư trong xã, hoặc mã của nó khi có hai
        nơi cùng tên) hoặc đơn vị của mô hình.
      </Typography.Paragraph>
      <RosterAsOf
        model={model}
        onChange={(day) => {
          setAsOf(day);
          setCheck(undefined);
        }}
      />
      <RosterSource
        onFile={readFile}
        onPaste={(text) => void load(rowsFromCells(parseDelimited(text)), 'nội dung đã dán')}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {check && (
        <Alert
          style={{ marginTop: 12 }}
          type={check.valid ? 'success' : 'warning'}
          showIcon
          role="status"
          title={
            check.valid
              ? `${source}: ${formatNumber(check.rows)} dòng hợp lệ — sẽ thêm ${formatNumber(check.membersCreated)} thành viên, ${formatNumber(check.teamsCreated)} tổ mới.${defaulted(check)}`
              : `${source}: ${formatNumber(problemsByRow.size)} trong ${formatNumber(check.rows)} dòng có lỗi. Sửa trong tệp rồi tải lại; chưa có gì được lưu.`
          }
        />
      )}
      {rows.length > 0 && (
        <Table<RosterRow & { key: number }>
          style={{ marginTop: 12 }}
          size="small"
          scroll={{ y: 360 }}
          pagination={false}
          loading={busy}
          dataSource={rows.map((r, i) => ({ ...r, key: i + 1 }))}
          rowClassName={(r) => (problemsByRow.has(r.key) ? 'roster-row-error' : '')}
          columns={[
            { title: 'Dòng', dataIndex: 'key', width: 60 },
            ...ROSTER_COLUMNS.map((c) => ({ title: c.label, dataIndex: c.key, ellipsis: true })),
            {
              title: 'Lỗi',
              key: 'problems',
              width: 280,
              render: (_: unknown, r: { key: number }) =>
                problemsByRow.get(r.key)?.map((p, i) => (
                  <div key={i}>
                    <Tag color="red">{label(p.field)}</Tag>
                    {p.message}
                  </div>
                )) ?? (check ? <Tag color="green">Hợp lệ</Tag> : null),
            },
          ]}
        />
      )}
    </Modal>
  );
}
