import { describe, expect, it } from 'vitest';
import { cellText, parseDelimited, plain, rowsFromCells } from './roster';

describe('roster lists from Excel or CSV', () => {
  it('reads a selection pasted from Excel with a Vietnamese header in any column order', () => {
    const pasted =
      'Họ và tên\tTổ\tGiới tính\tVai trò\tĐiện thoại\n' +
      'Nguyễn Văn Một\tTổ 1\tNam\tTổ trưởng\t0911111111\n' +
      '\t\t\t\t\n' +
      'Trần Thị Hai\tTổ 1\tNữ\tTổ viên\t\n';
    expect(rowsFromCells(parseDelimited(pasted))).toEqual([
      {
        fullName: 'Nguyễn Văn Một',
        team: 'Tổ 1',
        gender: 'Nam',
        role: 'Tổ trưởng',
        phone: '0911111111',
      },
      { fullName: 'Trần Thị Hai', team: 'Tổ 1', gender: 'Nữ', role: 'Tổ viên' },
    ]);
  });

  it('reads CSV with quotes, semicolons and headers without diacritics', () => {
    const csv = '\uFEFFTo;Ho va ten;Dia chi\r\n"Tổ 2";"Lê ""Ba""";"Số 5; khóm 1"\r\n';
    expect(rowsFromCells(parseDelimited(csv))).toEqual([
      { team: 'Tổ 2', fullName: 'Lê "Ba"', address: 'Số 5; khóm 1' },
    ]);
    expect(parseDelimited('a,"b,c",d')).toEqual([['a', 'b,c', 'd']]);
  });

  it('takes the standard column order when there is no header', () => {
    expect(rowsFromCells([['Tổ 3', 'Ấp 1', 'Phạm Bốn', 'Nam', 1980]])).toEqual([
      { team: 'Tổ 3', area: 'Ấp 1', fullName: 'Phạm Bốn', gender: 'Nam', birthYear: '1980' },
    ]);
  });

  it('shows spreadsheet dates the Vietnamese way and compares headers plainly', () => {
    expect(cellText(new Date(2021, 1, 3))).toBe('03/02/2021');
    expect(cellText(null)).toBe('');
    expect(plain('  Điện   THOẠI ')).toBe('dien thoai');
  });
});
