import type { ReactNode } from 'react';
import { MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatDate, formatNumber, todayIso } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useTableParams } from '@/lib/useTableParams';
import { useCurrentUser, useRights } from '@/lib/useSession';
import {
  useUnitDetail,
  useUnitList,
  type Unit,
  type UnitDetail,
  type UnitKind,
} from '../api/units';
import { MergeUnitsModal } from './MergeUnitsModal';
import { UnitDetailDrawer } from './UnitDetailDrawer';
import { UnitFormModal } from './UnitFormModal';
import { UnitTree } from './UnitTree';
import { UNIT_KIND_COLORS, UNIT_KIND_LABELS, UNIT_KINDS } from '@/lib/unitKinds';

const FILTERS = ['q', 'kind', 'ancestorId', 'all', 'unit'] as const;

type FormState =
  | { mode: 'closed' }
  | { mode: 'create'; parentId?: number }
  | { mode: 'edit'; unit: UnitDetail; etag: string };

/** Đơn vị: the lazily loaded tree beside a searchable table, with detail, forms and merge. */
/** Đơn vị: the tree and its details; `awardsOf` adds the awards tab (composed by the app). */
export function UnitsPage({ awardsOf }: { awardsOf?: (unit: UnitDetail) => ReactNode } = {}) {
  const { state, params, onChange, setFilter, setParam, sortOrderOf } = useTableParams(FILTERS);
  const f = state.filters;
  const showAll = f.all?.[0] === '1';
  const activeOn = showAll ? undefined : todayIso();
  const ancestorId = f.ancestorId?.[0] ? Number(f.ancestorId[0]) : undefined;
  const openUnitId = f.unit?.[0] ? Number(f.unit[0]) : undefined;
  const [search, setSearch] = useState(f.q?.[0] ?? '');
  const [form, setForm] = useState<FormState>({ mode: 'closed' });
  const [merge, setMerge] = useState<{ open: boolean; successorId?: number }>({ open: false });
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

  const columns: ColumnsType<Unit> = [
    {
      title: 'Tên đơn vị',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name') ?? (state.sort ? null : 'ascend'),
      render: (name: string, u) => <Typography.Link {...linkTo(u.id)}>{name}</Typography.Link>,
    },
    {
      title: 'Loại',
      dataIndex: 'kind',
      key: 'kind',
      sorter: true,
      sortOrder: sortOrderOf('kind'),
      render: (kind: UnitKind) => (
        <Tag color={UNIT_KIND_COLORS[kind]}>{UNIT_KIND_LABELS[kind]}</Tag>
      ),
    },
    { title: 'Mã', dataIndex: 'code', key: 'code', sorter: true, sortOrder: sortOrderOf('code') },
    { title: 'Cấp trên', dataIndex: 'parentName', key: 'parentName' },
    {
      title: 'Hiệu lực từ',
      dataIndex: 'validFrom',
      key: 'validFrom',
      sorter: true,
      sortOrder: sortOrderOf('validFrom'),
      render: formatDate,
    },
    {
      title: 'Trạng thái',
      key: 'active',
      render: (_: unknown, u) =>
        u.active ? (
          <Tag color="success">Đang hoạt động</Tag>
        ) : (
          <Tag>Hết hiệu lực {formatDate(u.validTo)}</Tag>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Đơn vị
        </Typography.Title>
        <Space>
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
        </Space>
      </div>
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
            <Space wrap style={{ marginBottom: 12 }}>
              <Input.Search
                aria-label="Tìm đơn vị"
                placeholder="Tìm theo tên hoặc mã (không cần dấu)"
                allowClear
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={(v) => setFilter('q', v.trim() || undefined)}
                style={{ width: 360 }}
              />
              <Select<UnitKind[]>
                mode="multiple"
                aria-label="Lọc theo loại"
                placeholder="Mọi loại đơn vị"
                allowClear
                value={(f.kind as UnitKind[] | undefined) ?? []}
                onChange={(v) => setFilter('kind', v)}
                style={{ minWidth: 220 }}
                options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
              />
              {ancestorId && (
                <Tag closable onClose={() => setFilter('ancestorId', undefined)} color="processing">
                  Trong: {scope.data?.unit.name ?? '…'}
                </Tag>
              )}
            </Space>
            {list.isError && (
              <Alert
                type="error"
                showIcon
                title={problemMessage(list.error)}
                style={{ marginBottom: 12 }}
              />
            )}
            <Table<Unit>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={list.data?.content}
              loading={list.isFetching}
              onChange={onChange}
              onRow={(u) => ({ onDoubleClick: () => openUnit(u.id) })}
              locale={{ emptyText: 'Không có đơn vị phù hợp' }}
              pagination={{
                current: state.page + 1,
                pageSize: state.size,
                total: list.data?.totalElements ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100, 200],
                showTotal: (total) => `${formatNumber(total)} đơn vị`,
              }}
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
