import type { ComponentType, CSSProperties } from 'react';
import { HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { ROLES, type Role } from './api/org';

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '系统管理员',
  CONSULTANT: '销售顾问',
  DIRECTOR: '销售总监',
  MARKETER: '市场专员',
  REGION_MANAGER: '区域经理',
  SERVICE_ADVISOR: '服务顾问',
  STORE_MANAGER: '店总/门店经理',
};

const EVERYONE: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ['ADMIN', 'DIRECTOR', 'REGION_MANAGER', 'STORE_MANAGER'];

/** Actions inside an area that only some of its visitors may take. The server checks them again. */
const ACTIONS = {
  'staff.manage': ['ADMIN'],
} satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

export function can(role: Role, action: Action): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role);
}

export interface Area {
  path: string;
  label: string;
  /** One line for the quick links on the home page. */
  description: string;
  icon: ComponentType<{ style?: CSSProperties }>;
  roles: readonly Role[];
}

/** Every area of the admin in menu order; a new area is one line here plus its route. */
export const AREAS: readonly Area[] = [
  { path: '/', label: '工作台', description: '今日概览与常用入口', icon: HomeOutlined, roles: EVERYONE },
  { path: '/staff', label: '员工管理', description: '员工账号、角色与所属门店', icon: TeamOutlined, roles: MANAGERS },
  { path: '/profile', label: '个人资料', description: '我的账号、角色与门店', icon: UserOutlined, roles: EVERYONE },
];

export function areasFor(role: Role): Area[] {
  return AREAS.filter((area) => area.roles.includes(role));
}

/** The area a path belongs to: `/staff/12` belongs to `/staff`; `/` only matches itself. */
export function areaOf(pathname: string): Area | undefined {
  return AREAS.filter((area) =>
    area.path === '/' ? pathname === '/' : pathname === area.path || pathname.startsWith(`${area.path}/`),
  ).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Paths outside every area are left to the router, which answers them with the 404 page. */
export function canOpen(role: Role, pathname: string): boolean {
  const area = areaOf(pathname);
  return area === undefined || area.roles.includes(role);
}
