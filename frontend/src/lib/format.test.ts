import dayjs from 'dayjs';
import {
  formatDate,
  formatDateTime,
  formatMoment,
  formatNumber,
  formatTime,
  formatTimeDate,
  isoDate,
} from './format';

describe('Vietnamese formats', () => {
  it('groups thousands with dots', () => {
    expect(formatNumber(18143)).toBe('18.143');
    expect(formatNumber(1294)).toBe('1.294');
    expect(formatNumber(undefined)).toBe('');
  });
  it('shows dates as dd/MM/yyyy', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(undefined)).toBe('');
  });
  it('shows moments with the day first in tables, the time first in sentences', () => {
    const t = dayjs('2025-08-19T07:30:00').toISOString();
    expect(formatDateTime(t)).toBe('19/08/2025 07:30');
    expect(formatTimeDate(t)).toBe('07:30 19/08/2025');
    expect(formatTime(t)).toBe('07:30');
    expect(formatDateTime(undefined)).toBe('');
  });
  it('says when something was read: the hour today, the day too before', () => {
    const today = dayjs().hour(7).minute(30).valueOf();
    expect(formatMoment(today)).toBe('07:30');
    expect(formatMoment(dayjs('2026-11-30T18:05:00').valueOf())).toBe('18:05 30/11/2026');
    expect(formatMoment(undefined)).toBe('');
  });
  it('writes calendar days as the API reads them', () => {
    expect(isoDate(dayjs('2025-07-01T23:00:00'))).toBe('2025-07-01');
  });
});
