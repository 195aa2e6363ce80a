import { Alert, Grid, Table } from 'antd';
import type { TableProps } from 'antd';
import type { ColumnType, ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { PagedCards } from './PagedCards';
import { openOnKey } from '@/lib/keys';
import { formatMoment, totalText } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useOnline } from '@/lib/useOnline';

/** A page of a list as the API answers it. */
export interface Paged<T> {
  content: T[];
  totalElements: number;
  /** More matched than the server counts: totalElements is where it stopped. */
  totalCapped?: boolean;
}

/** The state of the query that reads the page (a TanStack Query result fits). */
export interface PageQuery<T> {
  data?: Paged<T>;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  /** When the rows shown were read (ms since the epoch; 0 or absent: never). */
  dataUpdatedAt?: number;
}

export interface PagedTableProps<T> {
  query: PageQuery<T>;
  columns: ColumnsType<T>;
  /** Which page and how many rows (0-based page, as the API). */
  paging: { page: number; size: number };
  onChange: TableProps<T>['onChange'];
  /** What a row is, for the total ("1.294 mô hình"). */
  noun: string;
  /** What an empty list says. */
  empty: string;
  /** Opens a row: on a click (the default) or a double click (rows with links of their own). */
  onOpen?: (row: T) => void;
  openOn?: 'click' | 'doubleClick';
  sizeChanger?: boolean;
  pageSizeOptions?: number[];
  rowKey?: TableProps<T>['rowKey'];
}

/**
 * Every list of the app: the query's error above the table, the rows with their loading state,
 * the pager with the total, and a click that opens a row. On a phone the rows are cards.
 *
 * Out of reach of the server the rows last read stay as they are, with the time they were read,
 * not greyed behind a spinner: a request can only fail then, and the list reads again by itself
 * when the server answers.
 */
export function PagedTable<T extends object>({
  query,
  columns,
  paging,
  onChange,
  noun,
  empty,
  onOpen,
  openOn = 'click',
  sizeChanger = true,
  pageSizeOptions,
  rowKey = 'id',
}: PagedTableProps<T>) {
  const phone = Grid.useBreakpoint().md === false;
  const online = useOnline();
  const shown: PageQuery<T> = online ? query : { ...query, isFetching: false };
  // read today: the hour says it; earlier: the day too
  const readWhen = formatMoment(query.dataUpdatedAt);
  const onRow: TableProps<T>['onRow'] = onOpen
    ? (row) =>
        openOn === 'click'
          ? {
              onClick: () => onOpen(row),
              // opened from the keyboard too
              tabIndex: 0,
              onKeyDown: (e) => openOnKey(e, () => onOpen(row)),
              style: { cursor: 'pointer' },
            }
          : { onDoubleClick: () => onOpen(row) }
    : undefined;
  return (
    <>
      {query.isError && (online || !query.data) && (
        <Alert
          type="error"
          showIcon
          title={problemMessage(query.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {!online && query.data && (
        <Alert
          type="info"
          showIcon
          title={
            readWhen
              ? `Không có kết nối: danh sách như lúc ${readWhen}, sẽ cập nhật khi có mạng.`
              : 'Không có kết nối: danh sách sẽ cập nhật khi có mạng.'
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {phone ? (
        <PagedCards<T>
          query={shown}
          columns={columns}
          paging={paging}
          noun={noun}
          empty={empty}
          onOpen={onOpen}
          rowKey={rowKey as string | ((row: T) => React.Key)}
          onPage={(page, size) => {
            // the sort stays as it is: the sorted column is passed back as antd's table would
            const sorted = columns.find((c) => 'sortOrder' in c && c.sortOrder) as
              ColumnType<T> | undefined;
            const sorter: SorterResult<T> = sorted
              ? { columnKey: sorted.key, order: sorted.sortOrder }
              : {};
            onChange?.({ current: page, pageSize: size }, {}, sorter, {
              action: 'paginate',
              currentDataSource: [],
            });
          }}
        />
      ) : (
        <Table<T>
          rowKey={rowKey}
          size="middle"
          columns={columns}
          dataSource={query.data?.content}
          loading={shown.isFetching}
          onChange={onChange}
          onRow={onRow}
          locale={{ emptyText: empty }}
          pagination={{
            current: paging.page + 1,
            pageSize: paging.size,
            total: query.data?.totalElements ?? 0,
            showSizeChanger: sizeChanger,
            pageSizeOptions,
            showTotal: (total) => totalText(total, noun, query.data?.totalCapped),
          }}
        />
      )}
    </>
  );
}
