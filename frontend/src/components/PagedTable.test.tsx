import { act, render, screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { connectivity } from '@/lib/connectivity';
import { PagedTable, type PageQuery } from './PagedTable';

interface Row {
  id: number;
  title: string;
}

const readAt = dayjs().hour(7).minute(30).second(0).valueOf();

/** The list as a page shows it while its query reads again. */
function list(query: Partial<PageQuery<Row>> = {}) {
  return render(
    <PagedTable<Row>
      query={{
        data: { content: [{ id: 1, title: 'Họp tổ tự quản Khóm 1' }], totalElements: 1 },
        isFetching: true,
        isError: false,
        error: null,
        dataUpdatedAt: readAt,
        ...query,
      }}
      columns={[{ title: 'Sự kiện', dataIndex: 'title', key: 'title' }]}
      paging={{ page: 0, size: 20 }}
      onChange={() => {}}
      noun="sự kiện"
      empty="Chưa có sự kiện"
    />,
  );
}

beforeEach(() => {
  // no probe goes out while the test runs
  vi.stubGlobal(
    'fetch',
    vi.fn(() => new Promise(() => {})),
  );
});

afterEach(() => {
  act(() => connectivity.reached());
  vi.unstubAllGlobals();
});

it('greys the rows behind a spinner while they are read again', () => {
  const { container } = list();
  expect(screen.getByText('Họp tổ tự quản Khóm 1')).toBeInTheDocument();
  expect(container.querySelector('.ant-spin-spinning')).not.toBeNull();
  expect(screen.queryByText(/Không có kết nối/)).toBeNull();
});

it('out of reach of the server, shows the rows kept, when they were read, and no spinner', () => {
  act(() => connectivity.lost());
  const { container } = list({ isError: true, error: new TypeError('Failed to fetch') });
  expect(screen.getByText('Họp tổ tự quản Khóm 1')).toBeInTheDocument();
  expect(container.querySelector('.ant-spin-spinning')).toBeNull();
  expect(
    screen.getByText('Không có kết nối: danh sách như lúc 07:30, sẽ cập nhật khi có mạng.'),
  ).toBeInTheDocument();
  // the failed read is not an error to show over rows that are there
  expect(container.querySelector('.ant-alert-error')).toBeNull();
});

it('names the day too when the rows kept were read before today', () => {
  act(() => connectivity.lost());
  list({ dataUpdatedAt: dayjs('2026-11-30T18:05:00').valueOf() });
  expect(
    screen.getByText(
      'Không có kết nối: danh sách như lúc 18:05 30/11/2026, sẽ cập nhật khi có mạng.',
    ),
  ).toBeInTheDocument();
});
