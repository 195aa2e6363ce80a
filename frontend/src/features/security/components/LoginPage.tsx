import {
  LockOutlined,
  LoginOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { session } from '@/lib/session';

interface LoginValues {
  username: string;
  password: string;
}

/** Đăng nhập: the only page a signed-out visitor sees; the URL they asked for is kept. */
export function LoginPage({ reason }: { reason?: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const provider = session.provider();

  const submit = async ({ username, password }: LoginValues) => {
    setBusy(true);
    setError(undefined);
    const problem = await session.login(username.trim(), password);
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <div className="login-page">
      {/* a plain panel, not antd's Card: Card brings tabs and menus the first script can do without */}
      <main className="login-card">
        <div className="login-brand">
          <SafetyCertificateOutlined style={{ fontSize: 40, color: '#b71c1c' }} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            Toàn dân bảo vệ an ninh Tổ quốc
          </Typography.Title>
          <Typography.Text type="secondary">Đăng nhập để tiếp tục</Typography.Text>
        </div>
        {reason && !error && (
          <Alert type="info" showIcon title={reason} style={{ marginBottom: 16 }} />
        )}
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
        )}
        {provider ? (
          <ProviderSignIn providerName={provider.providerName} retry={Boolean(reason)} />
        ) : (
          <Form<LoginValues> layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="username"
              label="Tên đăng nhập"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập' }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label="Mật khẩu"
              rules={[{ required: true, message: 'Nhập mật khẩu' }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} size="large">
              Đăng nhập
            </Button>
          </Form>
        )}
      </main>
    </div>
  );
}

/** With an OpenID Connect provider: one button to its sign-in page, back to the address asked for. */
function ProviderSignIn({ providerName, retry }: { providerName: string; retry: boolean }) {
  const [busy, setBusy] = useState(false);
  const go = () => {
    setBusy(true);
    const here = window.location.pathname + window.location.search;
    // after a refusal, let the person choose another account at the provider
    void session.signInAtProvider(here, retry ? 'login' : undefined);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        Hệ thống dùng tài khoản của <b>{providerName}</b>. Quyền và địa bàn của bạn do quản trị viên
        ANTQ cấp theo tên đăng nhập.
      </Typography.Paragraph>
      <Button
        type="primary"
        block
        size="large"
        icon={<LoginOutlined />}
        loading={busy}
        onClick={go}
      >
        Đăng nhập qua {providerName}
      </Button>
    </>
  );
}
