import { Table, Tabs, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { AuditTimeline } from '@/components/AuditTimeline';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useRights } from '@/lib/useSession';
import {
  STATUS_COLORS,
  STATUS_LABELS,
  type IndicatorReport,
  type IndicatorReportStatus,
} from '../api/indicators';
import type { Line } from './IndicatorValues';

const AUDIT_FIELDS: Record<string, string> = {
  period: 'Kỳ',
  revision: 'Bản',
  status: 'Trạng thái',
  note: 'Ghi chú',
};

/** The revisions of the period (a click opens one) and, for auditors, its history. */
export function IndicatorHistory({
  r,
  revisions,
  base,
}: {
  r: IndicatorReport;
  revisions?: IndicatorReport[];
  base: Line[];
}) {
  const rights = useRights();
  const navigate = useNavigate();
  return (
    <Tabs
      items={[
        {
          key: 'revisions',
          label: `Các bản (${revisions?.length ?? 0})`,
          children: (
            <Table<IndicatorReport>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={revisions ?? []}
              rowClassName={(x) => (x.id === r.id ? 'ant-table-row-selected' : '')}
              onRow={(x) => ({
                onClick: () => void navigate(`/so-lieu/${x.id}`),
                style: { cursor: 'pointer' },
              })}
              columns={[
                {
                  title: 'Bản',
                  dataIndex: 'revision',
                  key: 'revision',
                  render: (n: number) => (n === 1 ? 'Bản đầu' : `Điều chỉnh lần ${n - 1}`),
                },
                {
                  title: 'Trạng thái',
                  dataIndex: 'status',
                  key: 'status',
                  render: (s: IndicatorReportStatus) => (
                    <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>
                  ),
                },
                { title: 'Lý do điều chỉnh', dataIndex: 'revisionReason', key: 'reason' },
                {
                  title: 'Duyệt lúc',
                  dataIndex: 'reviewedAt',
                  key: 'reviewedAt',
                  render: formatDateTime,
                },
              ]}
            />
          ),
        },
        ...(rights.audit
          ? [
              {
                key: 'history',
                label: 'Lịch sử',
                children: (
                  <AuditTimeline
                    entityType="INDICATOR_REPORT"
                    entityId={r.id}
                    fields={{
                      ...AUDIT_FIELDS,
                      ...Object.fromEntries(base.map((l) => [`indicator:${l.id}`, l.name])),
                    }}
                    show={(v, field) =>
                      field === 'status' && typeof v === 'string'
                        ? STATUS_LABELS[v as IndicatorReportStatus]
                        : field.startsWith('indicator:') && typeof v === 'number'
                          ? formatNumber(v)
                          : undefined
                    }
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
