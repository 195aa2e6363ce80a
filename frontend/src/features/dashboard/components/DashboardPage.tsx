import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { todayIso } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { unitListQuery, UNIT_KIND_LABELS, type UnitKind } from '@/features/units';

const TILES: { title: string; kinds: UnitKind[]; link: string }[] = [
  { title: 'Tỉnh, thành phố', kinds: ['PROVINCE'], link: '/don-vi?kind=PROVINCE' },
  {
    title: 'Xã, phường, đặc khu',
    kinds: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'],
    link: '/don-vi?kind=COMMUNE&kind=WARD&kind=SPECIAL_ZONE',
  },
  { title: UNIT_KIND_LABELS.HAMLET, kinds: ['HAMLET'], link: '/don-vi?kind=HAMLET' },
  { title: 'Đơn vị công an', kinds: ['POLICE'], link: '/don-vi?kind=POLICE' },
  {
    title: 'Mặt trận và tổ chức thành viên',
    kinds: ['FRONT_COMMITTEE', 'MEMBER_ORGANISATION'],
    link: '/don-vi?kind=FRONT_COMMITTEE&kind=MEMBER_ORGANISATION',
  },
];

/** Tổng quan: what the register holds today, counted by the server. */
export function DashboardPage() {
  const today = todayIso();
  const results = useQueries({
    queries: TILES.map((t) => unitListQuery({ kind: t.kinds, activeOn: today, size: 1 })),
  });
  const failed = results.find((r) => r.isError);
  return (
    <div>
      <Typography.Title level={3}>Tổng quan</Typography.Title>
      <Typography.Paragraph type="secondary">
        Số đơn vị đang hoạt động trong hệ thống tính đến hôm nay. Mô hình, sự kiện, khen thưởng và
        báo cáo tổng hợp sẽ xuất hiện ở đây khi các chức năng đó hoàn thành.
      </Typography.Paragraph>
      {failed && <Alert type="error" showIcon title={problemMessage(failed.error)} />}
      <Row gutter={[16, 16]}>
        {TILES.map((t, i) => (
          <Col key={t.title} xs={24} sm={12} lg={8} xl={6}>
            <Link to={t.link}>
              <Card hoverable>
                <Statistic
                  title={t.title}
                  value={results[i]?.data?.totalElements ?? 0}
                  loading={results[i]?.isLoading}
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
