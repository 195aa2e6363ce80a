import { Alert, App, Button, Card, Form, Input, Skeleton, Switch, Table } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader';
import { ScrollRegion } from '@/components/ScrollRegion';
import { applyViolations, problemMessage } from '@/lib/problem';
import {
  usePreferences,
  useSavePreferences,
  type NotificationKind,
  type NotificationPreferences,
} from '../api/notifications';

type KindRow = NotificationPreferences['kinds'][number];

/** "Thiết lập nhận thông báo": which kinds, in the application and/or by e-mail, and a digest. */
export function PreferencesPage() {
  const query = usePreferences();
  if (!query.data) return <Skeleton active />;
  // a new version (saved here or elsewhere) starts the form again from what is stored
  return (
    <PreferencesForm key={query.data.data.version} prefs={query.data.data} etag={query.data.etag} />
  );
}

function PreferencesForm({ prefs, etag }: { prefs: NotificationPreferences; etag: string }) {
  const save = useSavePreferences();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ email?: string; digest: boolean }>();
  const [kinds, setKinds] = useState<KindRow[]>(prefs.kinds);

  const toggle = (kind: NotificationKind, field: 'inApp' | 'email', on: boolean) =>
    setKinds((all) => all.map((k) => (k.kind === kind ? { ...k, [field]: on } : k)));

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({
        etag,
        body: {
          email: values.email?.trim() ? values.email.trim() : undefined,
          digest: values.digest,
          kinds: kinds.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
        },
      });
      message.success('Đã lưu thiết lập nhận thông báo');
    } catch (e) {
      if (!applyViolations(form, e)) message.error(problemMessage(e));
    }
  };

  const mailOff = !prefs.mailEnabled;
  return (
    <>
      <PageHeader title="Thiết lập nhận thông báo" />
      {mailOff && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="Máy chủ chưa được cấu hình gửi thư điện tử: hiện chỉ có thông báo trong ứng dụng (cái chuông)."
        />
      )}
      <Card title="Thư điện tử" style={{ marginBottom: 12 }}>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 520 }}
          initialValues={{ email: prefs.email ?? '', digest: prefs.digest }}
        >
          <Form.Item
            name="email"
            label="Địa chỉ nhận thư"
            extra="Để trống nếu không muốn nhận thư."
            rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' }]}
          >
            <Input inputMode="email" autoComplete="email" placeholder="ten@congan.gov.vn" />
          </Form.Item>
          <Form.Item
            name="digest"
            label="Gộp thư thành một bản tin mỗi ngày (7 giờ sáng)"
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Form>
      </Card>
      <Card title="Loại thông báo">
        <ScrollRegion label="Các loại thông báo">
          <Table<KindRow>
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={kinds}
            columns={[
              { title: 'Loại', dataIndex: 'label' },
              {
                title: 'Trong ứng dụng',
                width: 130,
                render: (_, k) => (
                  <Switch
                    checked={k.inApp}
                    aria-label={`${k.label ?? k.kind}: trong ứng dụng`}
                    onChange={(on) => toggle(k.kind, 'inApp', on)}
                  />
                ),
              },
              {
                title: 'Thư điện tử',
                width: 120,
                render: (_, k) => (
                  <Switch
                    checked={k.email}
                    disabled={mailOff}
                    aria-label={`${k.label ?? k.kind}: thư điện tử`}
                    onChange={(on) => toggle(k.kind, 'email', on)}
                  />
                ),
              },
            ]}
          />
        </ScrollRegion>
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          loading={save.isPending}
          onClick={() => void submit()}
        >
          Lưu thiết lập
        </Button>
      </Card>
    </>
  );
}
