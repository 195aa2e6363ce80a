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

/** "2025-08-19T07:30:00+07:00" -> "19/08/2025 07:30" (a moment in lists and tables). */
export function formatDateTime(iso: string | undefined | null): string {
  return iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '';
}

/** "2025-08-19T07:30:00+07:00" -> "07:30 19/08/2025" (when something happened, in a sentence). */
export function formatTimeDate(iso: string | undefined | null): string {
  return iso ? dayjs(iso).format('HH:mm DD/MM/YYYY') : '';
}

/** "2025-08-19T07:30:00+07:00" -> "07:30". */
export function formatTime(iso: string | undefined | null): string {
  return iso ? dayjs(iso).format('HH:mm') : '';
}

/** A moment on this device's clock: "07:30" when it is today, "18:05 30/11/2026" before. */
export function formatMoment(ms: number | undefined): string {
  if (!ms) return '';
  const moment = dayjs(ms);
  return moment.format(moment.isSame(dayjs(), 'day') ? 'HH:mm' : 'HH:mm DD/MM/YYYY');
}

/** A calendar day as the API writes it: "2025-08-19". */
export function isoDate(day: dayjs.Dayjs): string {
  return day.format('YYYY-MM-DD');
}

/** "1.294 sự kiện", or "Hơn 10.000 sự kiện" when the server stopped counting. */
export function totalText(total: number, noun: string, capped?: boolean): string {
  return capped ? `Hơn ${formatNumber(total)} ${noun}` : `${formatNumber(total)} ${noun}`;
}
