import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { RECIPIENT_KIND_LABELS, useAwardRecipients, type AwardRecipientHit } from '../api/awards';

/**
 * Khen thưởng of a unit (its whole territory, with the units it succeeded), a model (the model
 * and its members) or a member: who received what, by which decision, newest first.
 */
export function AwardsTab({
  unitId,
  modelId,
  memberId,
  title,
}: {
  unitId?: number;
  modelId?: number;
  memberId?: number;
  title?: string;
}) {
  const [page, setPage] = useState(0);
  const found = useAwardRecipients({ unitId, modelId, memberId, page, size: 10 });
  if (found.isError) return <Alert type="error" showIcon title={problemMessage(found.error)} />;
  if (found.data && found.data.totalElements === 0 && page === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có khen thưởng" />;
  return (
    <Table<AwardRecipientHit>
      rowKey={(h) => h.recipient.id}
      size="small"
      loading={found.isFetching}
      dataSource={found.data?.content}
      title={() => (
        <Space>
          <TrophyOutlined style={{ color: '#d4a017' }} />
          <b>{title ?? 'Khen thưởng'}</b>
          <Typography.Text type="secondary">
            {formatNumber(found.data?.totalElements)} lượt được khen
          </Typography.Text>
        </Space>
      )}
      pagination={{
        current: page + 1,
        pageSize: 10,
        total: found.data?.totalElements,
        hideOnSinglePage: true,
        onChange: (p) => setPage(p - 1),
      }}
      columns={[
        {
          title: 'Được khen',
          key: 'who',
          render: (_, h) => (
            <Space orientation="vertical" size={0}>
              <span>
                <Tag color={h.recipient.kind === 'COLLECTIVE' ? 'blue' : 'purple'}>
                  {RECIPIENT_KIND_LABELS[h.recipient.kind]}
                </Tag>
                {h.recipient.name}
              </span>
              {h.recipient.kind === 'INDIVIDUAL' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[h.recipient.position, h.recipient.unitName].filter(Boolean).join(', ')}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: 'Hình thức', key: 'form', render: (_, h) => h.award.form.name, width: 150 },
        {
          title: 'Quyết định',
          key: 'award',
          render: (_, h) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/khen-thuong/${h.award.id}`}>
                Số {h.award.number} ngày {formatDate(h.award.decidedOn)}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.award.issuerName}
              </Typography.Text>
            </Space>
          ),
        },
      ]}
    />
  );
}
