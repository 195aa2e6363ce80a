import { Empty, Timeline, Typography } from 'antd';
import { formatDate, formatNumber } from '@/lib/format';
import type { Schemas } from '@/lib/api/client';

export type LineageLink = Schemas['LineageLink'];
export type FormerName = Schemas['FormerName'];

export const CHANGE_LABELS = { MERGE: 'Sáp nhập', SPLIT: 'Chia tách', RENAME: 'Đổi tên' } as const;

export type LinkTo = (id: number) => { href: string; onClick: (e: React.MouseEvent) => void };

/** One lineage link on the timeline: "Sáp nhập từ X" or "Sáp nhập vào Y", with its basis. */
export function lineageItem(
  l: LineageLink,
  direction: 'từ' | 'vào',
  color: string,
  linkTo: LinkTo,
) {
  return {
    key: `${direction}${l.unit.id}`,
    color,
    title: formatDate(l.date),
    content: (
      <span>
        {CHANGE_LABELS[l.changeKind]}{' '}
        {l.changeKind === 'SPLIT' && direction === 'vào' ? 'thành' : direction}{' '}
        <Typography.Link {...linkTo(l.unit.id)}>{l.unit.name}</Typography.Link>
        {l.share != null && ` (${formatNumber(l.share)}% số liệu)`}
        {l.note && <Typography.Text type="secondary"> — {l.note}</Typography.Text>}
      </span>
    ),
  };
}

/** A former name on the timeline: "Đổi tên từ «Phường 1»" on the day the next name began. */
export function formerNameItem(f: FormerName) {
  return {
    key: `ten${f.until}`,
    color: 'purple',
    title: formatDate(f.until),
    content: (
      <span>
        Đổi tên từ «{f.name}»
        {f.note && <Typography.Text type="secondary"> — {f.note}</Typography.Text>}
      </span>
    ),
  };
}

/** The unit's reorganisations: merges from and into it, and its renames, by date. */
export function LineageTimeline({ unit, linkTo }: { unit: Schemas['UnitDetail']; linkTo: LinkTo }) {
  const items = [
    ...unit.predecessors.map((l) => ({ day: l.date, item: lineageItem(l, 'từ', 'gray', linkTo) })),
    ...unit.successors.map((l) => ({ day: l.date, item: lineageItem(l, 'vào', 'blue', linkTo) })),
    ...unit.formerNames.map((f) => ({ day: f.until, item: formerNameItem(f) })),
  ].sort((a, b) => a.day.localeCompare(b.day));
  if (items.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="Chưa có sáp nhập, chia tách hay đổi tên"
      />
    );
  }
  return <Timeline items={items.map((x) => x.item)} />;
}
