import { createElement, type ReactNode } from 'react';
import { LogoutOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { logout } from '../api/auth';
import { areaOf, areasFor, ROLE_LABELS } from '../access';
import { useCurrentStaff, workplaceOf } from './current-staff';
import { NotificationBell } from './notification-bell';

const { Header, Sider, Content } = Layout;

export function AdminShell({ children }: { children: ReactNode }) {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const selectedArea = areaOf(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={64} theme="dark" width={208}>
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 8,
            color: '#fff',
            fontSize: 16,
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          <ShopOutlined style={{ fontSize: 20 }} />
          <span>车商客户管理</span>
        </div>
        <Menu
          data-testid="admin-menu"
          theme="dark"
          mode="inline"
          selectedKeys={selectedArea ? [selectedArea.path] : []}
          items={areasFor(staff.role).map((area) => ({
            key: area.path,
            icon: createElement(area.icon),
            label: area.label,
          }))}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="middle" data-testid="admin-header-user">
            <NotificationBell />
            <Avatar style={{ backgroundColor: token.colorPrimary }} icon={<UserOutlined />} />
            <Typography.Text strong>{staff.name}</Typography.Text>
            <Tag color="blue">{ROLE_LABELS[staff.role]}</Tag>
            <Typography.Text type="secondary">{workplaceOf(staff)}</Typography.Text>
            <Button
              data-testid="logout"
              icon={<LogoutOutlined />}
              onClick={() => {
                logout();
                navigate('/login');
              }}
            >
              退出登录
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
