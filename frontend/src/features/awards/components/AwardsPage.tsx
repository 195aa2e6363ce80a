import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ExportButton } from '@/components/ExportButton';
import { PagedTable } from '@/components/PagedTable';
import { PageHeader } from '@/components/PageHeader';
import { api } from '@/lib/api/client';
import { useListPage } from '@/lib/useListPage';
import { useRights } from '@/lib/useSession';
import { useAwardCounts, useAwards } from '../api/awards';
import { awardColumns } from './awardColumns';
import { AwardCounts } from './AwardCounts';
import { AwardFilters, awardFilters } from './AwardFilters';
import { AwardFormDialog } from './AwardFormDialog';

const FILTERS = ['q', 'formId', 'typeId', 'authorityId', 'kind', 'unitId', 'from', 'to'] as const;

/** Khen thưởng: the decisions of the user's territory with their counts by form and kind. */
export function AwardsPage() {
  const page = useListPage(FILTERS);
  const rights = useRights();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const filter = awardFilters(page);
  const list = useAwards({ ...filter, ...page.paging, sort: page.state.sort });
  const counts = useAwardCounts(filter);
  return (
    <>
      <PageHeader
        title="Khen thưởng"
        actions={
          <>
            <ExportButton
              fallbackName="khen-thuong"
              fetchFile={async (format) =>
                api.GET('/api/awards/export', {
                  params: { query: { format, ...filter, sort: page.state.sort } },
                  parseAs: 'blob',
                })
              }
            />
            {rights.write && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                Ghi quyết định khen thưởng
              </Button>
            )}
          </>
        }
      />
      <AwardFilters page={page} />
      <AwardCounts counts={counts} onForm={(id) => page.setFilter('formId', id)} />
      <PagedTable
        query={list}
        columns={awardColumns(page)}
        paging={page.paging}
        onChange={page.onChange}
        noun="quyết định"
        empty="Không có quyết định phù hợp"
        onOpen={(a) => void navigate(`/khen-thuong/${a.id}`)}
      />
      {creating && (
        <AwardFormDialog
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/khen-thuong/${id}`);
          }}
        />
      )}
    </>
  );
}
