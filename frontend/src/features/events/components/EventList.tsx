import { Col, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DateRangeFilter, FilterCard, SearchFilter, SelectFilter } from '@/components/ListFilters';
import { PagedTable } from '@/components/PagedTable';
import { UnitPicker } from '@/components/UnitPicker';
import { useCatalogue } from '@/lib/catalogues';
import { formatNumber, formatTimeDate } from '@/lib/format';
import type { ListPageState } from '@/lib/useListPage';
import { useEvents, type EventItem } from '../api/events';

/** The list's filters as the API reads them (the list, the calendar and the export alike). */
export function eventFilters(p: ListPageState) {
  return {
    q: p.text('q'),
    typeId: p.id('typeId'),
    unitId: p.id('unitId'),
    from: p.text('from'),
    to: p.text('to'),
  };
}

/** What to look for: words, a type, a territory and (for the list) a range of days. */
export function EventFilters({ page, withDates }: { page: ListPageState; withDates: boolean }) {
  const types = useCatalogue('EVENT_TYPE');
  return (
    <FilterCard>
      <SearchFilter
        table={page}
        label="Tìm sự kiện"
        placeholder="Tên sự kiện hoặc địa điểm (không cần dấu)"
        md={7}
      />
      <SelectFilter
        table={page}
        name="typeId"
        label="Loại sự kiện"
        placeholder="Mọi loại sự kiện"
        options={(types.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
      />
      <Col xs={24} md={5}>
        <UnitPicker
          aria-label="Địa bàn sự kiện"
          placeholder="Địa bàn: mọi đơn vị"
          value={page.id('unitId')}
          onChange={(v) => page.setFilter('unitId', v === undefined ? undefined : String(v))}
        />
      </Col>
      {withDates && (
        <DateRangeFilter table={page} label="Khoảng ngày" placeholders={['Từ ngày', 'đến ngày']} />
      )}
    </FilterCard>
  );
}

/** The events, newest first unless sorted otherwise; a click opens one. */
export function EventList({ page }: { page: ListPageState }) {
  const { state, sortOrderOf } = page;
  const list = useEvents({ ...eventFilters(page), ...page.paging, sort: state.sort });
  const columns: ColumnsType<EventItem> = [
    {
      title: 'Thời gian',
      dataIndex: 'startsAt',
      key: 'startsAt',
      width: 160,
      sorter: true,
      sortOrder: sortOrderOf('startsAt') ?? (state.sort ? null : 'descend'),
      render: formatTimeDate,
    },
    {
      title: 'Sự kiện',
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrderOf('title'),
      render: (t: string, e) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link>{t}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.type.name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Đơn vị tổ chức',
      key: 'organisers',
      render: (_, e) => [e.lead, ...e.coOrganisers].map((u) => u.name).join(', '),
    },
    { title: 'Địa bàn', key: 'unit', render: (_, e) => e.unit.name, width: 180 },
    {
      title: 'Tham dự',
      dataIndex: 'attendance',
      key: 'attendance',
      align: 'right',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('attendance'),
      render: (n?: number) => formatNumber(n),
    },
  ];
  return (
    <>
      <EventFilters page={page} withDates />
      <PagedTable
        query={list}
        columns={columns}
        paging={page.paging}
        onChange={page.onChange}
        noun="sự kiện"
        empty="Không có sự kiện phù hợp"
        onOpen={(e) => page.setParam('event', String(e.id))}
      />
    </>
  );
}
