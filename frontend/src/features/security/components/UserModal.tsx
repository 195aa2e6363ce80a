import { App, Checkbox, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { applyViolations, problemMessage } from '@/lib/problem';
import { ROLE_LABELS, session, type Role } from '@/lib/session';
import { useCreateUser, useUpdateUser, type User } from '../api/admin';

export const PEOPLE_ROLES: Role[] = ['ADMIN', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER', 'VIEWER'];

export interface UserForm {
  username?: string;
  fullName: string;
  role: Role;
  unitId?: number;
  password?: string;
  enabled?: boolean;
  unlock?: boolean;
}

export function UserModal({ editing, onClose }: { editing?: User; onClose: () => void }) {
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
