import { App, Button } from 'antd';
import { useEffect } from 'react';
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker (a while after the page has loaded, so its precaching does not
 * compete with the first page on a slow network) and, when a new version has been deployed and
 * fetched, tells the user instead of running the old code for ever.
 */
export function UpdatePrompt() {
  const { notification } = App.useApp();
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const t = setTimeout(() => {
      const update = registerSW({
        onNeedRefresh() {
          notification.info({
            key: 'new-version',
            title: 'Đã có phiên bản mới — tải lại',
            description: 'Tải lại trang để dùng phiên bản mới của ứng dụng.',
            duration: 0,
            actions: (
              <Button type="primary" size="small" onClick={() => void update(true)}>
                Tải lại
              </Button>
            ),
          });
        },
      });
    }, 5000);
    return () => clearTimeout(t);
  }, [notification]);
  return null;
}
