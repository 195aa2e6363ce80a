import { KeyOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type ApiKey } from '../api/admin';
import { formatTimeDate } from '@/lib/format';

const time = (t?: string) => formatTimeDate(t) || '—';

function CreateKeyModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ name: string; unitId: number }>();
  const create = useCreateApiKey();
  const [error, setError] = useState<string>();
  const [secret, setSecret] = useState<string>();

  if (secret) {
    return (
      <Modal
        open
        title="Khóa API đã được tạo"
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose}>
            Tôi đã lưu khóa
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          title="Khóa chỉ hiện một lần"
          description="Hãy sao chép và lưu ngay vào hệ thống tích hợp. Máy chủ chỉ giữ bản băm, không thể xem lại."
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph copyable={{ text: secret }} code data-testid="api-key-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <FormDialog
      title="Tạo khóa API"
      okText="Tạo"
      onCancel={onClose}
      onOk={() => form.submit()}
      busy={create.isPending}
      width={520}
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            setSecret((await create.mutateAsync(v)).key);
          } catch (e) {
            if (!applyViolations(form, e)) setError(problemMessage(e));
          }
        }}
      >
        <Form.Item
          name="name"
          label="Tên hệ thống"
          rules={[{ required: true, message: 'Bắt buộc nhập' }]}
        >
          <Input placeholder="Ví dụ: Hệ thống hồ sơ Công an tỉnh Cà Mau" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Địa bàn"
          rules={[{ required: true, message: 'Chọn đơn vị' }]}
          extra="Khóa chỉ đọc và ghi được đơn vị này và các đơn vị cấp dưới"
        >
          <UnitPicker aria-label="Địa bàn" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** Khóa API: machine clients of provincial systems. */
export function ApiKeysTab() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <Button
        type="primary"
        icon={<KeyOutlined />}
        onClick={() => setCreating(true)}
        style={{ marginBottom: 12 }}
      >
        Tạo khóa API
      </Button>
      {keys.isError && <Alert type="error" showIcon title={problemMessage(keys.error)} />}
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        loading={keys.isFetching}
        dataSource={keys.data}
        pagination={false}
        columns={[
          { title: 'Tên hệ thống', dataIndex: 'name' },
          { title: 'Tiền tố', dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
          { title: 'Địa bàn', key: 'unit', render: (_, k) => k.unit.name },
          { title: 'Tạo lúc', dataIndex: 'createdAt', render: time },
          { title: 'Dùng lần cuối', dataIndex: 'lastUsedAt', render: time },
          {
            title: 'Trạng thái',
            key: 'status',
            render: (_, k) =>
              k.revoked ? (
                <Tag>Đã thu hồi {time(k.revokedAt)}</Tag>
              ) : (
                <Tag color="success">Đang dùng</Tag>
              ),
          },
          {
            title: '',
            key: 'revoke',
            render: (_, k) =>
              !k.revoked && (
                <Popconfirm
                  title="Thu hồi khóa này?"
                  description="Hệ thống đang dùng khóa sẽ không gọi được API nữa."
                  okText="Thu hồi"
                  cancelText="Hủy"
                  onConfirm={async () => {
                    try {
                      await revoke.mutateAsync(k.id);
                      message.success('Đã thu hồi khóa');
                    } catch (e) {
                      message.error(problemMessage(e));
                    }
                  }}
                >
                  <Button size="small" danger icon={<StopOutlined />}>
                    Thu hồi
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {creating && <CreateKeyModal onClose={() => setCreating(false)} />}
    </div>
  );
}
