import { TrophyOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { PendingCard } from '@/features/indicators';
import { CompletenessCard } from '@/features/reporting';
import { useReportSummary } from '@/features/reports';
import { UNIT_KIND_LABELS } from '@/lib/unitKinds';
import { unitListQuery, type UnitKind } from '@/lib/units';
import { api, unwrap } from '@/lib/api/client';
import { formatNumber, isoDate, todayIso } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useCurrentUser, useRights } from '@/lib/useSession';
import { TrendChart, ChildrenChart, ChildrenTable } from './DashboardCharts';
import { RECOGNITION_LABELS } from '@/lib/recognitionLevels';

const TILES: { title: string; kinds: UnitKind[]; link: string }[] = [
  { title: 'Tỉnh, thành phố', kinds: ['PROVINCE'], link: '/don-vi?kind=PROVINCE' },
  {
    title: 'Xã, phường, đặc khu',
    kinds: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'],
    link: '/don-vi?kind=COMMUNE&kind=WARD&kind=SPECIAL_ZONE',
  },
  { title: UNIT_KIND_LABELS.HAMLET, kinds: ['HAMLET'], link: '/don-vi?kind=HAMLET' },
  { title: 'Đơn vị công an', kinds: ['POLICE'], link: '/don-vi?kind=POLICE' },
];

/**
 * Tổng quan: the user's territory at a glance — this year's figures, the last twelve months, the
 * child units side by side, the most recognised models — every number linking to its list.
 */
export function DashboardPage() {
  const user = useCurrentUser();
  const rights = useRights();
  const unitId = user?.unit?.id;
  const today = todayIso();
  const yearStart = isoDate(dayjs().startOf('year'));
  const twelveMonths = isoDate(dayjs().subtract(11, 'month').startOf('month'));
  const year = useReportSummary({ unitId, from: yearStart, to: today });
  const trend = useReportSummary({
    unitId,
    from: twelveMonths,
    to: today,
    groupBy: 'MONTH',
  });
  const models = useQuery({
    queryKey: ['models', 'dashboard-recognised', unitId ?? 0],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/models', {
            params: {
              query: {
                unitId,
                recognitionLevel: 'COMMUNE',
                sort: 'recognitionLevel,desc',
                size: 5,
              },
            },
          }),
        )
      ).data,
  });
  const units = useQueries({
    queries: TILES.map((t) => unitListQuery({ kind: t.kinds, activeOn: today, size: 1 })),
  });
  const where = year.data?.unit?.name ?? 'toàn quốc';
  const scope = unitId ? `unitId=${unitId}&` : '';
  const y = year.data?.totals;
  const cards = [
    { title: 'Mô hình tự phòng, tự quản', value: y?.models, link: `/mo-hinh?${scope}` },
    { title: 'Tổ', value: y?.teams, link: `/mo-hinh?${scope}` },
    { title: 'Thành viên', value: y?.members, link: `/mo-hinh?${scope}tab=members` },
    {
      title: `Sự kiện năm ${dayjs().year()}`,
      value: y?.events,
      link: `/su-kien?${scope}from=${yearStart}&to=${today}`,
    },
    {
      title: 'Lượt người tham dự',
      value: y?.attendance,
      link: `/su-kien?${scope}from=${yearStart}&to=${today}`,
    },
    {
      title: `Tập thể, cá nhân được khen năm ${dayjs().year()}`,
      value: y ? y.awardedCollectives + y.awardedIndividuals : undefined,
      link: `/khen-thuong?${scope}from=${yearStart}&to=${today}`,
    },
  ];
  const failed = [year, trend, models].find((q) => q.isError);

  return (
    <div>
      <Typography.Title level={3}>Tổng quan</Typography.Title>
      <Typography.Paragraph type="secondary">
        Số liệu của {where} tính từ dữ liệu đã ghi, gồm cả các đơn vị đã sáp nhập vào; bấm vào một
        con số để xem danh sách.
      </Typography.Paragraph>
      {failed?.error && <Alert type="error" showIcon title={problemMessage(failed.error)} />}
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={8} xl={4}>
            <Link to={c.link}>
              <Card hoverable size="small">
                <Statistic
                  title={c.title}
                  value={c.value ?? 0}
                  loading={year.isLoading}
                  formatter={(v) => formatNumber(Number(v))}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {(rights.write || rights.reorganise) && (
          <Col xs={24} xl={14}>
            <PendingCard unitId={unitId} />
          </Col>
        )}
        <Col xs={24} xl={rights.write || rights.reorganise ? 10 : 24}>
          <CompletenessCard unitId={unitId} />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card size="small" title="12 tháng gần nhất">
            {trend.data && <TrendChart summary={trend.data} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={
              <Space>
                <TrophyOutlined style={{ color: '#d4a017' }} />
                Mô hình điển hình
              </Space>
            }
            extra={<Link to={`/mo-hinh?${scope}recognitionLevel=COMMUNE`}>Xem tất cả</Link>}
          >
            <List
              size="small"
              loading={models.isLoading}
              dataSource={models.data?.content ?? []}
              locale={{ emptyText: 'Chưa có mô hình được công nhận điển hình' }}
              renderItem={(m) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    <Link to={`/mo-hinh/${m.id}`}>{m.name}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.unit.name}
                    </Typography.Text>
                  </Space>
                  {m.recognitionLevel && (
                    <Tag color="gold">{RECOGNITION_LABELS[m.recognitionLevel]}</Tag>
                  )}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {trend.data && trend.data.children.length > 0 && (
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title={`Theo đơn vị trực thuộc (12 tháng gần nhất)`}
          extra={
            <Link to={`/bao-cao?${scope}from=${twelveMonths}&to=${today}`}>Báo cáo chi tiết</Link>
          }
        >
          <ChildrenChart summary={trend.data} />
          <ChildrenTable summary={trend.data} from={twelveMonths} to={today} />
        </Card>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        Đơn vị đang hoạt động
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {TILES.map((t, i) => (
          <Col key={t.title} xs={12} lg={6}>
            <Link to={t.link}>
              <Card hoverable size="small">
                <Statistic
                  title={t.title}
                  value={units[i]?.data?.totalElements ?? 0}
                  loading={units[i]?.isLoading}
                  groupSeparator="."
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
