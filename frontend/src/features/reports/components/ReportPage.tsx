import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Segmented,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { UnitPicker } from '@/components/UnitPicker';
import { api } from '@/lib/api/client';
import { saveDownload } from '@/lib/download';
import { formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useCurrentUser } from '@/lib/useSession';
import {
  useReportSummary,
  type ReportFigures,
  type ReportGrouping,
  type ReportSummary,
} from '../api/reports';

const STATUS_LABELS: Record<string, string> = {
  REGISTERED: 'Đăng ký',
  ACTIVE: 'Hoạt động',
  REVIEWED: 'Đã sơ kết',
  FINAL_REVIEWED: 'Đã tổng kết',
  REPLICATED: 'Nhân rộng',
  RETIRED: 'Thôi hoạt động',
};

const RECOGNITION_LABELS: Record<string, string> = {
  COMMUNE: 'Điển hình cấp xã',
  PROVINCE: 'Điển hình cấp tỉnh',
  MINISTRY: 'Điển hình cấp Bộ',
};

/**
 * Báo cáo tổng hợp: every figure of a territory over a period, computed by the server from the
 * records (units merged into it included), by child unit and over time. Territory and period
 * live in the URL, so a report can be bookmarked and sent.
 */
export function ReportPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : user?.unit?.id;
  const from = params.get('from') ?? dayjs().startOf('year').format('YYYY-MM-DD');
  const to = params.get('to') ?? dayjs().format('YYYY-MM-DD');
  const groupBy = (params.get('groupBy') ?? undefined) as ReportGrouping | undefined;
  const report = useReportSummary({ unitId, from, to, groupBy });
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<'xlsx' | 'docx'>();
  const exportAs = async (kind: 'xlsx' | 'docx') => {
    setExporting(kind);
    try {
      const query = { params: { query: { unitId, from, to, groupBy } }, parseAs: 'blob' as const };
      const name = saveDownload(
        kind === 'xlsx'
          ? await api.GET('/api/reports/summary.xlsx', query)
          : await api.GET('/api/reports/summary.docx', query),
        `bao-cao-tong-hop.${kind}`,
      );
      message.success(`Đã tải ${name}`);
    } catch (e) {
      message.error(problemMessage(e));
    } finally {
      setExporting(undefined);
    }
  };
  const set = (values: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      Object.entries(values).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)));
      return next;
    });

  return (
    <>
      <Typography.Title level={3}>Báo cáo tổng hợp</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={9}>
            <UnitPicker
              aria-label="Địa bàn báo cáo"
              placeholder="Toàn quốc"
              value={unitId}
              onChange={(v) => set({ unitId: typeof v === 'number' ? String(v) : undefined })}
            />
          </Col>
          <Col xs={24} md={9}>
            <DatePicker.RangePicker
              aria-label="Kỳ báo cáo"
              format="DD/MM/YYYY"
              style={{ width: '100%' }}
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              onChange={(r) =>
                r?.[0] &&
                r[1] &&
                set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })
              }
            />
          </Col>
          <Col xs={24} md={6}>
            <Space wrap>
              <Segmented<string>
                value={report.data?.groupBy ?? groupBy ?? 'MONTH'}
                onChange={(v) => set({ groupBy: v })}
                options={[
                  { value: 'MONTH', label: 'Theo tháng' },
                  { value: 'YEAR', label: 'Theo năm' },
                ]}
              />
            </Space>
          </Col>
          <Col xs={24}>
            <Space>
              <Button
                icon={<FileExcelOutlined />}
                loading={exporting === 'xlsx'}
                onClick={() => void exportAs('xlsx')}
              >
                Xuất Excel
              </Button>
              <Button
                icon={<FileWordOutlined />}
                loading={exporting === 'docx'}
                onClick={() => void exportAs('docx')}
              >
                Xuất báo cáo Word
              </Button>
            </Space>
          </Col>
        </Row>
      </Card>
      {report.isError && <Alert type="error" showIcon title={problemMessage(report.error)} />}
      {report.isLoading && <Skeleton active />}
      {report.data && <Report summary={report.data} />}
    </>
  );
}

