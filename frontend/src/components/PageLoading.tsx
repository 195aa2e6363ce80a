import { Spin } from 'antd';

/** Shown while a page's script loads. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin size="large" aria-label="Đang tải" />
    </div>
  );
}
