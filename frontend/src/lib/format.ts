import dayjs from 'dayjs';

/** 1294 -> "1.294" (Vietnamese grouping). */
export function formatNumber(n: number | undefined | null): string {
  return n == null ? '' : new Intl.NumberFormat('vi-VN').format(n);
}

/** "2025-07-01" -> "01/07/2025". */
export function formatDate(iso: string | undefined | null): string {
  return iso ? dayjs(iso).format('DD/MM/YYYY') : '';
}

/** Today's date in ISO form (the browser's calendar day). */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
