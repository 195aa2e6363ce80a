import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { formatNumber } from '@/lib/format';
import type { useAwardCounts } from '../api/awards';

/** Decisions, collectives and individuals of the list, and the awards by form (a click filters). */
export function AwardCounts({
  counts,
  onForm,
}: {
  counts: ReturnType<typeof useAwardCounts>;
  onForm: (formId: string) => void;
}) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={8} md={4}>
        <Card size="small">
          <Statistic
            title="Quyết định"
            value={counts.data?.decisions ?? 0}
            formatter={(v) => formatNumber(Number(v))}
          />
        </Card>
      </Col>
      <Col xs={8} md={4}>
        <Card size="small">
          <Statistic
            title="Lượt tập thể"
            value={counts.data?.collectives ?? 0}
            formatter={(v) => formatNumber(Number(v))}
          />
        </Card>
      </Col>
      <Col xs={8} md={4}>
        <Card size="small">
          <Statistic
            title="Lượt cá nhân"
            value={counts.data?.individuals ?? 0}
            formatter={(v) => formatNumber(Number(v))}
          />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="Theo hình thức" styles={{ body: { paddingTop: 8 } }}>
          {counts.data?.byForm.length ? (
            <Space wrap>
              {counts.data.byForm.map((c) => (
                <Tag
                  key={c.form.id}
                  color="gold"
                  style={{ cursor: 'pointer' }}
                  onClick={() => onForm(String(c.form.id))}
                >
                  {c.form.name}: {formatNumber(c.collectives)} tập thể,{' '}
                  {formatNumber(c.individuals)} cá nhân
                </Tag>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">Chưa có</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
