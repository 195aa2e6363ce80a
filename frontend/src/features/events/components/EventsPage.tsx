import { api } from '@/lib/api/client';
import { ExportButton } from '@/components/ExportButton';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Calendar, Card, Col, Space, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DateRangeFilter, FilterCard, SearchFilter, SelectFilter } from '@/components/ListFilters';
import { useCatalogue } from '@/lib/catalogues';
import { UnitPicker } from '@/components/UnitPicker';
import { formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useTableParams } from '@/lib/useTableParams';
import { useRights } from '@/lib/useSession';
import { useEvents, type EventItem } from '../api/events';
import { EventDrawer, formatTime } from './EventDrawer';
import { EventFormDialog } from './EventFormDialog';
import { ProgrammesTab } from './ProgrammesTab';

const FILTERS = ['q', 'typeId', 'unitId', 'from', 'to', 'tab', 'event', 'month'] as const;

/** Sự kiện: the list with filters, a month calendar, and the coordination programmes. */
export function EventsPage() {
  const params = useTableParams(FILTERS);
  const { state, onChange, setFilter, setParam, setMany, sortOrderOf } = params;
  const f = state.filters;
  const rights = useRights();
  const [creating, setCreating] = useState<{ day?: Dayjs } | null>(null);
  const types = useCatalogue('EVENT_TYPE');
  const unitId = f.unitId?.[0] ? Number(f.unitId[0]) : undefined;
  const tab = f.tab?.[0] ?? 'list';
  const openEvent = f.event?.[0] ? Number(f.event[0]) : undefined;

  const list = useEvents(
    {
      q: f.q?.[0],
      typeId: f.typeId?.[0] ? Number(f.typeId[0]) : undefined,
      unitId,
      from: f.from?.[0],
      to: f.to?.[0],
      page: state.page,
      size: state.size,
      sort: state.sort,
    },
    tab === 'list',
  );

  const filters = (
    <FilterCard>
      <SearchFilter
        table={params}
        label="Tìm sự kiện"
        placeholder="Tên sự kiện hoặc địa điểm (không cần dấu)"
        md={7}
      />
      <SelectFilter
        table={params}
        name="typeId"
        label="Loại sự kiện"
        placeholder="Mọi loại sự kiện"
        options={(types.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
      />
      <Col xs={24} md={5}>
        <UnitPicker
          aria-label="Địa bàn sự kiện"
          placeholder="Địa bàn: mọi đơn vị"
          value={unitId}
          onChange={(v) => setFilter('unitId', v === undefined ? undefined : String(v))}
        />
      </Col>
      {tab === 'list' && (
        <DateRangeFilter
          table={params}
          label="Khoảng ngày"
          placeholders={['Từ ngày', 'đến ngày']}
        />
      )}
    </FilterCard>
  );

  const table = (
    <>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={problemMessage(list.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<EventItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.content}
        onChange={onChange}
        onRow={(e) => ({
          onClick: () => setParam('event', String(e.id)),
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: 'Không có sự kiện phù hợp' }}
        pagination={{
          current: state.page + 1,
          pageSize: state.size,
          total: list.data?.totalElements,
          showSizeChanger: true,
          showTotal: (t) => `${formatNumber(t)} sự kiện`,
        }}
        columns={[
          {
            title: 'Thời gian',
            dataIndex: 'startsAt',
            key: 'startsAt',
            width: 160,
            sorter: true,
            sortOrder: sortOrderOf('startsAt') ?? (state.sort ? null : 'descend'),
            render: formatTime,
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
        ]}
      />
    </>
  );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Sự kiện, chương trình phối hợp
        </Typography.Title>
        <Space>
          {tab !== 'programmes' && (
            <ExportButton
              fallbackName="su-kien"
              fetchFile={async (format) =>
                api.GET('/api/events/export', {
                  params: {
                    query: {
                      format,
                      q: f.q?.[0],
                      typeId: f.typeId?.[0] ? Number(f.typeId[0]) : undefined,
                      unitId,
                      from: f.from?.[0],
                      to: f.to?.[0],
                      sort: state.sort,
                    },
                  },
                  parseAs: 'blob',
                })
              }
            />
          )}
          {rights.write && tab !== 'programmes' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})}>
              Ghi nhận sự kiện
            </Button>
          )}
        </Space>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setMany({ tab: k === 'list' ? undefined : k })}
        items={[
          {
            key: 'list',
            label: 'Danh sách',
            children: (
              <>
                {filters}
                {table}
              </>
            ),
          },
          {
            key: 'calendar',
            label: 'Lịch tháng',
            children: (
              <>
                {filters}
                <MonthCalendar
                  month={f.month?.[0]}
                  typeId={f.typeId?.[0] ? Number(f.typeId[0]) : undefined}
                  q={f.q?.[0]}
                  unitId={unitId}
                  onMonth={(m) => setParam('month', m)}
                  onOpen={(id) => setParam('event', String(id))}
                  onCreate={rights.write ? (day) => setCreating({ day }) : undefined}
                />
              </>
            ),
          },
          { key: 'programmes', label: 'Chương trình phối hợp', children: <ProgrammesTab /> },
        ]}
      />
      {openEvent !== undefined && (
        <EventDrawer id={openEvent} onClose={() => setParam('event', undefined)} />
      )}
      {creating && (
        <EventFormDialog
          initialDay={creating.day}
          onClose={(id) => {
            setCreating(null);
            if (id) setParam('event', String(id));
          }}
        />
      )}
    </>
  );
}

