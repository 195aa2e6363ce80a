import { Card, Table } from 'antd';
import { formatNumber } from '@/lib/format';
import type { ReportFigures, ReportSummary } from '../api/reports';
import { ScrollRegion } from '@/components/ScrollRegion';

/** The figures by child unit (and the unit's own), and over time. */
export function ReportTables({ summary }: { summary: ReportSummary }) {
  const place = summary.unit?.name ?? 'Toàn quốc';
  return (
    <>
      <Card
        size="small"
        title={summary.unit ? `Theo đơn vị trực thuộc ${place}` : 'Theo tỉnh, thành phố'}
      >
        <ScrollRegion
          label={
            summary.unit ? `Bảng theo đơn vị trực thuộc ${place}` : 'Bảng theo tỉnh, thành phố'
          }
        >
          <Table
            size="small"
            rowKey="key"
            pagination={summary.children.length > 20 ? { pageSize: 20 } : false}
            dataSource={[
              ...summary.children.map((c) => ({
                key: c.unit.id,
                name: c.unit.name,
                level: c.level,
                f: c.figures,
              })),
              ...(hasAny(summary.direct)
                ? [
                    {
                      key: 0,
                      level: 1,
                      name: `Cấp ${place} và đơn vị không còn trực thuộc`,
                      f: summary.direct,
                    },
                  ]
                : []),
            ]}
            locale={{ emptyText: 'Không có đơn vị trực thuộc' }}
            columns={[
              {
                title: 'Đơn vị',
                dataIndex: 'name',
                key: 'name',
                // the rows under a unit follow it, indented
                render: (name: string, row: { level: number; f: ReportFigures }) => (
                  <span style={{ paddingLeft: (row.level - 1) * 20 }}>{name}</span>
                ),
              },
              ...figureColumns(),
            ]}
          />
        </ScrollRegion>
      </Card>
      <Card size="small" title={summary.groupBy === 'YEAR' ? 'Theo năm' : 'Theo tháng'}>
        <ScrollRegion label={summary.groupBy === 'YEAR' ? 'Bảng theo năm' : 'Bảng theo tháng'}>
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
        </ScrollRegion>
      </Card>
    </>
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

/** A stock counted partly from declared totals: the figure, and under it the declared part. */
function withDeclared(title: string, pick: (f: ReportFigures) => [number, number]) {
  return {
    title,
    key: title,
    align: 'right' as const,
    render: (_: unknown, r: { f: ReportFigures }) => {
      const [all, declared] = pick(r.f);
      return (
        <>
          {formatNumber(all)}
          {declared > 0 && (
            <div style={{ fontSize: 12, color: '#666666' }}>
              {formatNumber(declared)} theo khai báo
            </div>
          )}
        </>
      );
    },
  };
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
    withDeclared('Tổ', (f) => [f.teams, f.teamsDeclared]),
    withDeclared('Thành viên', (f) => [f.members, f.membersDeclared]),
    col('Tập thể được khen', (f) => f.awardedCollectives),
    col('Cá nhân được khen', (f) => f.awardedIndividuals),
  ];
}
