import { useMemo } from 'react';
import { useTableParams } from './useTableParams';

/**
 * A list page's state, all of it in the URL (so a list can be bookmarked and shared): page, size,
 * sort and the named filters, with readers for a filter's value as the API wants it.
 */
export function useListPage(filterKeys: readonly string[]) {
  const table = useTableParams(filterKeys);
  const f = table.state.filters;
  const readers = useMemo(
    () => ({
      /** the filter's single value, or undefined */
      text: (key: string): string | undefined => f[key]?.[0],
      /** the filter's single value as a number, or undefined */
      id: (key: string): number | undefined => (f[key]?.[0] ? Number(f[key][0]) : undefined),
      /** every value of a multi-valued filter, or undefined */
      all: <T extends string = string>(key: string): T[] | undefined => f[key] as T[] | undefined,
    }),
    [f],
  );
  /** what PagedTable needs from the page */
  const paging = { page: table.state.page, size: table.state.size };
  return { ...table, ...readers, paging };
}

export type ListPageState = ReturnType<typeof useListPage>;
