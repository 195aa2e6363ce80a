import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { connectivity } from '@/lib/connectivity';

/**
 * What a page that could not open shows instead of the router's developer screen: most often its
 * code could not be fetched (no connection before the app was kept for offline use, or a new
 * version replaced the old files).
 */
export function RouteError() {
  const error = useRouteError();
  const chunk =
    error instanceof Error &&
    /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Result
      status="warning"
      title={chunk ? 'Chưa tải được trang này' : 'Trang này gặp lỗi'}
      subTitle={
        chunk
          ? connectivity.online()
            ? 'Ứng dụng vừa có phiên bản mới. Tải lại để dùng phiên bản mới.'
            : 'Không có kết nối và trang này chưa được lưu trên máy. Thử lại khi có mạng; các bản ghi đã lưu vẫn ở mục «Chờ gửi».'
          : 'Đã xảy ra lỗi không mong muốn. Tải lại trang để thử lại.'
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          Tải lại
        </Button>
      }
    />
  );
}
