import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { baseMap, DOT, mapClass, VIETNAM } from './mapBase';

/**
 * A map on which a tap (or dragging the pin) chooses a place: it opens at the place already
 * chosen, else over Vietnam. Tiles as on the lists' maps.
 */
export default function PickMap({
  at,
  onPick,
}: {
  at?: { latitude: number; longitude: number };
  onPick: (latitude: number, longitude: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);
  // where it opens; later picks move the pin, not the view
  const start = useRef(at);

  useEffect(() => {
    if (!box.current) return;
    const map = baseMap(box.current);
    let pin: L.Marker | undefined;
    const showPin = (ll: L.LatLng) => {
      if (pin) {
        pin.setLatLng(ll);
        return;
      }
      pin = L.marker(ll, { icon: DOT, draggable: true, title: 'Vị trí đã chọn' }).addTo(map);
      pin.on('dragend', () => {
        const moved = pin!.getLatLng();
        pick.current(moved.lat, moved.lng);
      });
    };
    map.on('click', (e: L.LeafletMouseEvent) => {
      showPin(e.latlng);
      pick.current(e.latlng.lat, e.latlng.lng);
    });
    if (start.current) {
      const ll = L.latLng(start.current.latitude, start.current.longitude);
      map.setView(ll, 15);
      showPin(ll);
    } else {
      map.fitBounds(VIETNAM);
    }
    return () => {
      map.remove();
    };
  }, []);

  return (
    <div
      ref={box}
      className={mapClass('pick-map')}
      role="region"
      aria-label="Bản đồ chọn vị trí: chạm vào nơi cần chọn"
      data-testid="pick-map"
    />
  );
}
