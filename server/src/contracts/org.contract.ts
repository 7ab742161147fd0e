import { z } from 'zod';
import { StaffRole } from './enums.contract';
import { dateTimeSchema, idQuerySchema, idSchema, mobileSchema, pageOf, pageQuerySchema } from './common.contract';

export const staffRoleSchema = z.enum(StaffRole);

/** Roles that belong to one store, and the one that belongs to a region. */
export const STORE_ROLES: StaffRole[] = [StaffRole.STORE_MANAGER, StaffRole.CONSULTANT, StaffRole.SERVICE_ADVISOR];

const usernameSchema = z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或横线');
export const passwordSchema = z
  .string()
  .min(8, '密码至少 8 位')
  .max(72, '密码最多 72 位')
  .regex(/[A-Za-z]/, '密码需包含字母')
  .regex(/\d/, '密码需包含数字');

function requireHome<T extends { role?: StaffRole; storeId?: number | null; regionId?: number | null }>(value: T, context: z.RefinementCtx) {
  if (value.role && STORE_ROLES.includes(value.role) && !value.storeId) {
    context.addIssue({ code: 'custom', path: ['storeId'], message: '该角色必须指定所属门店' });
  }
  if (value.role === StaffRole.REGION_MANAGER && !value.regionId) {
    context.addIssue({ code: 'custom', path: ['regionId'], message: '区域经理必须指定所属区域' });
  }
}

export const createStaffSchema = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    name: z.string().trim().min(1, '请输入姓名').max(64),
    role: staffRoleSchema,
    storeId: idSchema.nullish(),
    regionId: idSchema.nullish(),
    mobile: mobileSchema.nullish(),
  })
  .strict()
  .superRefine(requireHome);

export const updateStaffSchema = z
  .object({
    name: z.string().trim().min(1).max(64).optional(),
    role: staffRoleSchema.optional(),
    storeId: idSchema.nullable().optional(),
    regionId: idSchema.nullable().optional(),
    mobile: mobileSchema.nullable().optional(),
    password: passwordSchema.optional(),
  })
  .strict()
  .superRefine(requireHome);

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const staffListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional(),
  role: staffRoleSchema.optional(),
  storeId: idQuerySchema.optional(),
  regionId: idQuerySchema.optional(),
  active: booleanQuery.optional(),
});

export const staffSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  storeId: z.number().int().nullable(),
  regionId: z.number().int().nullable(),
  storeName: z.string().nullable(),
  regionName: z.string().nullable(),
  /** Masked (138****5678) unless the caller may see full mobiles. */
  mobile: z.string().nullable(),
  active: z.boolean(),
  createdAt: dateTimeSchema,
  lastLoginAt: dateTimeSchema.nullable(),
});

export const staffPageSchema = pageOf(staffSchema);

export const openingHoursSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  opensAt: z.string(),
  closesAt: z.string(),
});

export const storeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionId: z.number().int(),
  regionName: z.string(),
  city: z.string(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.array(openingHoursSchema),
});

export const regionSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export type CreateStaffInput = z.infer<typeof createStaffSchema>;
export type UpdateStaffInput = z.infer<typeof updateStaffSchema>;
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;
export type StaffView = z.infer<typeof staffSchema>;
