import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NotFound() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ bạn mở không tồn tại."
      extra={
        <Link to="/">
          <Button type="primary">Về trang Tổng quan</Button>
        </Link>
      }
    />
  );
}
