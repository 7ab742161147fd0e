import type { ComponentType, CSSProperties } from 'react';
import {
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  CarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CrownOutlined,
  DashboardOutlined,
  ExceptionOutlined,
  FieldTimeOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FunnelPlotOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  PercentageOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShoppingOutlined,
  SmileOutlined,
  SoundOutlined,
  TeamOutlined,
  ToolOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  AFTER_SALES,
  ALL_STAFF_ROLES,
  COMPLAINT_HANDLERS,
  FEEDBACK_READERS,
  HEAD_OFFICE,
  IMPORTERS,
  LOYALTY,
  LOYALTY_MANAGERS,
  MANAGERS,
  REMINDER_RULE_READERS,
  SALES,
} from 'server/contracts/roles.contract';
import type { Role } from './api/org';

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '系统管理员',
  CONSULTANT: '销售顾问',
  DIRECTOR: '销售总监',
  MARKETER: '市场专员',
  REGION_MANAGER: '区域经理',
  SERVICE_ADVISOR: '服务顾问',
  STORE_MANAGER: '店总/门店经理',
};

const EVERYONE = ALL_STAFF_ROLES;
/** Every role has figures of its own on the dashboard; the server returns only the sections a role may see. */
const DASHBOARD = ALL_STAFF_ROLES;

/** Actions inside an area that only some of its visitors may take. The server checks them again. */
const ACTIONS = {
  /** Switch and edit reminder rules, send a failed message again; managers only look. */
  'automation.manage': LOYALTY_MANAGERS,
  /** Record a complaint and add notes to it; marketing only reads. */
  'complaints.handle': COMPLAINT_HANDLERS,
  /** Pick a consultant on the dashboard: the managers of the sales teams. */
  'dashboard.filterByConsultant': MANAGERS,
  /** Pick a region on the dashboard: those who see more than one region. */
  'dashboard.filterByRegion': HEAD_OFFICE,
  /**
   * Pick a store on the dashboard: those who see more than one store and have store figures (marketing sees
   * only the members' section, which is company-wide).
   */
  'dashboard.filterByStore': ['ADMIN', 'DIRECTOR', 'REGION_MANAGER'],
  /** Import customers with their cars (a legacy DMS export): head office only; every manager imports leads. */
  'imports.customerVehicles': HEAD_OFFICE,
  'leads.assign': MANAGERS,
  /** Filter the lead list by consultant: those who see more than their own leads. */
  'leads.filterByConsultant': MANAGERS,
  /** Adjust a member's points, edit tiers, earning rules and rewards; the director only looks. */
  'loyalty.manage': LOYALTY_MANAGERS,
  /** Save and delete segments, create, schedule and cancel campaigns; the director only looks. */
  'marketing.manage': LOYALTY_MANAGERS,
  'staff.handover': MANAGERS,
  'staff.manage': ['ADMIN'],
  /** Add test-drive cars and take them out of (or back into) service; consultants only look. */
  'testDriveCars.manage': MANAGERS,
} satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

export function can(role: Role, action: Action): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role);
}

type Icon = ComponentType<{ style?: CSSProperties }>;

/** Menu groups: areas that belong to one job sit together under its heading. */
export const AREA_GROUPS = {
  service: { label: '售后服务', icon: ToolOutlined },
  loyalty: { label: '会员营销', icon: GiftOutlined },
  care: { label: '客户关怀', icon: HeartOutlined },
} satisfies Record<string, { label: string; icon: Icon }>;

export type AreaGroup = keyof typeof AREA_GROUPS;

export interface Area {
  path: string;
  label: string;
  /** One line for the quick links on the home page. */
  description: string;
  icon: Icon;
  roles: readonly Role[];
  /** The menu group the area sits in; ungrouped areas are top-level entries. */
  group?: AreaGroup;
}

