import { describe, expect, it } from 'vitest';
import { issuerOf } from './issuer';

describe('issuerOf', () => {
  it('names the province, the commune or nobody as a decision heading does', () => {
    expect(issuerOf('Chủ tịch UBND tỉnh', 'Cà Mau')).toBe('Chủ tịch UBND tỉnh Cà Mau');
    expect(issuerOf('Chủ tịch UBND tỉnh', 'Tỉnh Bạc Liêu')).toBe('Chủ tịch UBND tỉnh Bạc Liêu');
    expect(issuerOf('Chủ tịch UBND cấp xã', 'Phường An Xuyên')).toBe(
      'Chủ tịch UBND phường An Xuyên',
    );
    expect(issuerOf('Chủ tịch UBND cấp huyện', 'Thị xã Cửa Lò')).toBe(
      'Chủ tịch UBND thị xã Cửa Lò',
    );
    expect(issuerOf('Bộ trưởng Bộ Công an', 'Cà Mau')).toBe('Bộ trưởng Bộ Công an');
    expect(issuerOf('Giám đốc Công an tỉnh')).toBe('Giám đốc Công an tỉnh');
  });
});
