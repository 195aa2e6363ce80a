import { Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { ListPageState } from '@/lib/useListPage';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '@/lib/unitKinds';
import type { UnitKind } from '../api/units';

/** Words, kinds, and the subtree chosen in the tree (a tag that clears it). */
export function UnitFilters({ page, scopeName }: { page: ListPageState; scopeName?: string }) {
  const [search, setSearch] = useState(page.text('q') ?? '');
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label="Tìm đơn vị"
        placeholder="Tìm theo tên hoặc mã (không cần dấu)"
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(v) => page.setFilter('q', v.trim() || undefined)}
        style={{ width: 'min(360px, calc(100vw - 72px))' }}
      />
      <Select<UnitKind[]>
        mode="multiple"
        aria-label="Lọc theo loại"
        placeholder="Mọi loại đơn vị"
        allowClear
        value={page.all<UnitKind>('kind') ?? []}
        onChange={(v) => page.setFilter('kind', v)}
        style={{ minWidth: 220 }}
        options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
      />
      {page.id('ancestorId') !== undefined && (
        <Tag closable onClose={() => page.setFilter('ancestorId', undefined)} color="processing">
          Trong: {scopeName ?? '…'}
        </Tag>
      )}
    </Space>
  );
}
