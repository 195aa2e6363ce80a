import dayjs from 'dayjs';
import type { RosterRow } from './api/models';

/** The columns of a roster, in the order used when a pasted list has no header row. */
export const ROSTER_COLUMNS: { key: keyof RosterRow; label: string; aliases: string[] }[] = [
  { key: 'team', label: 'Tổ', aliases: ['to', 'ten to'] },
  { key: 'area', label: 'Địa bàn', aliases: ['dia ban', 'thon', 'ap', 'khu dan cu', 'khom'] },
  { key: 'fullName', label: 'Họ và tên', aliases: ['ho va ten', 'ho ten', 'ten'] },
  { key: 'gender', label: 'Giới tính', aliases: ['gioi tinh', 'gioi'] },
  { key: 'birthYear', label: 'Năm sinh', aliases: ['nam sinh'] },
  { key: 'role', label: 'Vai trò', aliases: ['vai tro', 'chuc vu', 'chuc danh'] },
  { key: 'phone', label: 'Điện thoại', aliases: ['dien thoai', 'so dien thoai', 'sdt'] },
  { key: 'address', label: 'Địa chỉ', aliases: ['dia chi', 'noi o'] },
  { key: 'joinedOn', label: 'Ngày vào tổ', aliases: ['ngay vao to', 'ngay tham gia', 'ngay vao'] },
];

/** Lower case, no diacritics (đ → d), single spaces: how headers are compared. */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cells of a pasted Excel selection (tab-separated) or of a CSV file (comma or semicolon). */
export function parseDelimited(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t')
    ? '\t'
    : (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0)
      ? ';'
      : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && clean[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** One spreadsheet cell as text: dates as dd/MM/yyyy, numbers as written. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dayjs(value).format('DD/MM/YYYY');
  return String(value).trim();
}

/**
 * Roster rows from a table of cells: a header row (in Vietnamese, with or without diacritics)
 * says which column is which; without one the columns are in {@link ROSTER_COLUMNS} order.
 * Empty rows are dropped.
 */
export function rowsFromCells(cells: unknown[][]): RosterRow[] {
  const text = cells.map((r) => r.map(cellText));
  const nonEmpty = text.filter((r) => r.some((c) => c !== ''));
  if (!nonEmpty.length) return [];
  const header = nonEmpty[0] ?? [];
  const mapping = header.map(
    (h) => ROSTER_COLUMNS.find((col) => col.aliases.includes(plain(h)))?.key,
  );
  const hasHeader = mapping.filter(Boolean).length >= 2;
  const keys = hasHeader ? mapping : ROSTER_COLUMNS.map((c) => c.key);
  return (hasHeader ? nonEmpty.slice(1) : nonEmpty).map((r) => {
    const row: RosterRow = {};
    keys.forEach((key, i) => {
      const value = r[i];
      if (key && value) row[key] = value;
    });
    return row;
  });
}
