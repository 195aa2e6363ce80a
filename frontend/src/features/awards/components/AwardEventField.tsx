import { Form, Select } from 'antd';
import { useState } from 'react';
import { useEvents } from '@/lib/events';
import { formatDate } from '@/lib/format';

/** Trao tại sự kiện: an event searched by its title; the decision's own stays offered. */
export function AwardEventField({ current }: { current?: { id: number; title: string } }) {
  const [search, setSearch] = useState('');
  const events = useEvents({ q: search || undefined, size: 20 });
  const found = events.data?.content ?? [];
  return (
    <Form.Item name="eventId" label="Trao tại sự kiện">
      <Select
        aria-label="Sự kiện trao khen thưởng"
        allowClear
        showSearch={{ filterOption: false, onSearch: setSearch }}
        placeholder="Gõ tên sự kiện"
        options={[
          ...(current && !found.some((e) => e.id === current.id)
            ? [{ value: current.id, label: current.title, title: current.title }]
            : []),
          ...found.map((e) => ({
            value: e.id,
            label: `${e.title} (${formatDate(e.startsAt)})`,
            title: e.title,
          })),
        ]}
      />
    </Form.Item>
  );
}