function Report({ summary }: { summary: ReportSummary }) {
  const t = summary.totals;
  const place = summary.unit?.name ?? 'Toàn quốc';
  const scope = summary.unit ? `unitId=${summary.unit.id}&` : '';
  const cards: { title: string; value: number; link?: string }[] = [
    {
      title: 'Sự kiện, hoạt động',
      value: t.events,
      link: `/su-kien?${scope}from=${summary.from}&to=${summary.to}`,
    },
    { title: 'Buổi', value: t.sessions },
    { title: 'Lượt người tham dự', value: t.attendance },
    { title: 'Mô hình', value: t.models, link: `/mo-hinh?${scope}` },
    { title: 'Tổ', value: t.teams },
    { title: 'Thành viên', value: t.members },
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
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={8} lg={6} xl={4}>
            <Card size="small">
              <Statistic
                title={c.link ? <Link to={c.link}>{c.title}</Link> : c.title}
                value={c.value}
                formatter={(v) => formatNumber(Number(v))}
              />
            </Card>
          </Col>
        ))}
      </Row>
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
          <Card size="small" title="Mô hình theo trạng thái và mức điển hình">
            <Space wrap>
              {t.modelsByStatus.map((s) => (
                <Tag key={s.status}>
                  {STATUS_LABELS[s.status] ?? s.status}: {formatNumber(s.count)}
                </Tag>
              ))}
              {t.modelsByRecognition.map((s) => (
                <Tag key={s.level} color="gold">
                  {RECOGNITION_LABELS[s.level] ?? s.level}: {formatNumber(s.count)}
                </Tag>
              ))}
              {t.models === 0 && (
                <Typography.Text type="secondary">Chưa có mô hình</Typography.Text>
              )}
            </Space>
          </Card>
        </Col>
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
      <Card
        size="small"
        title={summary.unit ? `Theo đơn vị trực thuộc ${place}` : 'Theo tỉnh, thành phố'}
      >
        <Table
          size="small"
          rowKey="key"
          pagination={summary.children.length > 20 ? { pageSize: 20 } : false}
          dataSource={[
            ...summary.children.map((c) => ({ key: c.unit.id, name: c.unit.name, f: c.figures })),
            ...(hasAny(summary.direct)
              ? [
                  {
                    key: 0,
                    name: `Cấp ${place} và đơn vị không còn trực thuộc`,
                    f: summary.direct,
                  },
                ]
              : []),
          ]}
          locale={{ emptyText: 'Không có đơn vị trực thuộc' }}
          columns={[{ title: 'Đơn vị', dataIndex: 'name', key: 'name' }, ...figureColumns()]}
        />
      </Card>
      <Card size="small" title={summary.groupBy === 'YEAR' ? 'Theo năm' : 'Theo tháng'}>
        <Table
          size="small"
          rowKey="period"
          pagination={summary.series.length > 24 ? { pageSize: 24 } : false}
          dataSource={summary.series}
          columns={[
            { title: 'Kỳ', dataIndex: 'period', key: 'period', render: periodLabel },
            ...(
              [
                'events',
                'sessions',
                'attendance',
                'modelsRegistered',
                'awardedCollectives',
                'awardedIndividuals',
              ] as const
            ).map((k) => ({
              title: SERIES_LABELS[k],
              dataIndex: k,
              key: k,
              align: 'right' as const,
              render: (n: number) => formatNumber(n),
            })),
          ]}
        />
      </Card>
    </Space>
  );
}

const SERIES_LABELS = {
  events: 'Sự kiện',
  sessions: 'Buổi',
  attendance: 'Lượt tham dự',
  modelsRegistered: 'Mô hình mới',
  awardedCollectives: 'Tập thể được khen',
  awardedIndividuals: 'Cá nhân được khen',
};

function periodLabel(p: string) {
  return p.length === 7 ? `${p.slice(5)}/${p.slice(0, 4)}` : p;
}

function hasAny(f: ReportFigures) {
  return f.events + f.models + f.teams + f.awardedCollectives + f.awardedIndividuals > 0;
}

function figureColumns() {
  const col = (title: string, pick: (f: ReportFigures) => number) => ({
    title,
    key: title,
    align: 'right' as const,
    render: (_: unknown, r: { f: ReportFigures }) => formatNumber(pick(r.f)),
  });
  return [
    col('Sự kiện', (f) => f.events),
    col('Lượt tham dự', (f) => f.attendance),
    col('Mô hình', (f) => f.models),
    col('Tổ', (f) => f.teams),
    col('Thành viên', (f) => f.members),
    col('Tập thể được khen', (f) => f.awardedCollectives),
    col('Cá nhân được khen', (f) => f.awardedIndividuals),
  ];
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
    </Card>
  );
}
