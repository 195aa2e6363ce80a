import { PowersTab } from '@/features/awards';
import { CataloguesTab } from '@/features/catalogues';
import { AdminPage } from '@/features/security/pages';

/** Quản trị, with the catalogues and the award powers of their features. */
export function AdminRoute() {
  return (
    <AdminPage
      extraTabs={[
        { key: 'catalogues', label: 'Danh mục', children: <CataloguesTab /> },
        { key: 'powers', label: 'Thẩm quyền khen thưởng', children: <PowersTab /> },
      ]}
    />
  );
}
