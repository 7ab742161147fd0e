import { z } from 'zod';
import { AssignmentMode } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/leads.contract';
import { request } from './client';
import type { Wire } from 'server/contracts/wire.contract';

export type { AssignmentMode };

export const ASSIGNMENT_MODE_LABELS: Record<AssignmentMode, string> = {
  ROUND_ROBIN: '轮流分配',
  MODEL_SPECIALTY: '按意向车型分配',
};

export const ASSIGNMENT_MODE_HINTS: Record<AssignmentMode, string> = {
  ROUND_ROBIN: '新线索按顺序轮流分给在岗且未达上限的顾问',
  MODEL_SPECIALTY: '优先分给擅长该意向车型的顾问；没有时按顺序轮流',
};

export type ConsultantRosterEntry = Wire<typeof contract.consultantRosterEntrySchema>;
export type AssignmentSettings = z.input<typeof contract.assignmentSettingsSchema>;
export type StoreAssignment = Wire<typeof contract.storeAssignmentSchema>;
export type ConsultantRosterUpdate = z.input<typeof contract.consultantRosterUpdateSchema>;

export const assignmentSettingsSchema = z.object({
  assignmentMode: z.enum(AssignmentMode, { error: '请选择分配方式' }),
  consultantOpenLeadCap: z
    .number({ error: '请填写顾问线索上限' })
    .int('上限须为整数')
    .min(1, '上限至少为 1')
    .max(10_000, '上限最多 10000'),
  consultantDiscountLimitBp: z
    .number({ error: '请填写顾问折扣权限' })
    .int()
    .min(0, '折扣权限不能为负')
    .max(10_000, '折扣权限不能超过 100%'),
});

export function fetchStoreAssignment(storeId: number, signal?: AbortSignal): Promise<StoreAssignment> {
  return request<StoreAssignment>(`/stores/${storeId}/assignment`, { signal });
}

export function updateStoreAssignment(storeId: number, settings: AssignmentSettings): Promise<StoreAssignment> {
  return request<StoreAssignment>(`/stores/${storeId}/assignment`, {
    method: 'PUT',
    body: assignmentSettingsSchema.parse(settings),
  });
}

export function updateConsultantRoster(
  storeId: number,
  staffId: number,
  change: ConsultantRosterUpdate,
): Promise<ConsultantRosterEntry> {
  return request<ConsultantRosterEntry>(`/stores/${storeId}/consultants/${staffId}`, { method: 'PATCH', body: change });
}
