import { AUDIT_ACTIONS, type AuditAction } from 'server/contracts/audit.contract';
import type * as contract from 'server/contracts/audit.contract';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';

// The append-only log of sensitive actions (审计日志), as server/contracts/audit.contract defines it.
// The server refuses every update and delete of it, so this module only reads.

export { AUDIT_ACTIONS, type AuditAction };

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

export type AuditActorType = NonNullable<contract.AuditQuery['actorType']>;
export const AUDIT_ACTOR_TYPES: readonly AuditActorType[] = ['STAFF', 'CUSTOMER', 'SYSTEM', 'ANONYMOUS'];

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
export type AuditEntry = Wire<typeof contract.auditEntrySchema>;

/** The admin picks an entity type from the kinds it knows; the server takes any short text. */
export type AuditListQuery = Omit<contract.AuditQuery, 'entityType'> & { entityType?: AuditEntityType };

/** The server's limits on the free-text filters. */
export const AUDIT_SEARCH_MAX_LENGTH = 64;
export const AUDIT_ENTITY_ID_MAX_LENGTH = 64;

export function listAuditEntries(query: AuditListQuery, signal?: AbortSignal): Promise<Paged<AuditEntry>> {
  return request<Paged<AuditEntry>>('/audit-logs', { query, signal });
}
