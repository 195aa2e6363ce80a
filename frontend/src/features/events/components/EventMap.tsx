import { Alert, Spin, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { formatNumber, formatTimeDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import type { ListPageState } from '@/lib/useListPage';
import { useEvents } from '../api/events';
import { EventFilters, eventFilters } from './EventList';

// Leaflet is loaded only when a map is shown
const PointsMap = lazy(() => import('@/components/PointsMap'));

/** How many of the newest matching events the map draws. */
const MAP_LIMIT = 200;

/** The events the filters select, on a map: clustered, a tap opens one. */
export function EventMap({ page, onOpen }: { page: ListPageState; onOpen: (id: number) => void }) {
  const list = useEvents({
    ...eventFilters(page),
    page: 0,
    size: MAP_LIMIT,
    sort: 'startsAt,desc',
  });
  const points = useMemo(
    () =>
      (list.data?.content ?? []).flatMap((e) =>
        e.position
          ? [
              {
                id: e.id,
                latitude: e.position.latitude,
                longitude: e.position.longitude,
                title: `${e.title} — ${formatTimeDate(e.startsAt)}`,
              },
            ]
          : [],
      ),
    [list.data],
  );
  const total = list.data?.totalElements ?? 0;
  const matched = `${list.data?.totalCapped ? 'hơn ' : ''}${formatNumber(total)}`;
  return (
    <>
      <EventFilters page={page} withDates />
      {list.isError && <Alert type="error" showIcon title={problemMessage(list.error)} />}
      <Typography.Paragraph type="secondary" data-testid="map-summary">
        {total > MAP_LIMIT
          ? `Bản đồ vẽ ${formatNumber(points.length)} sự kiện có vị trí trong ${MAP_LIMIT} sự kiện mới nhất của ${matched} sự kiện phù hợp; thu hẹp bộ lọc để xem hết.`
          : `${formatNumber(points.length)} trong ${matched} sự kiện phù hợp có vị trí.`}
      </Typography.Paragraph>
      <Suspense fallback={<Spin />}>
        {list.data && <PointsMap points={points} onOpen={onOpen} label="Bản đồ sự kiện" />}
      </Suspense>
    </>
  );
}
