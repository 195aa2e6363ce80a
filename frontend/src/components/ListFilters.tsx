import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Grid, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { Children, useState, type ReactNode } from 'react';
import type { useTableParams } from '@/lib/useTableParams';

/** The list adapter of a page (its filters live in the URL). */
type Table = ReturnType<typeof useTableParams>;

/**
 * The card above a list that holds its filters, laid out on a 24-column grid. On a phone only the
 * first (the search) shows; the others open with "Bộ lọc khác", so the list is not pushed down a
 * screen.
 */
export function FilterCard({ children }: { children: ReactNode }) {
  const phone = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const all = Children.toArray(children);
  const shown = phone && !open ? all.slice(0, 1) : all;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        {shown}
        {phone && all.length > 1 && (
          <Col xs={24}>
            <Button
              type="link"
              size="small"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              style={{ padding: 0 }}
            >
              {open ? 'Ẩn bớt bộ lọc' : `Bộ lọc khác (${all.length - 1})`}
            </Button>
          </Col>
        )}
      </Row>
    </Card>
  );
}

/** Words to search for (filter `q`), applied on Enter or the button, cleared with the ×. */
export function SearchFilter({
  table,
  label,
  placeholder,
  md = 8,
}: {
  table: Table;
  label: string;
  placeholder: string;
  md?: number;
}) {
  const [search, setSearch] = useState(table.state.filters.q?.[0] ?? '');
  return (
    <Col xs={24} md={md}>
      <Input.Search
        aria-label={label}
        placeholder={placeholder}
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(v) => table.setFilter('q', v.trim() || undefined)}
        enterButton={<SearchOutlined />}
      />
    </Col>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

/** A choice among options, one or several, kept in the URL under `name`. */
export function SelectFilter({
  table,
  name,
  label,
  placeholder,
  options,
  multiple,
  searchable,
  loading,
  onChange,
  md = 6,
}: {
  table: Table;
  name: string;
  label: string;
  placeholder: string;
  options: FilterOption[];
  multiple?: boolean;
  searchable?: boolean;
  loading?: boolean;
  /** instead of setting the filter (e.g. to reset a dependent one too) */
  onChange?: (value: string | undefined) => void;
  md?: number;
}) {
  const values = table.state.filters[name];
  return (
    <Col xs={24} md={md}>
      <Select<string | string[]>
        aria-label={label}
        mode={multiple ? 'multiple' : undefined}
        allowClear
        showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
        style={{ width: '100%' }}
        placeholder={placeholder}
        loading={loading}
        value={multiple ? (values ?? []) : values?.[0]}
        options={options.map((o) => ({ ...o, title: o.label }))}
        onChange={(v) => {
          if (onChange && !Array.isArray(v)) onChange(v);
          else table.setFilter(name, v);
        }}
      />
    </Col>
  );
}

/** A range of days kept in the URL as `from` and `to` (ISO dates, both inclusive). */
export function DateRangeFilter({
  table,
  label,
  placeholders,
  md = 6,
}: {
  table: Table;
  label: string;
  placeholders: [string, string];
  md?: number;
}) {
  const f = table.state.filters;
  return (
    <Col xs={24} md={md}>
      <DatePicker.RangePicker
        aria-label={label}
        format="DD/MM/YYYY"
        style={{ width: '100%' }}
        placeholder={placeholders}
        value={[f.from?.[0] ? dayjs(f.from[0]) : null, f.to?.[0] ? dayjs(f.to[0]) : null]}
        onChange={(range) =>
          table.setMany({
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      />
    </Col>
  );
}
