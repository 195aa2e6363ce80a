import { Alert, Descriptions } from 'antd';
import { formatDate, formatDateTime } from '@/lib/format';
import type { IndicatorReport } from '../api/indicators';

/** Why a period was returned or superseded, and its unit, period, revision and review. */
export function IndicatorFacts({ r }: { r: IndicatorReport }) {
  return (
    <>
      {r.status === 'RETURNED' && r.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Bị trả lại: ${r.reviewComment}`}
          description={`${r.reviewedBy ?? ''} — ${formatDateTime(r.reviewedAt)}`}
        />
      )}
      {r.status === 'SUPERSEDED' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Bản này đã được thay bằng một bản điều chỉnh đã duyệt; số liệu dưới đây chỉ để đối chiếu."
        />
      )}

      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'unit', label: 'Đơn vị', children: r.unit.name },
          {
            key: 'period',
            label: 'Kỳ báo cáo',
            children: `${r.periodLabel} (${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)})`,
          },
          {
            key: 'revision',
            label: 'Bản',
            children:
              r.revision === 1
                ? 'Bản đầu'
                : `Điều chỉnh lần ${r.revision - 1}${r.revisionReason ? `: ${r.revisionReason}` : ''}`,
          },
          {
            key: 'submitted',
            label: 'Gửi duyệt',
            children: r.submittedAt
              ? `${r.submittedBy ?? ''} — ${formatDateTime(r.submittedAt)}`
              : 'Chưa gửi',
          },
          {
            key: 'reviewed',
            label: 'Duyệt, trả lại',
            children: r.reviewedAt
              ? `${r.reviewedBy ?? ''} — ${formatDateTime(r.reviewedAt)}${r.reviewComment ? ` — ${r.reviewComment}` : ''}`
              : 'Chưa',
          },
        ]}
      />
    </>
  );
}
