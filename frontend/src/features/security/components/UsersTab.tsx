import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { AuditTimeline } from '@/components/AuditTimeline';
import { problemMessage } from '@/lib/problem';
import { ROLE_LABELS, type Role } from '@/lib/session';
import { useUsers, type User } from '../api/admin';
import { formatTimeDate } from '@/lib/format';
import { UserModal } from './UserModal';

const USER_FIELDS: Record<string, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  role: 'Vai trò',
  unitId: 'Đơn vị (mã định danh)',
  enabled: 'Đang hoạt động',
  password: 'Mật khẩu',
  locked: 'Tạm khóa',
};

/** Tài khoản: who may sign in, with which role and territory. */
export function UsersTab() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(20);
  const users = useUsers(q, page, size);
  const [modal, setModal] = useState<{ editing?: User } | null>(null);
  const [history, setHistory] = useState<User | null>(null);

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="Tìm theo tên đăng nhập hoặc họ tên"
          allowClear
          onSearch={(v) => {
            setQ(v.trim());
            setPage(0);
          }}
          style={{ width: 320 }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({})}>
          Thêm tài khoản
        </Button>
      </Space>
      {users.isError && <Alert type="error" showIcon title={problemMessage(users.error)} />}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.content}
        pagination={{
          current: page + 1,
          pageSize: size,
          total: users.data?.totalElements ?? 0,
          onChange: (p, s) => {
            setPage(p - 1);
            setSize(s);
          },
        }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Vai trò', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
          { title: 'Đơn vị', key: 'unit', render: (_, u) => u.unit?.name ?? 'Toàn quốc' },
          {
            title: 'Trạng thái',
            key: 'status',
            render: (_, u) =>
              !u.enabled ? (
                <Tag>Đã vô hiệu</Tag>
              ) : u.locked ? (
                <Tag color="warning">Tạm khóa</Tag>
              ) : (
                <Tag color="success">Hoạt động</Tag>
              ),
          },
          {
            title: 'Đăng nhập lần cuối',
            dataIndex: 'lastLoginAt',
            render: (t?: string) => formatTimeDate(t) || '—',
          },
          {
            title: '',
            key: 'edit',
            render: (_, u) => (
              <Space size="small">
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setModal({ editing: u })}
                >
                  Sửa
                </Button>
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(u)}>
                  Lịch sử
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {modal && <UserModal editing={modal.editing} onClose={() => setModal(null)} />}
      <Drawer
        open={history !== null}
        onClose={() => setHistory(null)}
        size={520}
        title={history ? `Lịch sử tài khoản ${history.username}` : ''}
      >
        {history && (
          <AuditTimeline
            entityType="USER"
            entityId={history.id}
            fields={USER_FIELDS}
            show={(v, field) =>
              field === 'role' && typeof v === 'string' && v in ROLE_LABELS
                ? ROLE_LABELS[v as Role]
                : undefined
            }
          />
        )}
      </Drawer>
    </div>
  );
}
