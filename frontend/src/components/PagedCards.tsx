import { Empty, Pagination, Spin } from 'antd';
import type { ColumnType, ColumnsType } from 'antd/es/table';
import { isValidElement, type ReactNode } from 'react';
import { totalText } from '@/lib/format';
import { openOnKey } from '@/lib/keys';
import type { PageQuery } from './PagedTable';

/** What a column shows for a row, as the table would render it. */
function cell<T extends object>(col: ColumnType<T>, row: T, index: number): ReactNode {
  const path = col.dataIndex;
  const value =
    path == null
      ? undefined
      : (Array.isArray(path) ? path : [path]).reduce<unknown>(
          (o, k) => (o == null ? o : (o as Record<string | number, unknown>)[k as string]),
          row,
        );
  const shown = col.render ? col.render(value, row, index) : value;
  // a render may answer { children, props } (cell spans): the children are what it shows
  if (shown && typeof shown === 'object' && !isValidElement(shown) && 'children' in shown) {
    return (shown as { children: ReactNode }).children;
  }
  return shown as ReactNode;
}

export interface PagedCardsProps<T> {
  query: PageQuery<T>;
  columns: ColumnsType<T>;
  paging: { page: number; size: number };
  onPage: (page: number, size: number) => void;
  noun: string;
  empty: string;
  onOpen?: (row: T) => void;
  rowKey: string | ((row: T) => React.Key);
}

/**
 * A list on a phone: one card per row, its first column as the title and the others as labelled
 * lines, so nothing is squeezed into narrow columns; the pager below says how many there are.
 */
export function PagedCards<T extends object>({
  query,
  columns,
  paging,
  onPage,
  noun,
  empty,
  onOpen,
  rowKey,
}: PagedCardsProps<T>) {
  const rows = query.data?.content ?? [];
  const cols = columns.filter((c): c is ColumnType<T> => !('children' in c));
  const [first, ...rest] = cols;
  const keyOf = (row: T, i: number) =>
    typeof rowKey === 'function'
      ? rowKey(row)
      : String((row as Record<string, unknown>)[rowKey] ?? i);
  return (
    <Spin spinning={query.isFetching}>
      {rows.length === 0 && !query.isFetching && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      )}
      <div className="paged-total">
        {totalText(query.data?.totalElements ?? 0, noun, query.data?.totalCapped)}
      </div>
      <ul className="paged-cards" aria-label={`Danh sách ${noun}`}>
        {rows.map((row, i) => (
          <li
            key={keyOf(row, i)}
            className={onOpen ? 'paged-card paged-card-open' : 'paged-card'}
            onClick={onOpen ? () => onOpen(row) : undefined}
            tabIndex={onOpen ? 0 : undefined}
            onKeyDown={onOpen ? (e) => openOnKey(e, () => onOpen(row)) : undefined}
          >
            {first && <div className="paged-card-title">{cell(first, row, i)}</div>}
            <dl>
              {rest
                .filter((c) => typeof c.title !== 'function' && c.title)
                .map((c, j) => ({ c, j, shown: cell(c, row, i) }))
                .filter(({ shown }) => shown != null && shown !== '' && shown !== false)
                .map(({ c, j, shown }) => (
                  <div key={String(c.key ?? j)} className="paged-card-line">
                    <dt>{c.title as ReactNode}</dt>
                    <dd>{shown}</dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
      <Pagination
        simple
        align="center"
        current={paging.page + 1}
        pageSize={paging.size}
        total={query.data?.totalElements ?? 0}
        onChange={onPage}
      />
    </Spin>
  );
}
