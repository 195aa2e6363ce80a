import { applyTableChange, readTableState } from './useTableParams';

describe('the table adapter keeps list state in the URL', () => {
  it('reads page, size, sort and named filters', () => {
    const state = readTableState(
      new URLSearchParams('page=2&size=50&sort=name,desc&kind=WARD&kind=COMMUNE&q=ca+mau&x=1'),
      ['q', 'kind'],
    );
    expect(state).toEqual({
      page: 2,
      size: 50,
      sort: 'name,desc',
      filters: { q: ['ca mau'], kind: ['WARD', 'COMMUNE'] },
    });
  });

  it('falls back to the first page of 20 on missing or broken values', () => {
    const state = readTableState(new URLSearchParams('page=-3&size=abc'), []);
    expect(state.page).toBe(0);
    expect(state.size).toBe(20);
    expect(state.sort).toBeUndefined();
  });

  it('writes antd paging as 0-based pages and drops defaults', () => {
    const next = applyTableChange(new URLSearchParams('q=x'), { current: 3, pageSize: 20 }, {});
    expect(next.toString()).toBe('q=x&page=2');
    const back = applyTableChange(next, { current: 1, pageSize: 20 }, {});
    expect(back.toString()).toBe('q=x');
  });

  it('maps antd sort orders to field,asc|desc and returns to page 1 when the sort changes', () => {
    const next = applyTableChange(
      new URLSearchParams('page=4'),
      { current: 5, pageSize: 50 },
      { columnKey: 'validFrom', order: 'descend' },
    );
    expect(next.get('sort')).toBe('validFrom,desc');
    expect(next.get('size')).toBe('50');
    expect(next.get('page')).toBeNull();
    const cleared = applyTableChange(
      next,
      { current: 1, pageSize: 50 },
      { columnKey: 'validFrom' },
    );
    expect(cleared.get('sort')).toBeNull();
  });
});
