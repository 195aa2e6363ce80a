import type { ReactNode } from 'react';
import { MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { todayIso } from '@/lib/format';
import { useListPage } from '@/lib/useListPage';
import { PagedTable } from '@/components/PagedTable';
import { PageHeader } from '@/components/PageHeader';
import { unitColumns } from './unitColumns';
import { useCurrentUser, useRights } from '@/lib/useSession';
import { useUnitDetail, useUnitList, type UnitDetail, type UnitKind } from '../api/units';
import { MergeUnitsModal } from './MergeUnitsModal';
import { RenameUnitModal } from './RenameUnitModal';
import { SplitUnitModal } from './SplitUnitModal';
import { UnitDetailDrawer } from './UnitDetailDrawer';
import { UnitFormModal } from './UnitFormModal';
import { UnitFilters } from './UnitFilters';
import { UnitTree } from './UnitTree';

const FILTERS = ['q', 'kind', 'ancestorId', 'all', 'unit'] as const;

type FormState =
  | { mode: 'closed' }
  | { mode: 'create'; parentId?: number }
  | { mode: 'edit'; unit: UnitDetail; etag: string };

/** Đơn vị: the tree and its details; `awardsOf` adds the awards tab (composed by the app). */
export function UnitsPage({ awardsOf }: { awardsOf?: (unit: UnitDetail) => ReactNode } = {}) {
  const page = useListPage(FILTERS);
  const { state, params, setFilter, setParam } = page;
  const f = state.filters;
  const showAll = f.all?.[0] === '1';
  const activeOn = showAll ? undefined : todayIso();
  const ancestorId = f.ancestorId?.[0] ? Number(f.ancestorId[0]) : undefined;
  const openUnitId = f.unit?.[0] ? Number(f.unit[0]) : undefined;
  const [form, setForm] = useState<FormState>({ mode: 'closed' });
  const [merge, setMerge] = useState<{ open: boolean; successorId?: number }>({ open: false });
  const [renaming, setRenaming] = useState<{ unit: UnitDetail; etag: string }>();
  const [splitting, setSplitting] = useState<UnitDetail>();
  const rights = useRights();
  const user = useCurrentUser();

  const list = useUnitList({
    q: f.q?.[0],
    kind: f.kind as UnitKind[] | undefined,
    ancestorId,
    activeOn,
    page: state.page,
    size: state.size,
    sort: state.sort,
  });
  const scope = useUnitDetail(ancestorId);

  const openUnit = (id: number | undefined) => setParam('unit', id ? String(id) : undefined);
  /** A real link to a unit's detail (it can be opened in a new tab or bookmarked). */
  const unitHref = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('unit', String(id));
    return `?${next.toString()}`;
  };
  const linkTo = (id: number) => ({
    href: unitHref(id),
    onClick: (e: React.MouseEvent) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      openUnit(id);
    },
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title="Đơn vị"
        actions={
          <>
            {rights.reorganise && (
              <Button icon={<MergeCellsOutlined />} onClick={() => setMerge({ open: true })}>
                Sáp nhập
              </Button>
            )}
            {rights.write && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ mode: 'create', parentId: ancestorId ?? user?.unit?.id })}
              >
                Thêm đơn vị
              </Button>
            )}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card
            title="Cây đơn vị"
            size="small"
            extra={
              <Space size="small">
                <Typography.Text type="secondary">Cả đơn vị đã giải thể</Typography.Text>
                <Switch
                  size="small"
                  aria-label="Hiện cả đơn vị đã hết hiệu lực"
                  checked={showAll}
                  onChange={(on) => setFilter('all', on ? '1' : undefined)}
                />
              </Space>
            }
          >
            <UnitTree
              rootId={user?.unit?.id}
              activeOn={activeOn}
              selectedId={ancestorId}
              onSelect={(u) => setFilter('ancestorId', u ? String(u.id) : undefined)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small">
            <UnitFilters page={page} scopeName={scope.data?.unit.name} />
            <PagedTable
              query={list}
              columns={unitColumns(page, linkTo)}
              paging={page.paging}
              onChange={page.onChange}
              noun="đơn vị"
              empty="Không có đơn vị phù hợp"
              openOn="doubleClick"
              onOpen={(u) => openUnit(u.id)}
              pageSizeOptions={[10, 20, 50, 100, 200]}
            />
          </Card>
        </Col>
      </Row>
      <UnitDetailDrawer
        awardsOf={awardsOf}
        unitId={openUnitId}
        onClose={() => openUnit(undefined)}
        linkTo={linkTo}
        onEdit={(unit, etag) => setForm({ mode: 'edit', unit, etag })}
        onAddChild={(unit) => setForm({ mode: 'create', parentId: unit.id })}
        onMergeInto={(unit) => setMerge({ open: true, successorId: unit.id })}
        onRename={(unit, etag) => setRenaming({ unit, etag })}
        onSplit={(unit) => setSplitting(unit)}
        onShowSubtree={(unit) => {
          setFilter('ancestorId', String(unit.id));
        }}
      />
      {form.mode !== 'closed' && (
        <UnitFormModal
          editing={form.mode === 'edit' ? { unit: form.unit, etag: form.etag } : undefined}
          parentId={form.mode === 'create' ? form.parentId : undefined}
          onClose={() => setForm({ mode: 'closed' })}
          onSaved={(unit) => {
            setForm({ mode: 'closed' });
            openUnit(unit.id);
          }}
        />
      )}
      {renaming && (
        <RenameUnitModal
          unit={renaming.unit}
          etag={renaming.etag}
          onClose={() => setRenaming(undefined)}
          onRenamed={(unit) => {
            setRenaming(undefined);
            openUnit(unit.id);
          }}
        />
      )}
      {splitting && (
        <SplitUnitModal
          unit={splitting}
          onClose={() => setSplitting(undefined)}
          onSplit={(unit) => {
            setSplitting(undefined);
            openUnit(unit.id);
          }}
        />
      )}
      {merge.open && (
        <MergeUnitsModal
          successorId={merge.successorId}
          onClose={() => setMerge({ open: false })}
          onMerged={(unit) => {
            setMerge({ open: false });
            openUnit(unit.id);
          }}
        />
      )}
    </Space>
  );
}
