import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { useEffect, useRef } from 'react';
import { baseMap, DOT, mapClass, VIETNAM } from './mapBase';

export interface MapPoint {
  id: number;
  latitude: number;
  longitude: number;
  title: string;
  subtitle?: string;
}

/**
 * Points on a map, clustered where they crowd; a tap on one opens its record. Tiles come from the
 * deployment's tile server; without one the points are drawn on a plain background, with a scale.
 */
export default function PointsMap({
  points,
  onOpen,
  label,
}: {
  points: MapPoint[];
  onOpen: (id: number) => void;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    if (!box.current) return;
    const map = baseMap(box.current);
    const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
    for (const p of points) {
      const marker = L.marker([p.latitude, p.longitude], {
        icon: DOT,
        title: p.title,
        alt: p.title,
        keyboard: true,
      });
      marker.on('click', () => open.current(p.id));
      cluster.addLayer(marker);
    }
    map.addLayer(cluster);
    if (points.length > 0) {
      map.fitBounds(cluster.getBounds(), { padding: [24, 24], maxZoom: 16 });
    } else {
      map.fitBounds(VIETNAM);
    }
    return () => {
      map.remove();
    };
  }, [points]);

  return (
    <div
      ref={box}
      className={mapClass()}
      role="region"
      aria-label={label}
      data-testid="points-map"
      data-points={points.length}
    />
  );
}
