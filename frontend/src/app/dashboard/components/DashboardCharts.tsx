import { Table } from 'antd';
import { Link } from 'react-router';
import { type ReportSummary } from '@/features/reports';
import { formatNumber } from '@/lib/format';
import { lazy, Suspense, type ComponentProps } from 'react';

// ECharts is a script of its own: the dashboard's figures show first, the charts when it has come
const EChart = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));

function Chart(props: ComponentProps<typeof EChart>) {
  return (
    <Suspense fallback={<div style={{ height: props.height }} aria-busy="true" />}>
      <EChart {...props} />
    </Suspense>
  );
}

export function TrendChart({ summary }: { summary: ReportSummary }) {
  const months = summary.series.map((p) => `${p.period.slice(5)}/${p.period.slice(2, 4)}`);
  return (
    <Chart
      ariaLabel="Biểu đồ sự kiện và lượt tham dự theo tháng"
      height={280}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: ['Sự kiện', 'Lượt tham dự'] },
        grid: { left: 48, right: 56, top: 56, bottom: 24 },
        xAxis: { type: 'category', data: months },
        yAxis: [
          { type: 'value', name: 'Sự kiện', minInterval: 1 },
          { type: 'value', name: 'Lượt', splitLine: { show: false } },
        ],
        series: [
          { name: 'Sự kiện', type: 'bar', data: summary.series.map((p) => p.events) },
          {
            name: 'Lượt tham dự',
            type: 'line',
            yAxisIndex: 1,
            smooth: true,
            data: summary.series.map((p) => p.attendance),
          },
        ],
      }}
    />
  );
}

export function ChildrenChart({ summary }: { summary: ReportSummary }) {
  const rows = summary.children.slice(0, 40);
  return (
    <Chart
      ariaLabel="Biểu đồ theo đơn vị trực thuộc"
      height={Math.max(200, rows.length * 28 + 60)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, data: ['Sự kiện', 'Mô hình', 'Được khen'] },
        grid: { left: 200, right: 24, top: 32, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: rows.map((c) => c.unit.name) },
        series: [
          { name: 'Sự kiện', type: 'bar', data: rows.map((c) => c.figures.events) },
          { name: 'Mô hình', type: 'bar', data: rows.map((c) => c.figures.models) },
          {
            name: 'Được khen',
            type: 'bar',
            data: rows.map((c) => c.figures.awardedCollectives + c.figures.awardedIndividuals),
          },
        ],
      }}
    />
  );
}

export function ChildrenTable({
  summary,
  from,
  to,
}: {
  summary: ReportSummary;
  from: string;
  to: string;
}) {
  return (
    <Table
      size="small"
      rowKey={(c) => c.unit.id}
      dataSource={summary.children}
      pagination={summary.children.length > 10 ? { pageSize: 10 } : false}
      columns={[
        {
          title: 'Đơn vị',
          key: 'unit',
          render: (_, c) => (
            <Link to={`/bao-cao?unitId=${c.unit.id}&from=${from}&to=${to}`}>{c.unit.name}</Link>
          ),
        },
        {
          title: 'Sự kiện',
          key: 'events',
          align: 'right',
          render: (_, c) => (
            <Link to={`/su-kien?unitId=${c.unit.id}&from=${from}&to=${to}`}>
              {formatNumber(c.figures.events)}
            </Link>
          ),
        },
        {
          title: 'Mô hình',
          key: 'models',
          align: 'right',
          render: (_, c) => (
            <Link to={`/mo-hinh?unitId=${c.unit.id}`}>{formatNumber(c.figures.models)}</Link>
          ),
        },
        {
          title: 'Được khen',
          key: 'awards',
          align: 'right',
          render: (_, c) => (
            <Link to={`/khen-thuong?unitId=${c.unit.id}&from=${from}&to=${to}`}>
              {formatNumber(c.figures.awardedCollectives + c.figures.awardedIndividuals)}
            </Link>
          ),
        },
      ]}
    />
  );
}
