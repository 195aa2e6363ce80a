import {
  ApartmentOutlined,
  BarChartOutlined,
  FormOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS, session } from '@/lib/session';
import { useCurrentUser, useRights } from '@/lib/useSession';

export const NAV = [
  { key: '/', icon: <DashboardOutlined />, label: 'Tổng quan' },
  { key: '/don-vi', icon: <ApartmentOutlined />, label: 'Đơn vị' },
  { key: '/mo-hinh', icon: <TeamOutlined />, label: 'Mô hình' },
  { key: '/su-kien', icon: <CalendarOutlined />, label: 'Sự kiện' },
  { key: '/khen-thuong', icon: <TrophyOutlined />, label: 'Khen thưởng' },
  { key: '/so-lieu', icon: <FormOutlined />, label: 'Số liệu' },
  { key: '/an-toan', icon: <SafetyOutlined />, label: 'An toàn ANTT' },
  { key: '/bao-cao', icon: <BarChartOutlined />, label: 'Báo cáo' },
];

/** The app shell: Vietnamese navigation on the left, the page on the right. */
export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const rights = useRights();
  const nav = [
    ...NAV,
    ...(rights.write
      ? [{ key: '/nhap-du-lieu', icon: <CloudUploadOutlined />, label: 'Nhập dữ liệu' }]
      : []),
    ...(rights.admin ? [{ key: '/quan-tri', icon: <SettingOutlined />, label: 'Quản trị' }] : []),
  ];
  const selected =
    nav.filter((n) => n.key !== '/' && location.pathname.startsWith(n.key))[0]?.key ?? '/';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="dark">
        <div className="brand">
          <SafetyCertificateOutlined style={{ fontSize: 22, color: '#ffd54f' }} />
          <span>ANTQ</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={nav.map(({ key, icon, label }) => ({ key, icon, label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            Phong trào Toàn dân bảo vệ an ninh Tổ quốc
          </Typography.Text>
          {user && (
            <Space className="app-user" size="middle">
              <UserOutlined />
              <span data-testid="current-user">
                <b>{user.fullName}</b>
                <span className="app-user-meta">
                  {' · '}
                  {ROLE_LABELS[user.role]}
                  {user.unit ? ` · ${user.unit.name}` : ''}
                </span>
              </span>
              <Tooltip title="Đăng xuất">
                <Button
                  ghost
                  size="small"
                  icon={<LogoutOutlined />}
                  onClick={() => void session.logout()}
                >
                  Đăng xuất
                </Button>
              </Tooltip>
            </Space>
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
          ANTQ — Hệ thống quản lý phong trào Toàn dân bảo vệ an ninh Tổ quốc
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
