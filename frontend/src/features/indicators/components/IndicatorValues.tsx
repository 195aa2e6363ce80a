import { Card, Input, InputNumber, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { formatNumber } from '@/lib/format';
import type { IndicatorReport } from '../api/indicators';

/** An indicator of the period with the value entered (undefined: none). */
export interface Line {
  id: number;
  name: string;
  value?: number;
}

/** The period's figures, one per indicator in force, and its note; inputs while editable. */
export function IndicatorValues({
  lines,
  note,
  editable,
  loading,
  onValue,
  onNote,
}: {
  lines: Line[];
  note: string;
  editable: boolean;
  loading: boolean;
  onValue: (indicatorId: number, value: number | null) => void;
  onNote: (note: string) => void;
}) {
  return (
    <Card size="small" title="Số liệu theo chỉ tiêu" style={{ marginBottom: 16 }}>
      <Table<Line>
        rowKey="id"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={lines}
        columns={[
          { title: 'TT', key: 'tt', width: 50, render: (_, __, i) => i + 1 },
          { title: 'Chỉ tiêu', dataIndex: 'name', key: 'name' },
          {
            title: 'Số liệu',
            key: 'value',
            width: 200,
            align: 'right',
            render: (_, l) =>
              editable ? (
                <InputNumber
                  aria-label={l.name}
                  min={0}
                  max={1_000_000_000}
                  precision={0}
                  placeholder="chưa nhập"
                  value={l.value ?? null}
                  formatter={(v) =>
                    v === undefined || `${v}` === '' ? '' : formatNumber(Number(v))
                  }
                  parser={(v) => (v ? Number(v.replace(/\./g, '')) : (null as unknown as number))}
                  onChange={(v) => onValue(l.id, v ?? null)}
                  style={{ width: '100%' }}
                />
              ) : l.value === undefined ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                formatNumber(l.value)
              ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
        Ghi chú
      </Typography.Paragraph>
      {editable ? (
        <Input.TextArea
          aria-label="Ghi chú"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => onNote(e.target.value)}
        />
      ) : (
        <Typography.Text>{note || '—'}</Typography.Text>
      )}
    </Card>
  );
}

/** Every indicator in force in the period, in catalogue order, with what was entered. */
export function useLines(
  report: IndicatorReport | undefined,
  indicators: { id: number; name: string }[] | undefined,
): Line[] {
  return useMemo<Line[]>(() => {
    if (!report) return [];
    const entered = new Map(report.values.map((v) => [v.indicator.id, v]));
    const items = (indicators ?? []).map((i) => ({ id: i.id, name: i.name }));
    for (const v of report.values) {
      if (!items.some((i) => i.id === v.indicator.id))
        items.push({ id: v.indicator.id, name: v.indicator.name });
    }
    return items
      .sort((a, b) => a.id - b.id)
      .map((i) => ({ ...i, value: entered.get(i.id)?.value }));
  }, [report, indicators]);
}
