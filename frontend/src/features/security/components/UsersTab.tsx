import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AuditTimeline } from '@/components/AuditTimeline';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { applyViolations, problemMessage } from '@/lib/problem';
import { ROLE_LABELS, session, type Role } from '@/lib/session';
import { useCreateUser, useUpdateUser, useUsers, type User } from '../api/admin';

const USER_FIELDS: Record<string, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  role: 'Vai trò',
  unitId: 'Đơn vị (mã định danh)',
  enabled: 'Đang hoạt động',
  password: 'Mật khẩu',
  locked: 'Tạm khóa',
};

const PEOPLE_ROLES: Role[] = ['ADMIN', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER', 'VIEWER'];

interface UserForm {
  username?: string;
  fullName: string;
  role: Role;
  unitId?: number;
  password?: string;
  enabled?: boolean;
  unlock?: boolean;
}

function UserModal({ editing, onClose }: { editing?: User; onClose: () => void }) {
  const [form] = Form.useForm<UserForm>();
  const { message } = App.useApp();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [error, setError] = useState<string>();
  const role = Form.useWatch('role', form);
  const provider = session.provider();

  const submit = async (v: UserForm) => {
    setError(undefined);
    try {
      if (editing) {
        await update.mutateAsync({
          id: editing.id,
          version: editing.version,
          body: {
            fullName: v.fullName,
            role: v.role,
            unitId: v.role === 'ADMIN' ? undefined : v.unitId,
            enabled: v.enabled ?? true,
            newPassword: v.password || undefined,
            unlock: v.unlock,
          },
        });
        message.success('Đã lưu tài khoản');
      } else {
        await create.mutateAsync({
          username: v.username ?? '',
          fullName: v.fullName,
          role: v.role,
          unitId: v.role === 'ADMIN' ? undefined : v.unitId,
          password: v.password || undefined,
        });
        message.success(`Đã tạo tài khoản ${v.username}`);
      }
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };

  return (
    <FormDialog
      title={editing ? `Sửa tài khoản ${editing.username}` : 'Thêm tài khoản'}
      okText={editing ? 'Lưu' : 'Tạo'}
      onCancel={onClose}
      onOk={() => form.submit()}
      busy={create.isPending || update.isPending}
      width={520}
      error={error}
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                fullName: editing.fullName,
                role: editing.role,
                unitId: editing.unit?.id,
                enabled: editing.enabled,
              }
            : { role: 'COMMUNE_OFFICER' }
        }
      >
        {!editing && (
          <Form.Item
            name="username"
            label="Tên đăng nhập"
            rules={[
              { required: true, message: 'Bắt buộc nhập' },
              {
                pattern: /^[A-Za-z0-9._-]{3,100}$/,
                message: 'Từ 3 ký tự: chữ không dấu, số, . _ -',
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="fullName"
          label="Họ và tên"
          rules={[{ required: true, message: 'Bắt buộc nhập' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label="Vai trò" rules={[{ required: true }]}>
          <Select options={PEOPLE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {role !== 'ADMIN' && (
          <Form.Item
            name="unitId"
            label="Đơn vị (địa bàn)"
            rules={[{ required: true, message: 'Chọn đơn vị' }]}
            extra="Tài khoản chỉ thấy và sửa đơn vị này và các đơn vị cấp dưới"
          >
            <UnitPicker aria-label="Đơn vị (địa bàn)" />
          </Form.Item>
        )}
        {provider ? (
          <Typography.Paragraph type="secondary">
            Người dùng đăng nhập qua <b>{provider.providerName}</b> với đúng tên đăng nhập này; ANTQ
            không giữ mật khẩu của họ.
          </Typography.Paragraph>
        ) : (
          <Form.Item
            name="password"
            label={editing ? 'Mật khẩu mới (để trống nếu không đổi)' : 'Mật khẩu'}
            rules={[
              { required: !editing, message: 'Bắt buộc nhập' },
              { min: 10, message: 'Ít nhất 10 ký tự' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {editing && (
          <Space size="large">
            <Form.Item name="enabled" label="Đang hoạt động" valuePropName="checked">
              <Switch />
            </Form.Item>
            {editing.locked && (
              <Form.Item name="unlock" valuePropName="checked" label=" ">
                <Checkbox>Mở khóa (đang tạm khóa vì nhập sai mật khẩu)</Checkbox>
              </Form.Item>
            )}
          </Space>
        )}
      </Form>
    </FormDialog>
  );
}

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
            render: (t?: string) => (t ? dayjs(t).format('HH:mm DD/MM/YYYY') : '—'),
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
