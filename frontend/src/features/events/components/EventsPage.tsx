import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ExportButton } from '@/components/ExportButton';
import { PageHeader } from '@/components/PageHeader';
import { api } from '@/lib/api/client';
import { useListPage } from '@/lib/useListPage';
import { useRights } from '@/lib/useSession';
import { EventDrawer } from './EventDrawer';
import { EventFormDialog } from './EventFormDialog';
import { EventFilters, eventFilters, EventList } from './EventList';
import { EventMap } from './EventMap';
import { MonthCalendar } from './MonthCalendar';
import { ProgrammesTab } from './ProgrammesTab';

const FILTERS = ['q', 'typeId', 'unitId', 'from', 'to', 'tab', 'event', 'month'] as const;

/** Sự kiện: the list with filters, a month calendar, and the coordination programmes. */
export function EventsPage() {
  const page = useListPage(FILTERS);
  const { setParam, setMany } = page;
  const rights = useRights();
  const [creating, setCreating] = useState<{ day?: Dayjs } | null>(null);
  const tab = page.text('tab') ?? 'list';
  const openEvent = page.id('event');
  return (
    <>
      <PageHeader
        title="Sự kiện, chương trình phối hợp"
        actions={
          tab !== 'programmes' && (
            <>
              <ExportButton
                fallbackName="su-kien"
                fetchFile={async (format) =>
                  api.GET('/api/events/export', {
                    params: { query: { format, ...eventFilters(page), sort: page.state.sort } },
                    parseAs: 'blob',
                  })
                }
              />
              {rights.write && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})}>
                  Ghi nhận sự kiện
                </Button>
              )}
            </>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setMany({ tab: k === 'list' ? undefined : k })}
        items={[
          {
            key: 'list',
            label: 'Danh sách',
            children: tab === 'list' && <EventList page={page} />,
          },
          {
            key: 'calendar',
            label: 'Lịch tháng',
            children: (
              <>
                <EventFilters page={page} withDates={false} />
                <MonthCalendar
                  month={page.text('month')}
                  typeId={page.id('typeId')}
                  q={page.text('q')}
                  unitId={page.id('unitId')}
                  onMonth={(m) => setParam('month', m)}
                  onOpen={(id) => setParam('event', String(id))}
                  onCreate={rights.write ? (day) => setCreating({ day }) : undefined}
                />
              </>
            ),
          },
          {
            key: 'map',
            label: 'Bản đồ',
            children: tab === 'map' && (
              <EventMap page={page} onOpen={(id) => setParam('event', String(id))} />
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
