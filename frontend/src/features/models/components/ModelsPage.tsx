import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ExportButton } from '@/components/ExportButton';
import { PageHeader } from '@/components/PageHeader';
import { api } from '@/lib/api/client';
import { useListPage } from '@/lib/useListPage';
import { useRights } from '@/lib/useSession';
import { MemberSearch } from './MemberSearch';
import { ModelFormDialog } from './ModelFormDialog';
import { ModelMap } from './ModelMap';
import { modelFilters, ModelRegistry } from './ModelRegistry';

const FILTERS = [
  'q',
  'fieldId',
  'typeId',
  'status',
  'recognitionLevel',
  'unitId',
  'from',
  'to',
  'tab',
] as const;

/** Mô hình: the register with its filters and counts, and a search over every roster. */
export function ModelsPage() {
  const page = useListPage(FILTERS);
  const [creating, setCreating] = useState(false);
  const rights = useRights();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Mô hình tự phòng, tự quản"
        actions={
          <>
            <ExportButton
              fallbackName="mo-hinh"
              fetchFile={async (format) =>
                api.GET('/api/models/export', {
                  params: { query: { format, ...modelFilters(page), sort: page.state.sort } },
                  parseAs: 'blob',
                })
              }
            />
            {rights.write && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                Đăng ký mô hình
              </Button>
            )}
          </>
        }
      />
      <Tabs
        activeKey={page.text('tab') ?? 'register'}
        onChange={(k) => page.setParam('tab', k === 'register' ? undefined : k)}
        items={[
          { key: 'register', label: 'Danh sách mô hình', children: <ModelRegistry page={page} /> },
          {
            key: 'map',
            label: 'Bản đồ',
            children: page.text('tab') === 'map' && <ModelMap page={page} />,
          },
          { key: 'members', label: 'Tìm thành viên', children: <MemberSearch /> },
        ]}
      />
      {creating && (
        <ModelFormDialog
          onClose={(created) => {
            setCreating(false);
            if (created) void navigate(`/mo-hinh/${created}`);
          }}
        />
      )}
    </>
  );
}
