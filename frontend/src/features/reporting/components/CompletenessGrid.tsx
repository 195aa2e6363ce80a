import { Button, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { ScrollRegion } from '@/components/ScrollRegion';
import { formatDateTime } from '@/lib/format';
import {
  percent,
  type Completeness,
  type CompletenessCell,
  type CompletenessRow,
  type ReportingCounts,
} from '../api/reporting';
import { lookOf } from './states';

/** "Tháng 8/2025" → "T8", "Quý III/2025" → "Q.III": a column head that fits a phone. */
const shortLabel = (label: string) =>
  label.replace(/^Tháng (\d+)\/\d+$/, 'T$1').replace(/^Quý ([IV]+)\/\d+$/, 'Q.$1');

const ratio = (c: ReportingCounts) => `${c.submitted}/${c.expected}`;

/**
 * Units × periods: a commune's cell is coloured by what it did (a link to its report), a larger
 * unit's cell says how many of its communes sent; each row ends with its on-time rate, and the
 * last line counts each period. A row of a larger unit opens its communes.
 */
export function CompletenessGrid({
  data,
  loading,
  onOpen,
}: {
  data?: Completeness;
  loading: boolean;
  onOpen: (unitId: number) => void;
}) {
  const periods = data?.periods ?? [];
  const columns: ColumnsType<CompletenessRow> = [
    {
      title: 'Đơn vị',
      key: 'unit',
      fixed: 'left',
      width: 150,
      render: (_, row) =>
        row.leaf ? (
          row.unit.name
        ) : (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => onOpen(row.unit.id)}
          >
            {row.unit.name}
          </Button>
        ),
    },
    ...periods.map((p, i) => ({
      title: (
        <Tooltip title={`${p.periodLabel} — hạn ${p.deadline.split('-').reverse().join('/')}`}>
          {shortLabel(p.periodLabel)}
        </Tooltip>
      ),
      key: p.periodStart,
      width: 64,
      align: 'center' as const,
      render: (_: unknown, row: CompletenessRow) => {
        const cell = row.cells[i];
        return cell ? <Cell cell={cell} due={p.due} leaf={row.leaf} /> : null;
      },
    })),
    {
      title: 'Đúng hạn',
      key: 'rate',
      width: 84,
      align: 'right',
      render: (_, row) => percent(row.counts.onTimeRate),
    },
  ];
  return (
    <ScrollRegion label="Bảng tình hình báo cáo theo đơn vị và kỳ">
      <Table<CompletenessRow>
        size="small"
        rowKey={(r) => r.unit.id}
        loading={loading}
        columns={columns}
        dataSource={data?.rows ?? []}
        pagination={false}
        scroll={{ x: 150 + 64 * periods.length + 84 }}
        locale={{ emptyText: 'Không có đơn vị cấp xã nào phải báo cáo trong các kỳ này' }}
        summary={() =>
          periods.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>Đã gửi / phải gửi</strong>
              </Table.Summary.Cell>
              {periods.map((p, i) => (
                <Table.Summary.Cell key={p.periodStart} index={i + 1} align="center">
                  {ratio(p.counts)}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={periods.length + 1} align="right">
                <strong>{percent(data?.total.onTimeRate)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </ScrollRegion>
  );
}

function Cell({ cell, due, leaf }: { cell: CompletenessCell; due: boolean; leaf: boolean }) {
  if (!leaf) {
    return cell.counts.expected === 0 ? null : <span>{ratio(cell.counts)}</span>;
  }
  const look = lookOf(cell, due);
  if (!look) {
    return (
      <Typography.Text type="secondary" aria-label="Không phải báo cáo">
        –
      </Typography.Text>
    );
  }
  const when = cell.firstSubmittedAt ? ` (gửi ${formatDateTime(cell.firstSubmittedAt)})` : '';
  const badge = (
    <span
      className="reporting-cell"
      style={{ background: look.color, color: look.text }}
      aria-label={look.label + when}
    >
      {look.short}
    </span>
  );
  return (
    <Tooltip title={look.label + when}>
      {cell.reportId ? <Link to={`/so-lieu/${cell.reportId}`}>{badge}</Link> : badge}
    </Tooltip>
  );
}
