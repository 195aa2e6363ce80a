import { Grid, Modal, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { Schemas } from '@/lib/api/client';

type GeoPoint = Schemas['GeoPoint'];

// Leaflet is loaded only when a map is opened
const PickMap = lazy(() => import('./PickMap'));

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Chooses a place on a map; "Dùng vị trí này" hands it back (without a GPS accuracy). */
export function MapPickDialog({
  value,
  onPick,
  onClose,
}: {
  value?: GeoPoint;
  onPick: (p: GeoPoint) => void;
  onClose: () => void;
}) {
  const phone = Grid.useBreakpoint().md === false;
  const [chosen, setChosen] = useState<GeoPoint | undefined>(value);
  const f = (x: number) => x.toFixed(5).replace('.', ',');
  return (
    <Modal
      open
      title="Chọn vị trí trên bản đồ"
      okText="Dùng vị trí này"
      cancelText="Hủy"
      okButtonProps={{ disabled: !chosen }}
      onOk={() => {
        if (chosen) onPick(chosen);
      }}
      onCancel={onClose}
      width={phone ? '100vw' : 760}
      className={phone ? 'dialog-phone' : undefined}
      destroyOnHidden
    >
      <Suspense fallback={<Spin />}>
        <PickMap
          at={value}
          onPick={(lat, lon) => setChosen({ latitude: round6(lat), longitude: round6(lon) })}
        />
      </Suspense>
      <Typography.Paragraph style={{ marginTop: 8 }} data-testid="picked-position">
        {chosen
          ? `Đã chọn: ${f(chosen.latitude)}° B, ${f(chosen.longitude)}° Đ`
          : 'Chạm vào bản đồ tại nơi cần chọn.'}
      </Typography.Paragraph>
    </Modal>
  );
}