/** A month of events, Vietnamese weekdays, each day listing what happened on it. */
function MonthCalendar({
  month,
  typeId,
  q,
  unitId,
  onMonth,
  onOpen,
  onCreate,
}: {
  month?: string;
  typeId?: number;
  q?: string;
  unitId?: number;
  onMonth: (month: string) => void;
  onOpen: (id: number) => void;
  onCreate?: (day: Dayjs) => void;
}) {
  const shown = month ? dayjs(`${month}-01`) : dayjs().startOf('month');
  // the grid shows six weeks around the month
  const from = shown.startOf('month').subtract(7, 'day');
  const to = shown.endOf('month').add(14, 'day');
  const events = useEvents({
    typeId,
    q,
    unitId,
    from: from.format('YYYY-MM-DD'),
    to: to.format('YYYY-MM-DD'),
    size: 200,
    sort: 'startsAt,asc',
  });
  const byDay = new Map<string, EventItem[]>();
  for (const e of events.data?.content ?? []) {
    const key = dayjs(e.startsAt).format('YYYY-MM-DD');
    byDay.set(key, [...(byDay.get(key) ?? []), e]);
  }
  return (
    <Card size="small" data-testid="event-calendar">
      {events.isError && <Alert type="error" showIcon title={problemMessage(events.error)} />}
      {(events.data?.totalElements ?? 0) > 200 && (
        <Alert
          type="info"
          showIcon
          title="Tháng có hơn 200 sự kiện: lọc theo loại hoặc địa bàn để xem đủ."
        />
      )}
      <Calendar
        value={shown}
        onPanelChange={(d, mode) => mode === 'month' && onMonth(d.format('YYYY-MM'))}
        onSelect={(d, info) => {
          if (info.source === 'date' && onCreate && !byDay.get(d.format('YYYY-MM-DD'))?.length)
            onCreate(d);
        }}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          return (
            <ul className="calendar-events">
              {items.map((e) => (
                <li key={e.id}>
                  <Badge
                    status="processing"
                    text={
                      <a
                        title={`${dayjs(e.startsAt).format('HH:mm')} ${e.title} — ${e.unit.name}`}
                        onClick={(ev) => {
                          ev.stopPropagation();
                          onOpen(e.id);
                        }}
                      >
                        {dayjs(e.startsAt).format('HH:mm')} {e.title}
                      </a>
                    }
                  />
                </li>
              ))}
            </ul>
          );
        }}
      />
    </Card>
  );
}
