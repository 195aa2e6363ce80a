import { Result, Tabs, Typography } from 'antd';
import { PowersTab } from '@/features/awards';
import { CataloguesTab } from '@/features/catalogues';
import { useRights } from '@/lib/useSession';
import { ApiKeysTab } from './ApiKeysTab';
import { UsersTab } from './UsersTab';

/** Quản trị: accounts and API keys, for administrators. */
export function AdminPage() {
  const rights = useRights();
  if (!rights.admin) {
    return (
      <Result status="403" title="Không có quyền" subTitle="Trang này dành cho quản trị viên." />
    );
  }
  return (
    <div>
      <Typography.Title level={3}>Quản trị</Typography.Title>
      <Tabs
        items={[
          { key: 'users', label: 'Tài khoản', children: <UsersTab /> },
          { key: 'keys', label: 'Khóa API', children: <ApiKeysTab /> },
          { key: 'catalogues', label: 'Danh mục', children: <CataloguesTab /> },
          { key: 'powers', label: 'Thẩm quyền khen thưởng', children: <PowersTab /> },
        ]}
      />
    </div>
  );
}
