import type { TablePaginationConfig } from 'antd';
import type { FilterValue, SorterResult } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface TableState {
  page: number; // 0-based, as the API
  size: number;
  sort?: string; // "field,asc|desc"
  filters: Record<string, string[]>;
}

const DEFAULT_SIZE = 20;

/** Reads the list state (page, size, sort, named filters) from URL search params. */
export function readTableState(params: URLSearchParams, filterKeys: readonly string[]): TableState {
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const size = Number(params.get('size') ?? DEFAULT_SIZE) || DEFAULT_SIZE;
  const filters: Record<string, string[]> = {};
  for (const key of filterKeys) {
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length) filters[key] = values;
  }
  return { page, size, sort: params.get('sort') ?? undefined, filters };
}

/** Writes antd's pagination/sorter change into search params (page resets on filter change). */
export function applyTableChange<T>(
  params: URLSearchParams,
  pagination: TablePaginationConfig,
  sorter: SorterResult<T> | SorterResult<T>[],
): URLSearchParams {
  const next = new URLSearchParams(params);
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = s?.order ? String(s.columnKey ?? s.field) : undefined;
  const sort = field ? `${field},${s?.order === 'descend' ? 'desc' : 'asc'}` : undefined;
  const sortChanged = (sort ?? null) !== params.get('sort');
  setOrDelete(next, 'sort', sort);
  const size = pagination.pageSize ?? DEFAULT_SIZE;
  setOrDelete(next, 'size', size === DEFAULT_SIZE ? undefined : String(size));
  const page = sortChanged ? 0 : (pagination.current ?? 1) - 1;
  setOrDelete(next, 'page', page === 0 ? undefined : String(page));
  return next;
}

function setOrDelete(params: URLSearchParams, key: string, value: string | undefined) {
  if (value === undefined || value === '') params.delete(key);
  else params.set(key, value);
}

/**
 * The table adapter: list state lives in the URL, so a page can be bookmarked and shared.
 * Returns the state, antd props for the table, and setters for named filters.
 */
export function useTableParams(filterKeys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readTableState(params, filterKeys), [params, filterKeys]);

  const onChange = useCallback(
    <T>(
      pagination: TablePaginationConfig,
      _filters: Record<string, FilterValue | null>,
      sorter: SorterResult<T> | SorterResult<T>[],
    ) => setParams((prev) => applyTableChange(prev, pagination, sorter)),
    [setParams],
  );

  const setFilter = useCallback(
    (key: string, value: string | string[] | undefined) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.delete(key);
        const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
        values.filter((v) => v !== '').forEach((v) => next.append(key, v));
        next.delete('page');
        return next;
      }),
    [setParams],
  );

  const setParam = useCallback(
    (key: string, value: string | undefined) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        setOrDelete(next, key, value);
        return next;
      }),
    [setParams],
  );

  /**
   * Several parameters in one navigation (calls to setParam in one event would each start from
   * the same address and undo each other); the page goes back to the first.
   */
  const setMany = useCallback(
    (values: Record<string, string | undefined>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        Object.entries(values).forEach(([key, value]) => setOrDelete(next, key, value));
        next.delete('page');
        return next;
      }),
    [setParams],
  );

  /** antd sortOrder for a column key, from the URL. */
  const sortOrderOf = useCallback(
    (key: string): 'ascend' | 'descend' | null => {
      if (!state.sort) return null;
      const [field, dir] = state.sort.split(',');
      if (field !== key) return null;
      return dir === 'desc' ? 'descend' : 'ascend';
    },
    [state.sort],
  );

  return { state, params, onChange, setFilter, setParam, setMany, sortOrderOf };
}
