import { describe, expect, it } from 'vitest';
import { parsePeople, searchKey } from './people';

describe('parsePeople', () => {
  it('reads columns copied from Excel, skipping the header and the STT column', () => {
    const text =
      'STT\tHọ và tên\tChức vụ\tĐơn vị\n' +
      '1\tNguyễn Văn  An\tTrưởng ấp\tẤp Cây Trâm\n' +
      '2\tTrần Thị Bình\tTổ viên\n' +
      '\n' +
      '3\tLê Minh Đức\n';
    const { people, problems } = parsePeople(text);
    expect(problems).toEqual([]);
    expect(people).toEqual([
      { fullName: 'Nguyễn Văn An', position: 'Trưởng ấp', unitName: 'Ấp Cây Trâm', line: 2 },
      { fullName: 'Trần Thị Bình', position: 'Tổ viên', unitName: undefined, line: 3 },
      { fullName: 'Lê Minh Đức', position: undefined, unitName: undefined, line: 5 },
    ]);
  });

  it('accepts semicolons and numbered lines from Word, and reports lines without a name', () => {
    const { people, problems } = parsePeople(
      '1. Phạm Văn Hùng; Công an viên\n2) ;Tổ trưởng\n12345',
    );
    expect(people).toEqual([
      { fullName: 'Phạm Văn Hùng', position: 'Công an viên', unitName: undefined, line: 1 },
    ]);
    expect(problems).toEqual([
      'Dòng 2: không đọc được họ tên «2) ;Tổ trưởng»',
      'Dòng 3: không đọc được họ tên «12345»',
    ]);
  });
});

describe('searchKey', () => {
  it('compares Vietnamese names without case, diacritics or extra spaces', () => {
    expect(searchKey('  Đặng   Thị Ánh ')).toBe('dang thi anh');
    expect(searchKey('ĐẶNG THỊ ÁNH')).toBe(searchKey('dang thi anh'));
  });
});
