import { z } from 'zod';
import { LeadStage, MemberTier } from '../generated/prisma/enums';
import { dateTimeSchema, pageQuerySchema } from './common.contract';

const range = z
  .object({ min: z.number().int().min(0).nullish(), max: z.number().int().min(0).nullish() })
  .strict()
  .refine((value) => value.min == null || value.max == null || value.min <= value.max, { message: '下限不能大于上限', path: ['max'] });

/** Every condition is optional; all given conditions must hold. */
export const segmentFilterSchema = z
  .object({
    tiers: z.array(z.enum(MemberTier)).max(4).nullish(),
    /** Owns a car of one of these models. */
    modelIds: z.array(z.number().int().positive()).max(50).nullish(),
    /** A car whose home store, or a lead at one of these stores. */
    storeIds: z.array(z.number().int().positive()).max(50).nullish(),
    vehicleAgeMonths: range.nullish(),
    /** Days since the car's last workshop visit (or its delivery, never serviced). */
    daysSinceLastService: range.nullish(),
    pointsBalance: range.nullish(),
    insuranceExpiringWithinDays: z.number().int().min(1).max(365).nullish(),
    leadStages: z.array(z.enum(LeadStage)).max(10).nullish(),
  })
  .strict();

export const segmentCountSchema = z.object({ filter: segmentFilterSchema }).strict();
export const segmentCountResultSchema = z.object({ count: z.number().int() });

export const saveSegmentSchema = z.object({ name: z.string().trim().min(1, '请填写人群名称').max(64), filter: segmentFilterSchema }).strict();

export const segmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  filter: segmentFilterSchema,
  count: z.number().int(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});

export const segmentMembersQuerySchema = pageQuerySchema;

export type SegmentFilter = z.infer<typeof segmentFilterSchema>;
