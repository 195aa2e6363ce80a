import { Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '@/lib/format';
import type { ReportSummary } from '../api/reports';
import { RECOGNITION_LABELS, type RecognitionLevel } from '@/lib/recognitionLevels';
import { ScrollRegion } from '@/components/ScrollRegion';

const STATUS_LABELS: Record<string, string> = {
  REGISTERED: 'Đăng ký',
  ACTIVE: 'Hoạt động',
  REVIEWED: 'Đã sơ kết',
  FINAL_REVIEWED: 'Đã tổng kết',
  REPLICATED: 'Nhân rộng',
  RETIRED: 'Thôi hoạt động',
};

/** The totals broken down: events by type, awards by form, models, materials, figures, safety. */
export function ReportBreakdowns({ summary }: { summary: ReportSummary }) {
  const t = summary.totals;
  const scope = summary.unit ? `unitId=${summary.unit.id}&` : '';
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Breakdown
          title="Sự kiện theo loại"
          rows={t.eventsByType.map((e) => ({
            key: e.type.id,
            name: e.type.name,
            a: e.events,
            b: e.attendance,
          }))}
          a="Sự kiện"
          b="Lượt tham dự"
        />
      </Col>
      <Col xs={24} lg={12}>
        <Breakdown
          title="Khen thưởng theo hình thức"
          rows={t.awardsByForm.map((e) => ({
            key: e.form.id,
            name: e.form.name,
            a: e.collectives,
            b: e.individuals,
          }))}
          a="Tập thể"
          b="Cá nhân"
        />
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="Mô hình theo trạng thái và mức điển hình vào cuối kỳ">
          <Space wrap>
            {t.modelsByStatus.map((s) => (
              <Tag key={s.status}>
                {STATUS_LABELS[s.status] ?? s.status}: {formatNumber(s.count)}
              </Tag>
            ))}
            {t.modelsByRecognition.map((s) => (
              <Tag key={s.level} color="gold">
                {RECOGNITION_LABELS[s.level as RecognitionLevel] ?? s.level}:{' '}
                {formatNumber(s.count)}
              </Tag>
            ))}
            {t.models === 0 && <Typography.Text type="secondary">Chưa có mô hình</Typography.Text>}
          </Space>
        </Card>
      </Col>
      {t.modelsByEthnicGroup.length + t.modelsByReligion.length > 0 && (
        <Col xs={24} lg={12}>
          <Breakdown
            title="Mô hình còn hiệu lực theo cộng đồng phục vụ"
            rows={[...t.modelsByEthnicGroup, ...t.modelsByReligion].map((x) => ({
              key: x.item.id,
              name: x.item.name,
              a: x.count,
            }))}
            a="Mô hình"
          />
        </Col>
      )}
      <Col xs={24} lg={12}>
        <Breakdown
          title="Tài liệu, vật phẩm tuyên truyền"
          rows={t.materials.map((m) => ({ key: m.item.id, name: m.item.name, a: m.count }))}
          a="Số lượng"
        />
      </Col>
      <Col xs={24} lg={12}>
        <Breakdown
          title={
            <Link
              to={`/so-lieu?status=APPROVED${summary.unit ? `&unitId=${summary.unit.id}` : ''}`}
            >
              Số liệu báo cáo định kỳ (các kỳ đã duyệt)
            </Link>
          }
          rows={t.indicators.map((m) => ({ key: m.item.id, name: m.item.name, a: m.count }))}
          a="Số liệu"
          first="Chỉ tiêu"
        />
      </Col>
      <Col xs={24} lg={12}>
        <Breakdown
          title={
            <Link to={`/an-toan?${scope}`}>Đánh giá &quot;An toàn về an ninh, trật tự&quot;</Link>
          }
          rows={t.safetyByTarget.map((x) => ({
            key: x.target.id,
            name: x.target.name,
            a: x.assessed,
            b: x.met,
          }))}
          a="Được đánh giá"
          b="Đạt chuẩn"
          first="Đối tượng"
        />
      </Col>
    </Row>
  );
}

function Breakdown({
  title,
  rows,
  a,
  b,
  first = 'Loại',
}: {
  title: ReactNode;
  first?: string;
  rows: { key: number; name: string; a: number; b?: number }[];
  a: string;
  b?: string;
}) {
  return (
    <Card size="small" title={title}>
      <ScrollRegion label={`Bảng ${first.toLowerCase()}`}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: 'Không có' }}
          columns={[
            { title: first, dataIndex: 'name', key: 'name' },
            {
              title: a,
              dataIndex: 'a',
              key: 'a',
              align: 'right',
              render: (n: number) => formatNumber(n),
            },
            ...(b
              ? [
                  {
                    title: b,
                    dataIndex: 'b',
                    key: 'b',
                    align: 'right' as const,
                    render: (n: number) => formatNumber(n),
                  },
                ]
              : []),
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
