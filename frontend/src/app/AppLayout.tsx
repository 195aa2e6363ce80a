import {
  ApartmentOutlined,
  BarChartOutlined,
  FormOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { MenuOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '@/components/PageLoading';
import { startOutboxSync } from '@/lib/outboxSync';
import { useCurrentUser, useRights } from '@/lib/useSession';
import { NotificationBell } from '@/features/notifications';
import { OutboxBadge } from './OutboxBadge';
import { UserBox } from './UserBox';

export const NAV = [
  { key: '/', icon: <DashboardOutlined />, label: 'Tổng quan' },
  { key: '/don-vi', icon: <ApartmentOutlined />, label: 'Đơn vị' },
  { key: '/mo-hinh', icon: <TeamOutlined />, label: 'Mô hình' },
  { key: '/su-kien', icon: <CalendarOutlined />, label: 'Sự kiện' },
  { key: '/khen-thuong', icon: <TrophyOutlined />, label: 'Khen thưởng' },
  { key: '/so-lieu', icon: <FormOutlined />, label: 'Số liệu' },
  { key: '/tinh-hinh-bao-cao', icon: <CheckSquareOutlined />, label: 'Tình hình báo cáo' },
  { key: '/an-toan', icon: <SafetyOutlined />, label: 'An toàn ANTT' },
  { key: '/bao-cao', icon: <BarChartOutlined />, label: 'Báo cáo' },
];

function Brand() {
  return (
    <div className="brand">
      <SafetyCertificateOutlined style={{ fontSize: 22, color: '#ffd54f' }} />
      <span>ANTQ</span>
    </div>
  );
}

/**
 * The app shell: Vietnamese navigation on the left and the page on the right; on a phone the
 * navigation is a drawer opened from the header and the user a menu, so nothing runs off the
 * screen.
 */
export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const rights = useRights();
  const username = useCurrentUser()?.username;
  // what was recorded without a connection is sent whenever it can be
  useEffect(() => (username ? startOutboxSync(username) : undefined), [username]);
  // the queue's page is at hand without a connection, even before the app is kept offline
  useEffect(() => {
    const t = setTimeout(() => void import('./routes/OutboxRoute'), 2000);
    return () => clearTimeout(t);
  }, []);
  const screens = Grid.useBreakpoint();
  const phone = screens.lg === false;
  const [menuOpen, setMenuOpen] = useState(false);
  // the phone's menu drawer is drawn on its first opening, not with the shell
  const [menuOpened, setMenuOpened] = useState(false);
  const nav = [
    ...NAV,
    ...(rights.write
      ? [{ key: '/nhap-du-lieu', icon: <CloudUploadOutlined />, label: 'Nhập dữ liệu' }]
      : []),
    ...(rights.admin ? [{ key: '/quan-tri', icon: <SettingOutlined />, label: 'Quản trị' }] : []),
  ];
  const selected =
    nav.filter((n) => n.key !== '/' && location.pathname.startsWith(n.key))[0]?.key ??
    (location.pathname === '/' ? '/' : '');
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={nav.map(({ key, icon, label }) => ({ key, icon, label }))}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider width={220} theme="dark">
          <Brand />
          {menu}
        </Layout.Sider>
      )}
      {phone && menuOpened && (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={260}
          closable={false}
          className="app-nav-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
          title={null}
        >
          <Brand />
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className={phone ? 'app-header app-header-phone' : 'app-header'}>
          {phone && (
            <Button
              className="app-header-button"
              type="text"
              icon={<MenuOutlined />}
              aria-label="Mở menu"
              onClick={() => {
                setMenuOpened(true);
                setMenuOpen(true);
              }}
            />
          )}
          <Typography.Text strong className="app-title">
            {phone ? 'ANTQ' : 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc'}
          </Typography.Text>
          <OutboxBadge compact={phone} />
          <NotificationBell compact={phone} />
          <UserBox compact={phone} />
        </Layout.Header>
        <Layout.Content className="app-content">
          {/* a page whose code is still coming: a spinner inside the shell (the first page only;
              moving on keeps the old page until the new one is ready) */}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="app-footer">
          ANTQ — Hệ thống quản lý phong trào Toàn dân bảo vệ an ninh Tổ quốc
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
