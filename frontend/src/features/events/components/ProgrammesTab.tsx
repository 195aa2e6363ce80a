import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate, formatNumber } from '@/lib/format';
import { useRights } from '@/lib/useSession';
import {
  PROGRAMME_STATUS_LABELS,
  useProgrammes,
  type Programme,
  type ProgrammeStatus,
} from '../api/events';
import { ProgrammeDrawer } from './ProgrammeDrawer';
import { ProgrammeDialog } from './ProgrammeDialog';

/** Chương trình phối hợp: the programmes in force around the user, each with its events. */
export function ProgrammesTab() {
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(0);
  const list = useProgrammes({ q, page, size: 20 });
  const rights = useRights();
  const [params, setParams] = useSearchParams();
  const open = params.get('programme') ? Number(params.get('programme')) : undefined;
  const [editing, setEditing] = useState<{ programme?: Programme } | null>(null);
  const setOpen = (id?: number) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set('programme', String(id));
      else next.delete('programme');
      return next;
    });
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Input.Search
          aria-label="Tìm chương trình"
          placeholder="Số hoặc tên chương trình"
          allowClear
          style={{ width: 360 }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(0);
          }}
        />
        {rights.write && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            Thêm chương trình
          </Button>
        )}
      </Space>
      <Table<Programme>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.content}
        onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: 'Chưa có chương trình phối hợp' }}
        pagination={{
          current: page + 1,
          pageSize: 20,
          total: list.data?.totalElements,
          onChange: (p) => setPage(p - 1),
        }}
        columns={[
          { title: 'Số', dataIndex: 'number', width: 180 },
          { title: 'Tên chương trình', dataIndex: 'title' },
          { title: 'Ngày ký', dataIndex: 'signedOn', width: 110, render: formatDate },
          {
            title: 'Các bên ký kết',
            key: 'parties',
            render: (_, p) => p.parties.map((u) => u.name).join(', '),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            width: 150,
            render: (s: ProgrammeStatus) => (
              <Tag color={s === 'IN_FORCE' ? 'green' : 'default'}>{PROGRAMME_STATUS_LABELS[s]}</Tag>
            ),
          },
          {
            title: 'Sự kiện',
            dataIndex: 'eventCount',
            align: 'right',
            width: 90,
            render: formatNumber,
          },
        ]}
      />
      {open !== undefined && (
        <ProgrammeDrawer
          id={open}
          onClose={() => setOpen()}
          onEdit={(p) => setEditing({ programme: p })}
        />
      )}
      {editing && (
        <ProgrammeDialog programme={editing.programme} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
