import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Skeleton, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { problemMessage } from '@/lib/problem';
import { formatDate } from '@/lib/format';

type AuditEvent = Schemas['AuditEvent'];
type EntityType =
  | 'UNIT'
  | 'MODEL'
  | 'EVENT'
  | 'PROGRAMME'
  | 'AWARD'
  | 'INDICATOR_REPORT'
  | 'SAFETY_ASSESSMENT'
  | 'EXEMPLARY_POLICE'
  | 'USER'
  | 'API_KEY'
  | 'CATALOGUE'
  | 'AWARD_POWER';

const ACTIONS: Record<string, string> = {
  CREATE: 'Tạo mới',
  UPDATE: 'Sửa',
  MOVE: 'Chuyển đơn vị cấp trên',
  MERGE: 'Nhận sáp nhập',
  MERGE_INTO: 'Sáp nhập vào đơn vị khác',
  REVOKE: 'Thu hồi',
  TRANSITION: 'Chuyển trạng thái',
  RECOGNIZE: 'Công nhận điển hình',
  TEAM_CREATE: 'Thêm tổ',
  TEAM_UPDATE: 'Sửa tổ',
  MEMBER_CREATE: 'Thêm thành viên',
  MEMBER_UPDATE: 'Sửa thành viên',
  MEMBER_DELETE: 'Xóa thành viên',
  ROSTER_IMPORT: 'Nhập danh sách',
  ROSTER_EXPORT: 'Xuất danh sách',
  SUBMIT: 'Gửi duyệt',
  APPROVE: 'Duyệt',
  RETURN: 'Trả lại',
  REVISE: 'Tạo bản điều chỉnh',
};

export const auditQueryKey = (entityType: EntityType, entityId: number) =>
  ['audit', entityType, entityId] as const;

function defaultShow(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  return String(v);
}

interface AuditTimelineProps {
  entityType: EntityType;
  entityId: number;
  /** Vietnamese names of the fields. */
  fields: Record<string, string>;
  /** How a field's value reads (enum labels …); the default shows dates as dd/MM/yyyy. */
  show?: (value: unknown, field: string) => string | undefined;
}

/** Lịch sử: every change of an object, who made it, when and from where (read-only). */
export function AuditTimeline({ entityType, entityId, fields, show }: AuditTimelineProps) {
  const history = useQuery({
    queryKey: auditQueryKey(entityType, entityId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/audit', { params: { query: { entityType, entityId, size: 100 } } }),
        )
      ).data,
  });
  const text = (v: unknown, field: string) => show?.(v, field) ?? defaultShow(v);
  const describe = (e: AuditEvent) =>
    Object.entries(e.changes).map(([field, c]) => (
      <div key={field}>
        {fields[field] ?? field}: <Typography.Text delete>{text(c.from, field)}</Typography.Text> →{' '}
        <b>{text(c.to, field)}</b>
      </div>
    ));

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
