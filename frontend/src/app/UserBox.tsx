import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tooltip } from 'antd';
import { outbox } from '@/lib/outbox';
import { ROLE_LABELS, session } from '@/lib/session';
import { useCurrentUser } from '@/lib/useSession';

/** Signs out, asking first when records recorded here still wait to be sent. */
function useSignOut() {
  const { modal } = App.useApp();
  const user = useCurrentUser();
  return async () => {
    const waiting = user ? (await outbox.list(user.username)).length : 0;
    if (waiting === 0) {
      void session.logout();
      return;
    }
    modal.confirm({
      title: `Còn ${waiting} bản ghi chưa gửi`,
      content:
        'Chúng được giữ trên máy này, chỉ bạn thấy, và được gửi khi bạn đăng nhập lại trên máy này. Vẫn đăng xuất?',
      okText: 'Đăng xuất',
      cancelText: 'Ở lại',
      onOk: () => session.logout(),
    });
  };
}

/** The signed-in user: name, role and unit beside the sign-out button, or a menu on a phone. */
export function UserBox({ compact }: { compact: boolean }) {
  const user = useCurrentUser();
  const signOut = useSignOut();
  if (!user) return null;
  const meta = `${ROLE_LABELS[user.role]}${user.unit ? ` · ${user.unit.name}` : ''}`;
  if (compact) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <div className="app-user-card">
                  <b>{user.fullName}</b>
                  <div>{meta}</div>
                </div>
              ),
            },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất' },
          ],
          onClick: ({ key }) => key === 'logout' && void signOut(),
        }}
      >
        <Button
          className="app-header-button"
          type="text"
          icon={<UserOutlined />}
          data-testid="current-user"
          aria-label={`Tài khoản: ${user.fullName}, ${meta}`}
        />
      </Dropdown>
    );
  }
  return (
    <Space className="app-user" size="middle">
      <UserOutlined />
      <span data-testid="current-user">
        <b>{user.fullName}</b>
        <span className="app-user-meta">
          {' · '}
          {meta}
        </span>
      </span>
      <Tooltip title="Đăng xuất">
        <Button ghost size="small" icon={<LogoutOutlined />} onClick={() => void signOut()}>
          Đăng xuất
        </Button>
      </Tooltip>
    </Space>
  );
}
