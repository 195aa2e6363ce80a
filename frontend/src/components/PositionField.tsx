import {
  AimOutlined,
  CloseOutlined,
  EnvironmentOutlined,
  PushpinOutlined,
} from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { Schemas } from '@/lib/api/client';
import { MapPickDialog } from './MapPickDialog';

export type GeoPoint = Schemas['GeoPoint'];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** "9,29410° B, 105,72780° Đ (±12 m)" */
export function describePosition(p: GeoPoint): string {
  const f = (x: number) => x.toFixed(5).replace('.', ',');
  const at = `${f(p.latitude)}° B, ${f(p.longitude)}° Đ`;
  return p.accuracy === undefined ? at : `${at} (±${Math.round(p.accuracy)} m)`;
}

/** A stored position and a link to see it on a map. */
export function PositionText({ position }: { position?: GeoPoint }) {
  if (!position) return <>—</>;
  const { latitude: lat, longitude: lon } = position;
  return (
    <span>
      <EnvironmentOutlined /> {describePosition(position)}{' '}
      <Typography.Link
        href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`}
        target="_blank"
        rel="noopener noreferrer"
      >
        Xem bản đồ
      </Typography.Link>
    </span>
  );
}

/**
 * The phone's GPS (the browser asks the user first), a place picked on a map, or coordinates
 * typed in; the server keeps
 * only places in Vietnam and says so.
 */
function PositionInput({
  value,
  onChange,
}: {
  value?: GeoPoint;
  onChange?: (value: GeoPoint | undefined) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string>();
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setError('Thiết bị này không cho lấy vị trí: hãy nhập vĩ độ, kinh độ.');
      return;
    }
    setBusy(true);
    setError(undefined);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setBusy(false);
        onChange?.({
          latitude: round6(p.coords.latitude),
          longitude: round6(p.coords.longitude),
          accuracy: Math.round(p.coords.accuracy),
        });
      },
      (e) => {
        setBusy(false);
        setError(
          e.code === e.PERMISSION_DENIED
            ? 'Chưa được phép lấy vị trí: cho phép trang dùng vị trí, hoặc nhập vĩ độ, kinh độ.'
            : 'Chưa lấy được vị trí: thử lại ở nơi thoáng, hoặc nhập vĩ độ, kinh độ.',
        );
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  const set = (key: 'latitude' | 'longitude', x: number | null) => {
    const next = { ...value, [key]: x ?? undefined, accuracy: undefined } as Partial<GeoPoint>;
    onChange?.(
      next.latitude === undefined && next.longitude === undefined ? undefined : (next as GeoPoint),
    );
  };
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        <Button icon={<AimOutlined />} loading={busy} onClick={locate}>
          Lấy vị trí hiện tại
        </Button>
        <Button icon={<PushpinOutlined />} onClick={() => setPicking(true)}>
          Chọn trên bản đồ
        </Button>
        {value && (
          <Button icon={<CloseOutlined />} onClick={() => onChange?.(undefined)}>
            Bỏ vị trí
          </Button>
        )}
      </Flex>
      <Flex wrap gap={8}>
        <InputNumber
          aria-label="Vĩ độ"
          placeholder="Vĩ độ (ví dụ 9,29410)"
          min={-90}
          max={90}
          step={0.0001}
          decimalSeparator=","
          value={value?.latitude ?? null}
          onChange={(x) => set('latitude', x)}
          style={{ width: 190 }}
        />
        <InputNumber
          aria-label="Kinh độ"
          placeholder="Kinh độ (ví dụ 105,72780)"
          min={-180}
          max={180}
          step={0.0001}
          decimalSeparator=","
          value={value?.longitude ?? null}
          onChange={(x) => set('longitude', x)}
          style={{ width: 190 }}
        />
      </Flex>
      {value?.accuracy !== undefined && (
        <Typography.Text type="secondary">
          Theo GPS, sai số khoảng {Math.round(value.accuracy)} m
        </Typography.Text>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {picking && (
        <MapPickDialog
          value={value}
          onClose={() => setPicking(false)}
          onPick={(p) => {
            setPicking(false);
            onChange?.(p);
          }}
        />
      )}
    </Flex>
  );
}

/** The `position` of a form: both coordinates or none. */
export function PositionField({ label = 'Vị trí (tọa độ)' }: { label?: string }) {
  return (
    <Form.Item
      name="position"
      label={label}
      rules={[
        {
          validator: (_, v?: Partial<GeoPoint>) =>
            !v || (v.latitude !== undefined && v.longitude !== undefined)
              ? Promise.resolve()
              : Promise.reject(new Error('Nhập cả vĩ độ và kinh độ')),
        },
      ]}
    >
      <PositionInput />
    </Form.Item>
  );
}
