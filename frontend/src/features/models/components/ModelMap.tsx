import { Alert, Spin, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import type { ListPageState } from '@/lib/useListPage';
import { useModelList } from '../api/models';
import { modelFilters } from './ModelRegistry';

// Leaflet is loaded only when a map is shown
const PointsMap = lazy(() => import('@/components/PointsMap'));

/** How many models (by name) the map draws at most. */
const MAP_LIMIT = 200;

/** The models the register's filters select, on a map: clustered, a tap opens one. */
export function ModelMap({ page }: { page: ListPageState }) {
  const navigate = useNavigate();
  const list = useModelList({ ...modelFilters(page), page: 0, size: MAP_LIMIT, sort: 'name,asc' });
  const points = useMemo(
    () =>
      (list.data?.content ?? []).flatMap((m) =>
        m.position
          ? [
              {
                id: m.id,
                latitude: m.position.latitude,
                longitude: m.position.longitude,
                title: `${m.name} — ${m.unit.name}`,
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
      {list.isError && <Alert type="error" showIcon title={problemMessage(list.error)} />}
      <Typography.Paragraph type="secondary" data-testid="map-summary">
        {`Theo bộ lọc của danh sách mô hình: `}
        {total > MAP_LIMIT
          ? `bản đồ vẽ ${formatNumber(points.length)} mô hình có vị trí trong ${MAP_LIMIT} mô hình đầu (theo tên) của ${matched}; thu hẹp bộ lọc để xem hết.`
          : `${formatNumber(points.length)} trong ${matched} mô hình có vị trí.`}
      </Typography.Paragraph>
      <Suspense fallback={<Spin />}>
        {list.data && (
          <PointsMap
            points={points}
            onOpen={(id) => void navigate(`/mo-hinh/${id}`)}
            label="Bản đồ mô hình"
          />
        )}
      </Suspense>
    </>
  );
}
