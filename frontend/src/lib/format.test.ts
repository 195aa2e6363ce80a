import { formatDate, formatNumber } from './format';

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
});
