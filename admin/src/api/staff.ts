import { z } from 'zod';
import type * as leads from 'server/contracts/leads.contract';
import type * as contract from 'server/contracts/org.contract';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';
import { ROLE_SCOPE, ROLES, type Role } from './org';

export type StaffItem = Wire<typeof contract.staffSchema>;
export type StaffListQuery = contract.StaffListQuery;

// ---- Form schemas: the server's rules, with the messages a person reads; the request types are the contract's ----

const username = z
  .string({ error: '请输入用户名' })
  .trim()
  .min(1, '请输入用户名')
  .min(3, '用户名至少 3 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[a-zA-Z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和短横线');

const password = z
  .string({ error: '请输入密码' })
  .min(1, '请输入密码')
  .min(8, '密码至少 8 位')
  .max(72, '密码最多 72 位')
  .regex(/[a-zA-Z]/, '密码需同时包含字母和数字')
  .regex(/\d/, '密码需同时包含字母和数字');

const name = z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(64, '姓名最多 64 个字符');
const role = z.enum(ROLES, { error: '请选择角色' });
const storeId = z.number().int().positive().optional();
const regionId = z.number().int().positive().optional();
const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入正确的 11 位手机号')
  .optional();

const scopeFields = z.object({ role, storeId, regionId });
type ScopeFields = z.infer<typeof scopeFields>;

/**
 * A store role needs a store and a region role a region. `when` lets these checks run while
 * other fields are still invalid, so the form can flag a missing store straight away.
 */
function withScopeChecks<T extends z.ZodType<ScopeFields>>(schema: T) {
  const scopeIsParsable = (payload: { value: unknown }) => scopeFields.safeParse(payload.value).success;
  return schema
    .refine((staff) => ROLE_SCOPE[staff.role] !== 'store' || staff.storeId !== undefined, {
      path: ['storeId'],
      error: '该角色需要选择门店',
      when: scopeIsParsable,
    })
    .refine((staff) => ROLE_SCOPE[staff.role] !== 'region' || staff.regionId !== undefined, {
      path: ['regionId'],
      error: '该角色需要选择区域',
      when: scopeIsParsable,
    });
}

export const createStaffSchema = withScopeChecks(
  z.object({ username, password, name, role, storeId, regionId, mobile }),
);
export type CreateStaffInput = z.input<typeof contract.createStaffSchema>;

export const updateStaffSchema = withScopeChecks(
  z.object({ name, role, storeId, regionId, mobile, password: password.optional() }),
);
export type UpdateStaffInput = z.input<typeof contract.updateStaffSchema>;

/** Drops the store or region a role does not use, so a changed role never keeps a stale one. */
function scopedToRole<T extends { role?: Role; storeId?: number | null; regionId?: number | null }>(input: T): T {
  if (!input.role) return input;
  const scope = ROLE_SCOPE[input.role];
  return {
    ...input,
    storeId: scope === 'store' ? input.storeId : undefined,
    regionId: scope === 'region' ? input.regionId : undefined,
  };
}

export function listStaff(query: StaffListQuery, signal?: AbortSignal): Promise<Paged<StaffItem>> {
  return request<Paged<StaffItem>>('/staff', { query, signal });
}

export function createStaff(input: CreateStaffInput): Promise<StaffItem> {
  return request<StaffItem>('/staff', { method: 'POST', body: scopedToRole(input) });
}

export function updateStaff(id: number, input: UpdateStaffInput): Promise<StaffItem> {
  return request<StaffItem>(`/staff/${id}`, { method: 'PATCH', body: scopedToRole(input) });
}

export function deactivateStaff(id: number): Promise<StaffItem> {
  return request<StaffItem>(`/staff/${id}/deactivate`, { method: 'POST' });
}

export function activateStaff(id: number): Promise<StaffItem> {
  return request<StaffItem>(`/staff/${id}/activate`, { method: 'POST' });
}

export type HandoverResult = Wire<typeof leads.handoverResultSchema>;

/** Moves a consultant's open leads and tasks: to one colleague, or (no colleague) by the store's assignment rule. */
export function handOverStaff(staffId: number, toStaffId: number | undefined): Promise<HandoverResult> {
  return request<HandoverResult>(`/staff/${staffId}/handover`, { method: 'POST', body: { toStaffId: toStaffId ?? null } satisfies z.input<typeof leads.handoverSchema> });
}
