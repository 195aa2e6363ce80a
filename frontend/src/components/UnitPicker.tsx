import { Select, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useOnline } from '@/lib/useOnline';
import { unitDetailQuery, unitKeys, unitListQuery, type Unit, type UnitKind } from '@/lib/units';
import { UNIT_KIND_LABELS } from '@/lib/unitKinds';

interface UnitPickerProps {
  value?: number | number[];
  onChange?: (value: number | number[] | undefined) => void;
  multiple?: boolean;
  kinds?: UnitKind[];
  activeOn?: string;
  placeholder?: string;
  exclude?: number[];
  id?: string;
  'aria-label'?: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

function label(u: Pick<Unit, 'name' | 'kind' | 'parentName'>) {
  return u.parentName ? `${u.name} — ${u.parentName}` : u.name;
}

/** "Khóm 1, Phường Bạc Liêu" → "khom 1, phuong bac lieu": a search without diacritics. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

/** Every unit of the lists already fetched on this device (kept for offline use). */
function cachedUnits(client: QueryClient, kinds?: UnitKind[]): Unit[] {
  const seen = new Map<number, Unit>();
  for (const [, page] of client.getQueriesData<{ content: Unit[] }>({ queryKey: unitKeys.all })) {
    for (const u of page?.content ?? []) {
      if (!kinds || kinds.includes(u.kind)) seen.set(u.id, u);
    }
  }
  return [...seen.values()];
}

/**
 * Picks units by typing part of their name (diacritics optional), searched on the server; without
 * a connection, among the units this device has already fetched (the officer's own area).
 */
export function UnitPicker({
  value,
  onChange,
  multiple,
  kinds,
  activeOn,
  placeholder,
  exclude,
  id,
  'aria-label': ariaLabel,
}: UnitPickerProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const list = useQuery(unitListQuery({ q: q || undefined, kind: kinds, activeOn, size: 20 }));
  // show names for a preselected single value that is not in the current page
  const single = !multiple && typeof value === 'number' ? value : undefined;
  const selected = useQuery({ ...unitDetailQuery(single ?? 0), enabled: single !== undefined });
  const client = useQueryClient();
  const online = useOnline();
  const offline = !online || list.isError || list.fetchStatus === 'paused';

  const options = new Map<number, { value: number; label: string; kind: UnitKind }>();
  if (selected.data) {
    const u = selected.data.unit;
    options.set(u.id, { value: u.id, label: label(u), kind: u.kind });
  }
  const found = offline
    ? cachedUnits(client, kinds).filter((u) => fold(label(u)).includes(fold(search.trim())))
    : (list.data?.content ?? []);
  for (const u of found) {
    if (!exclude?.includes(u.id)) options.set(u.id, { value: u.id, label: label(u), kind: u.kind });
  }

  return (
    <Select<number | number[]>
      id={id}
      aria-label={ariaLabel}
      mode={multiple ? 'multiple' : undefined}
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      placeholder={placeholder ?? 'Gõ tên đơn vị để tìm (không cần dấu)'}
      onChange={(v) => onChange?.(v ?? undefined)}
      notFoundContent={
        offline ? (
          'Không có mạng: chỉ tìm được trong các đơn vị đã tải về máy'
        ) : list.isFetching ? (
          <Spin size="small" />
        ) : (
          'Không tìm thấy đơn vị'
        )
      }
      options={[...options.values()].map((o) => ({
        value: o.value,
        label: o.label,
        title: o.label,
        kindLabel: UNIT_KIND_LABELS[o.kind],
      }))}
      optionRender={(o) => (
        <span>
          {o.label} <Tag style={{ marginInlineStart: 4 }}>{o.data.kindLabel}</Tag>
        </span>
      )}
    />
  );
}
