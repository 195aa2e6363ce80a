import { Typography } from 'antd';
import { formatDate } from '@/lib/format';
import type { Schemas } from '@/lib/api/client';

export type LineageLink = Schemas['LineageLink'];

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
        {CHANGE_LABELS[l.changeKind]} {direction}{' '}
        <Typography.Link {...linkTo(l.unit.id)}>{l.unit.name}</Typography.Link>
        {l.note && <Typography.Text type="secondary"> — {l.note}</Typography.Text>}
      </span>
    ),
  };
}
