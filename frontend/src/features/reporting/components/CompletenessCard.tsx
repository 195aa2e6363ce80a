import { CheckSquareOutlined } from '@ant-design/icons';
import { Card, Progress, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { isoDate, todayIso } from '@/lib/format';
import { useCompleteness } from '../api/reporting';
import { lastDueSentence } from './states';

/**
 * The dashboard's reporting card: for the last month whose deadline has passed, how many communes
 * of the territory sent their figures, on time, and approved — with the grid a click away.
 */
export function CompletenessCard({ unitId }: { unitId?: number }) {
  const query = useCompleteness({
    unitId,
    periodKind: 'MONTH',
    from: isoDate(dayjs().subtract(2, 'month').startOf('month')),
    to: todayIso(),
  });
  const last = [...(query.data?.periods ?? [])].reverse().find((p) => p.due);
  const c = last?.counts;
  const bar = (label: string, n: number) => (
    <div>
      <Typography.Text type="secondary">
        {label}: {n}/{c?.expected ?? 0}
      </Typography.Text>
      <Progress
        percent={c && c.expected > 0 ? Math.round((100 * n) / c.expected) : 0}
        size="small"
        aria-label={label}
      />
    </div>
  );
  return (
    <Card
      size="small"
      loading={query.isLoading}
      title={
        <Space>
          <CheckSquareOutlined />
          Tình hình báo cáo
        </Space>
      }
      extra={<Link to="/tinh-hinh-bao-cao">Xem chi tiết</Link>}
    >
      {c ? (
        <>
          <Typography.Paragraph>{lastDueSentence(query.data)}.</Typography.Paragraph>
          {bar('Đã gửi', c.submitted)}
          {bar('Đúng hạn', c.onTime)}
          {bar('Đã duyệt', c.approved)}
        </>
      ) : (
        <Typography.Text type="secondary">Chưa có kỳ nào đến hạn.</Typography.Text>
      )}
    </Card>
  );
}