/** Every area of the admin in menu order; a new area is one line here plus its route. */
export const AREAS: readonly Area[] = [
  { path: '/', label: '工作台', description: '今日概览与常用入口', icon: HomeOutlined, roles: EVERYONE },
  { path: '/dashboard', label: '数据看板', description: '销售、售后与会员指标，漏斗、趋势、顾问排行与战败分析', icon: DashboardOutlined, roles: DASHBOARD },
  { path: '/tasks', label: '今日跟进', description: '今天到期与已逾期的跟进任务', icon: CarryOutOutlined, roles: EVERYONE },
  { path: '/leads', label: '线索', description: '线索列表、阶段看板与新建线索', icon: FunnelPlotOutlined, roles: SALES },
  { path: '/test-drives', label: '试驾排班', description: '门店试驾车辆的每日排班、代客预约与出车还车', icon: CalendarOutlined, roles: SALES },
  { path: '/test-drive-cars', label: '试驾车辆', description: '门店试驾车队：新增车辆、维修与退役', icon: CarOutlined, roles: SALES },
  { path: '/vehicles', label: '车辆档案', description: '客户车辆的保养计划、维修记录、里程与保险', icon: ProfileOutlined, roles: EVERYONE },
  {
    path: '/service/board',
    label: '明日到店',
    description: '明天到店的保养维修预约、配件是否备齐与到店接车',
    icon: ScheduleOutlined,
    roles: AFTER_SALES,
    group: 'service',
  },
  {
    path: '/service/calendar',
    label: '预约日历',
    description: '门店一周的售后预约，电话预约、取消与未到店',
    icon: FieldTimeOutlined,
    roles: AFTER_SALES,
    group: 'service',
  },
  {
    path: '/service/work-orders',
    label: '工单',
    description: '接车、维修、质检、交车到结算的维修工单',
    icon: FileTextOutlined,
    roles: AFTER_SALES,
    group: 'service',
  },
  {
    path: '/service/parts',
    label: '配件库存',
    description: '门店配件库存、明日需用与入库流水',
    icon: InboxOutlined,
    roles: AFTER_SALES,
    group: 'service',
  },
  { path: '/members', label: '会员', description: '会员的积分、等级、流水与优惠券，积分调整', icon: IdcardOutlined, roles: LOYALTY, group: 'loyalty' },
  {
    path: '/loyalty/earning-rules',
    label: '积分规则',
    description: '保养维修消费、购车、推荐好友与回访各得多少积分',
    icon: PercentageOutlined,
    roles: LOYALTY,
    group: 'loyalty',
  },
  { path: '/loyalty/tiers', label: '会员等级', description: '普卡、银卡、金卡、黑金的门槛、积分倍率与权益', icon: CrownOutlined, roles: LOYALTY, group: 'loyalty' },
  { path: '/loyalty/rewards', label: '礼品', description: '积分商城的礼品、所需积分与库存', icon: ShoppingOutlined, roles: LOYALTY, group: 'loyalty' },
  { path: '/segments', label: '人群', description: '按等级、车型、车龄、保险到期等条件圈选会员，实时计数', icon: UsergroupAddOutlined, roles: LOYALTY, group: 'loyalty' },
  { path: '/campaigns', label: '营销活动', description: '向人群发送消息与积分，对照组衡量活动带回的到店与预约', icon: SoundOutlined, roles: LOYALTY, group: 'loyalty' },
  {
    path: '/automation/rules',
    label: '自动提醒',
    description: '首保、保养、续保、生日等提醒的渠道、时机与文案',
    icon: BellOutlined,
    roles: REMINDER_RULE_READERS,
    group: 'care',
  },
  {
    path: '/automation/outbox',
    label: '发送记录',
    description: '每条提醒与活动消息的发送状态，失败重发',
    icon: SendOutlined,
    roles: LOYALTY,
    group: 'care',
  },
  { path: '/surveys', label: '满意度回访', description: '保养与试驾后的回访、NPS 与满意度', icon: SmileOutlined, roles: FEEDBACK_READERS, group: 'care' },
  { path: '/complaints', label: '投诉工单', description: '客户投诉的响应时限、处理记录与结果', icon: ExceptionOutlined, roles: FEEDBACK_READERS, group: 'care' },
  { path: '/approvals', label: '折扣审批', description: '审批超出顾问权限的报价折扣', icon: AuditOutlined, roles: MANAGERS },
  { path: '/assignment', label: '分配规则', description: '线索分配方式、顾问上限与在岗名单', icon: ClusterOutlined, roles: MANAGERS },
  { path: '/staff', label: '员工管理', description: '员工账号、角色与所属门店', icon: TeamOutlined, roles: MANAGERS },
  {
    path: '/imports',
    label: '数据导入',
    description: '用 Excel 批量导入线索、客户与车辆，先校验每一行，确认后一次写入',
    icon: CloudUploadOutlined,
    roles: IMPORTERS,
  },
  { path: '/audit-logs', label: '审计日志', description: '登录、改派、审批与员工、客户数据变更的留痕，只读', icon: FileProtectOutlined, roles: HEAD_OFFICE },
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
