import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Calendar, Card, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatTime, isoDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useEvents, type EventItem } from '../api/events';

/** A month of events, Vietnamese weekdays, each day listing what happened on it. */
export function MonthCalendar({
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
    const key = isoDate(dayjs(e.startsAt));
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
        // antd's own header is two unlabelled selects; this one is named buttons a thumb can hit
        headerRender={({ value, onChange }) => (
          <Space className="calendar-header" wrap>
            <Button
              aria-label="Tháng trước"
              icon={<LeftOutlined />}
              onClick={() => onChange(value.subtract(1, 'month'))}
            />
            <Typography.Text strong aria-live="polite" className="calendar-month">
              Tháng {value.format('MM/YYYY')}
            </Typography.Text>
            <Button
              aria-label="Tháng sau"
              icon={<RightOutlined />}
              onClick={() => onChange(value.add(1, 'month'))}
            />
            <Button onClick={() => onChange(dayjs())}>Tháng này</Button>
          </Space>
        )}
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
                        href={`#su-kien-${e.id}`}
                        title={`${formatTime(e.startsAt)} ${e.title} — ${e.unit.name}`}
                        onClick={(ev) => {
                          ev.preventDefault();
                          ev.stopPropagation();
                          onOpen(e.id);
                        }}
                      >
                        {formatTime(e.startsAt)} {e.title}
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
