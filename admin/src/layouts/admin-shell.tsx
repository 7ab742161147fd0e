import { createElement, type ReactNode } from 'react';
import { LogoutOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tag, Typography, theme, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { logout } from '../api/auth';
import type { Role } from '../api/org';
import { AREA_GROUPS, areaOf, areasFor, ROLE_LABELS, type AreaGroup } from '../access';
import { useCurrentStaff, workplaceOf } from './current-staff';
import { NotificationBell } from './notification-bell';

const { Header, Sider, Content } = Layout;

type MenuItem = NonNullable<MenuProps['items']>[number];

const groupKey = (group: AreaGroup) => `group:${group}`;

/** The role's areas in menu order; a group's areas go under its heading where its first area stands. */
function menuItems(role: Role): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<AreaGroup, MenuItem[]>();
  for (const area of areasFor(role)) {
    const item: MenuItem = { key: area.path, icon: createElement(area.icon), label: area.label };
    if (!area.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(area.group);
    if (!children) {
      children = [];
      groups.set(area.group, children);
      const { label, icon } = AREA_GROUPS[area.group];
      items.push({ key: groupKey(area.group), icon: createElement(icon), label, children });
    }
    children.push(item);
  }
  return items;
}

/** Groups start open: their areas are a daily job, not something to dig for. */
const OPEN_GROUPS = (Object.keys(AREA_GROUPS) as AreaGroup[]).map(groupKey);

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
          defaultOpenKeys={OPEN_GROUPS}
          items={menuItems(staff.role)}
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
                void logout().finally(() => navigate('/login'));
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
