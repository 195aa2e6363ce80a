import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { session, type CurrentUser } from '@/lib/session';

/**
 * The session expired while the user was working: sign in again over the page, so nothing typed
 * is lost; the calls that were waiting are then sent again.
 */
export function ReauthModal({ user }: { user: CurrentUser }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    const problem = await session.login(user.username, password);
    setBusy(false);
    setError(problem ?? undefined);
  };

  const provider = session.provider();
  const again = async () => {
    setBusy(true);
    const problem = await session.reauthenticateInPopup();
    setBusy(false);
    setError(problem ?? undefined);
  };

  return (
    <Modal
      open
      title="Phiên làm việc đã hết hạn"
      closable={false}
      mask={{ closable: false }}
      footer={null}
      destroyOnHidden
    >
      {provider ? (
        <>
          <Typography.Paragraph>
            Vui lòng đăng nhập lại qua <b>{provider.providerName}</b> (một cửa sổ đăng nhập sẽ mở
            ra). Những gì bạn đang nhập vẫn được giữ nguyên và sẽ được gửi tiếp sau khi đăng nhập.
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <div style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Button onClick={() => session.logout()}>Đăng xuất</Button>
            <Button type="primary" loading={busy} onClick={again}>
              Đăng nhập lại
            </Button>
          </div>
        </>
      ) : (
        <>
          <Typography.Paragraph>
            Vui lòng nhập lại mật khẩu của <b>{user.username}</b>. Những gì bạn đang nhập vẫn được
            giữ nguyên và sẽ được gửi tiếp sau khi đăng nhập.
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="password"
              label="Mật khẩu"
              rules={[{ required: true, message: 'Nhập mật khẩu' }]}
            >
              <Input.Password autoComplete="current-password" autoFocus />
            </Form.Item>
            <div style={{ display: 'flex', justifyContent: 'space-between' }}>
              <Button onClick={() => session.logout()}>Đăng xuất</Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                Đăng nhập lại
              </Button>
            </div>
          </Form>
        </>
      )}
    </Modal>
  );
}
