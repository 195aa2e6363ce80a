import L from 'leaflet';
import { session } from '@/lib/session';

/** Vietnam, mainland and islands: the view when there is nothing to show yet. */
export const VIETNAM: L.LatLngBoundsExpression = [
  [8.2, 102.1],
  [23.4, 109.5],
];

/** A red dot, large enough for a finger. */
export const DOT = L.divIcon({
  className: 'map-dot',
  html: '<span></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 11],
});

/**
 * A map in `box` with the deployment's tiles (ANTQ_MAP_TILE_URL), or none — the points on a plain
 * background — and a scale either way.
 */
export function baseMap(box: HTMLElement): L.Map {
  const map = L.map(box, { zoomSnap: 0.5, attributionControl: true });
  const tiles = session.mapTiles();
  if (tiles) {
    L.tileLayer(tiles.url, {
      attribution: tiles.attribution ?? '',
      maxZoom: tiles.maxZoom ?? 18,
    }).addTo(map);
  }
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.control.scale({ imperial: false }).addTo(map);
  return map;
}

/** The class of a map's box: a plain background when there are no tiles. */
export const mapClass = (extra = '') =>
  `points-map ${extra} ${session.mapTiles() ? '' : 'points-map-plain'}`.trim();
