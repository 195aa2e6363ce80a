import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '@/lib/api/client';

export function ModelPicker({
  value,
  label,
  onChange,
}: {
  value?: number;
  label?: string;
  onChange: (id: number | undefined, name?: string) => void;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['models', 'picker', q],
    queryFn: async () =>
      (await unwrap(api.GET('/api/models', { params: { query: { q: q || undefined, size: 20 } } })))
        .data,
  });
  const options = new Map<number, { value: number; label: string; title: string }>();
  if (value && label) options.set(value, { value, label, title: label });
  for (const m of found.data?.content ?? []) {
    const text = `${m.name} — ${m.unit.name}`;
    options.set(m.id, { value: m.id, label: text, title: text });
  }
  return (
    <Select
      aria-label="Mô hình được khen"
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder="Gõ tên mô hình"
      style={{ width: '100%' }}
      value={value}
      loading={found.isFetching}
      options={[...options.values()]}
      onChange={(id?: number) => onChange(id, id ? options.get(id)?.title : undefined)}
    />
  );
}
