import { Alert, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { formatNumber } from '@/lib/format';
import { useReportingLine, type ReportSummary } from '../api/reports';
import { ReportBreakdowns } from './ReportBreakdowns';
import { ReportNotes } from './ReportNotes';
import { ReportTables } from './ReportTables';

const declared = (n: number) =>
  n > 0 ? `trong đó ${formatNumber(n)} theo số mô hình khai báo` : undefined;

/** A report: its sentence, the headline figures (linked to their lists), breakdowns and tables. */
export function ReportView({ summary }: { summary: ReportSummary }) {
  const t = summary.totals;
  const scope = summary.unit ? `unitId=${summary.unit.id}&` : '';
  const cards: { title: string; value: number; link?: string; note?: string }[] = [
    {
      title: 'Sự kiện, hoạt động',
      value: t.events,
      link: `/su-kien?${scope}from=${summary.from}&to=${summary.to}`,
    },
    { title: 'Buổi', value: t.sessions },
    { title: 'Lượt người tham dự', value: t.attendance },
    {
      title: 'Mô hình',
      value: t.models,
      link: `/mo-hinh?${scope}`,
      // as they stood at the end of the period: founded by then, and those still in force
      note: `${formatNumber(t.modelsInForce)} còn hiệu lực cuối kỳ`,
    },
    {
      title: 'Loại mô hình còn hiệu lực',
      value: t.modelKinds,
      note: `thuộc ${formatNumber(t.modelFields)} lĩnh vực`,
    },
    {
      title: 'Nơi có mô hình',
      value: t.modelPlaces,
      note: t.replicationSites
        ? `nhân rộng tại ${formatNumber(t.replicationSites)} nơi`
        : undefined,
    },
    { title: 'Tổ', value: t.teams, note: declared(t.teamsDeclared) },
    { title: 'Thành viên', value: t.members, note: declared(t.membersDeclared) },
    {
      title: 'Quyết định khen thưởng',
      value: t.awardDecisions,
      link: `/khen-thuong?${scope}from=${summary.from}&to=${summary.to}`,
    },
    {
      title: 'Lượt tập thể được khen',
      value: t.awardedCollectives,
      link: `/khen-thuong?${scope}kind=COLLECTIVE&from=${summary.from}&to=${summary.to}`,
    },
    {
      title: 'Lượt cá nhân được khen',
      value: t.awardedIndividuals,
      link: `/khen-thuong?${scope}kind=INDIVIDUAL&from=${summary.from}&to=${summary.to}`,
    },
    {
      title: 'Lượt đạt chuẩn an toàn về ANTT',
      value: t.safetyMet,
      link: `/an-toan?${scope}met=true`,
    },
    {
      title: 'Công an phường điển hình, kiểu mẫu',
      value: t.exemplaryPolice,
      link: '/an-toan?tab=cong-an',
    },
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={summary.text} />
      <ReportingLine summary={summary} />
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={8} lg={6} xl={4}>
            <Card size="small">
              <Statistic
                title={c.link ? <Link to={c.link}>{c.title}</Link> : c.title}
                value={c.value}
                formatter={(v) => formatNumber(Number(v))}
              />
              {c.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.note}
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <ReportBreakdowns summary={summary} />
      <ReportTables summary={summary} />
      <ReportNotes summary={summary} />
    </Space>
  );
}

/** How the communes of the territory sent their figures, linked to the completeness grid. */
function ReportingLine({ summary }: { summary: ReportSummary }) {
  const line = useReportingLine({
    unitId: summary.unit?.id,
    from: summary.from,
    to: summary.to,
  }).data;
  if (!line) {
    return null;
  }
  const scope = summary.unit ? `unitId=${summary.unit.id}&` : '';
  return (
    <Alert
      data-testid="reporting-line"
      type={line.last.expected > 0 && line.last.onTime < line.last.expected ? 'warning' : 'success'}
      showIcon
      title={
        <>
          {`Tình hình gửi số liệu: ${line.text} `}
          <Link
            to={`/tinh-hinh-bao-cao?${scope}year=${line.periodStart.slice(0, 4)}`}
            style={{ textDecoration: 'underline' }}
          >
            Xem chi tiết
          </Link>
        </>
      }
    />
  );
}
