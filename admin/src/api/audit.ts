import { request, type Paged } from './client';

// Mirrors server/src/contracts/audit.contract.ts: the append-only log of sensitive actions (审计日志).
// The server refuses every update and delete of it, so this module only reads.

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'lead.stage_changed',
  'lead.reassigned',
  'lead.handover',
  'quote.decided',
  'points.adjusted',
  'staff.created',
  'staff.updated',
  'staff.deactivated',
  'staff.reactivated',
  'customer.data_exported',
  'customer.anonymised',
  'customer.consent_given',
  'export.created',
  'customer.mobile_revealed',
  'import.committed',
  'import.failed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'lead.stage_changed': '线索阶段变更',
  'lead.reassigned': '线索改派',
  'lead.handover': '离职交接',
  'quote.decided': '折扣审批',
  'points.adjusted': '积分调整',
  'staff.created': '新增员工',
  'staff.updated': '修改员工（含角色）',
  'staff.deactivated': '停用员工',
  'staff.reactivated': '启用员工',
  'customer.data_exported': '客户下载个人数据',
  'customer.anonymised': '客户注销',
  'customer.consent_given': '客户同意隐私政策',
  'export.created': '导出 Excel',
  'customer.mobile_revealed': '查看完整号码',
  'import.committed': '导入 Excel',
  'import.failed': '导入失败',
};

export const AUDIT_ACTOR_TYPES = ['STAFF', 'CUSTOMER', 'SYSTEM', 'ANONYMOUS'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** ANONYMOUS is someone not signed in: in practice a failed login, named by the username typed. */
export const AUDIT_ACTOR_TYPE_LABELS: Record<AuditActorType, string> = { STAFF: '员工', CUSTOMER: '客户', SYSTEM: '系统', ANONYMOUS: '未登录' };

/** The kinds of record the server writes entries about. */
export const AUDIT_ENTITY_TYPES = ['lead', 'quote', 'staff', 'customer', 'leads', 'vehicles', 'members', 'work-orders', 'import'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_ENTITY_TYPE_LABELS: Record<AuditEntityType, string> = {
  lead: '线索',
  quote: '报价',
  staff: '员工',
  customer: '客户',
  leads: '线索列表',
  vehicles: '车辆档案列表',
  members: '会员列表',
  'work-orders': '工单列表',
  import: '数据导入',
};

/** Why a staff login failed, as the server records it in the entry's `after.reason`. */
export const LOGIN_FAILURE_REASON_LABELS: Record<string, string> = {
  'unknown user': '用户名不存在',
  'wrong password': '密码错误',
  deactivated: '账号已停用',
};

/** One entry. Labels are looked up with a fallback: an action or type this admin does not know yet shows as the server names it. */
export interface AuditEntry {
  id: number;
  actorType: string;
  actorId: number | null;
  /** The staff member's current name, the customer's, or the username typed at a failed login. */
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  /** The record's fields before and after the action, as JSON; mobiles are masked by the server. */
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: string;
}

// A type alias, not an interface, so it fits the client's query record as it is.
export type AuditListQuery = {
  action?: AuditAction;
  actorType?: AuditActorType;
  actorId?: number;
  entityType?: AuditEntityType;
  entityId?: string;
  /** The actor's name (or the username typed at a failed login), or an exact IP. */
  q?: string;
  /** Shanghai calendar dates, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

/** The server's limits on the free-text filters. */
export const AUDIT_SEARCH_MAX_LENGTH = 64;
export const AUDIT_ENTITY_ID_MAX_LENGTH = 64;

export function listAuditEntries(query: AuditListQuery, signal?: AbortSignal): Promise<Paged<AuditEntry>> {
  return request<Paged<AuditEntry>>('/audit-logs', { query, signal });
}
