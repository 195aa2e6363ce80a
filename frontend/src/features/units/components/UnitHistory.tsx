import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Skeleton, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { problemMessage } from '@/lib/problem';
import { unitHistoryQuery, type AuditEvent, type UnitKind } from '../api/units';
import { UNIT_KIND_LABELS } from './unitKinds';

const ACTIONS: Record<string, string> = {
  CREATE: 'Tạo mới',
  UPDATE: 'Sửa',
  MOVE: 'Chuyển đơn vị cấp trên',
  MERGE: 'Nhận sáp nhập',
  MERGE_INTO: 'Sáp nhập vào đơn vị khác',
};

const FIELDS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại',
  parentId: 'Cấp trên (mã định danh)',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hết hiệu lực',
  successorId: 'Đơn vị kế thừa (mã định danh)',
  predecessorIds: 'Đơn vị bị sáp nhập (mã định danh)',
};

function show(v: unknown, field: string): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  if (field === 'kind' && typeof v === 'string' && v in UNIT_KIND_LABELS) {
    return UNIT_KIND_LABELS[v as UnitKind];
  }
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return dayjs(v).format('DD/MM/YYYY');
  return String(v);
}

function describe(e: AuditEvent) {
  return Object.entries(e.changes).map(([field, c]) => (
    <div key={field}>
      {FIELDS[field] ?? field}: <Typography.Text delete>{show(c.from, field)}</Typography.Text> →{' '}
      <b>{show(c.to, field)}</b>
    </div>
  ));
}

/** Lịch sử: every change of a unit, who made it, when and from where (read-only). */
export function UnitHistory({ unitId }: { unitId: number }) {
  const history = useQuery(unitHistoryQuery(unitId));
  if (history.isLoading) return <Skeleton active />;
  if (history.isError) return <Alert type="error" showIcon title={problemMessage(history.error)} />;
  if (!history.data?.content.length) return <Empty description="Chưa có thay đổi nào được ghi" />;
  return (
    <Timeline
      items={history.data.content.map((e) => ({
        key: e.id,
        title: dayjs(e.at).format('HH:mm DD/MM/YYYY'),
        content: (
          <div>
            <b>{ACTIONS[e.action] ?? e.action}</b> — {e.actorName}
            {e.client && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {e.client}
              </Typography.Text>
            )}
            {describe(e)}
          </div>
        ),
      }))}
    />
  );
}
