import type { Completeness, CompletenessCell, ReportingState } from '../api/reporting';

/** What a commune did for a period, as the grid colours it (the legend reads the same). */
export interface CellLook {
  key: string;
  short: string;
  label: string;
  color: string;
  text: string;
}

export const LOOKS: CellLook[] = [
  { key: 'approved', short: 'Duyệt', label: 'Đã duyệt', color: '#237804', text: '#fff' },
  { key: 'onTime', short: 'Gửi', label: 'Đã gửi đúng hạn', color: '#0958d9', text: '#fff' },
  { key: 'late', short: 'Muộn', label: 'Gửi muộn', color: '#ad4e00', text: '#fff' },
  { key: 'returned', short: 'Trả', label: 'Bị trả lại', color: '#faad14', text: '#000' },
  { key: 'draft', short: 'Nháp', label: 'Đang nhập, chưa gửi', color: '#d9d9d9', text: '#000' },
  { key: 'missing', short: 'Thiếu', label: 'Quá hạn, chưa gửi', color: '#cf1322', text: '#fff' },
  {
    key: 'waiting',
    short: 'Chưa',
    label: 'Chưa gửi, chưa đến hạn',
    color: '#f5f5f5',
    text: '#000',
  },
];

const byKey = Object.fromEntries(LOOKS.map((l) => [l.key, l]));

/** The look of a commune's cell; undefined when the commune did not have to report then. */
export function lookOf(cell: CompletenessCell, due: boolean): CellLook | undefined {
  const state: ReportingState | undefined = cell.state;
  switch (state) {
    case 'APPROVED':
      return byKey.approved;
    case 'SUBMITTED':
      return cell.onTime ? byKey.onTime : byKey.late;
    case 'RETURNED':
      return byKey.returned;
    case 'DRAFT':
      return due ? byKey.missing : byKey.draft;
    case 'NOT_STARTED':
      return due ? byKey.missing : byKey.waiting;
    default:
      return undefined;
  }
}

/** "28/30 xã, phường báo cáo đúng hạn Tháng 10/2026": the last period whose deadline passed. */
export function lastDueSentence(data: Completeness | undefined): string | undefined {
  const last = [...(data?.periods ?? [])].reverse().find((p) => p.due);
  if (!last) return undefined;
  const c = last.counts;
  return `${c.onTime}/${c.expected} xã, phường báo cáo đúng hạn ${last.periodLabel} (${c.submitted} đã gửi, ${c.approved} đã duyệt)`;
}
