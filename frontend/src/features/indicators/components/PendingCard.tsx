import { AuditOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '@/lib/format';
import { useRights } from '@/lib/useSession';
import { STATUS_COLORS, STATUS_LABELS, useIndicatorReports } from '../api/indicators';

/**
 * The dashboard's "waiting" card: periods submitted and waiting for the user's approval (province
 * officers, administrators), and periods returned to the user's units for correction.
 */
export function PendingCard({ unitId }: { unitId?: number }) {
  const rights = useRights();
  const awaiting = useIndicatorReports(
    { awaitingMe: true, size: 5, sort: 'submittedAt,asc' },
    rights.reorganise,
  );
  const returned = useIndicatorReports({ unitId, status: 'RETURNED', size: 5 }, rights.write);
  const rows = [...(awaiting.data?.content ?? []), ...(returned.data?.content ?? [])];
  return (
    <Card
      size="small"
      title={
        <Space>
          <AuditOutlined />
          Số liệu chờ xử lý
        </Space>
      }
      extra={<Link to="/so-lieu">Số liệu báo cáo</Link>}
    >
      <Space size="large" style={{ marginBottom: 8 }} wrap>
        {rights.reorganise && (
          <Link to="/so-lieu?awaitingMe=true">
            <Typography.Text strong>
              {formatNumber(awaiting.data?.totalElements ?? 0)}
            </Typography.Text>{' '}
            kỳ chờ tôi duyệt
          </Link>
        )}
        <Link to="/so-lieu?status=RETURNED">
          <Typography.Text strong>
            {formatNumber(returned.data?.totalElements ?? 0)}
          </Typography.Text>{' '}
          kỳ bị trả lại cần sửa
        </Link>
      </Space>
      <List
        size="small"
        loading={awaiting.isLoading || returned.isLoading}
        dataSource={rows}
        locale={{ emptyText: 'Không có kỳ báo cáo nào đang chờ' }}
        renderItem={(r) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Link to={`/so-lieu/${r.id}`}>
                {r.periodLabel} — {r.unit.name}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.status === 'SUBMITTED' ? `Gửi ${formatDate(r.submittedAt)}` : r.reviewComment}
              </Typography.Text>
            </Space>
            <Tag color={STATUS_COLORS[r.status]}>{STATUS_LABELS[r.status]}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
