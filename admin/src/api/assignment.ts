import { z } from 'zod';
import { request } from './client';

export type AssignmentMode = 'ROUND_ROBIN' | 'MODEL_SPECIALTY';

export const ASSIGNMENT_MODE_LABELS: Record<AssignmentMode, string> = {
  ROUND_ROBIN: '轮流分配',
  MODEL_SPECIALTY: '按意向车型分配',
};

export const ASSIGNMENT_MODE_HINTS: Record<AssignmentMode, string> = {
  ROUND_ROBIN: '新线索按顺序轮流分给在岗且未达上限的顾问',
  MODEL_SPECIALTY: '优先分给擅长该意向车型的顾问；没有时按顺序轮流',
};

export interface ConsultantRosterEntry {
  id: number;
  name: string;
  username: string;
  onDuty: boolean;
  openLeads: number;
  specialtyModelIds: number[];
}

export interface AssignmentSettings {
  assignmentMode: AssignmentMode;
  consultantOpenLeadCap: number;
  /** The discount a consultant may give without approval, in basis points of MSRP (500 = 5%). */
  consultantDiscountLimitBp: number;
}

export interface StoreAssignment extends AssignmentSettings {
  storeId: number;
  consultants: ConsultantRosterEntry[];
}

export const assignmentSettingsSchema = z.object({
  assignmentMode: z.enum(['ROUND_ROBIN', 'MODEL_SPECIALTY'], { error: '请选择分配方式' }),
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
  change: { onDuty?: boolean; specialtyModelIds?: number[] },
): Promise<ConsultantRosterEntry> {
  return request<ConsultantRosterEntry>(`/stores/${storeId}/consultants/${staffId}`, { method: 'PATCH', body: change });
}
