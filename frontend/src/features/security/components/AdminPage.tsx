import { Result, Tabs, Typography, type TabsProps } from 'antd';
import { useRights } from '@/lib/useSession';
import { ApiKeysTab } from './ApiKeysTab';
import { UsersTab } from './UsersTab';

/**
 * Quản trị: accounts and API keys, for administrators; other features' settings (catalogues, award
 * powers) come in as `extraTabs`, composed by the app.
 */
export function AdminPage({ extraTabs = [] }: { extraTabs?: TabsProps['items'] }) {
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
          ...(extraTabs ?? []),
        ]}
      />
    </div>
  );
}
