import { z } from 'zod';
import { CampaignStatus, LeadStage, MemberTier, MessageChannel } from './enums.contract';
import { dateTimeSchema, idSchema, pageQuerySchema } from './common.contract';

/**
 * A from–to condition, bounded by what it measures: an unbounded month or day count became an invalid date in
 * the query (a 500), and was saved with the segment before it failed.
 */
const range = (limit: number) =>
  z
    .object({ min: z.number().int().min(0).max(limit).nullish(), max: z.number().int().min(0).max(limit).nullish() })
    .strict()
    .refine((value) => value.min == null || value.max == null || value.min <= value.max, { message: '下限不能大于上限', path: ['max'] });

/** A car 100 years old, a visit 100 years ago, a billion points: beyond any member we have. */
const MAX_VEHICLE_AGE_MONTHS = 1_200;
const MAX_DAYS_SINCE_SERVICE = 36_500;
const MAX_POINTS = 1_000_000_000;

/** Every condition is optional; all given conditions must hold. */
export const segmentFilterSchema = z
  .object({
    tiers: z.array(z.enum(MemberTier)).max(4).nullish(),
    /** Owns a car of one of these models. */
    modelIds: z.array(idSchema).max(50).nullish(),
    /** A car whose home store, or a lead at one of these stores. */
    storeIds: z.array(idSchema).max(50).nullish(),
    vehicleAgeMonths: range(MAX_VEHICLE_AGE_MONTHS).nullish(),
    /** Days since the car's last workshop visit (or its delivery, never serviced). */
    daysSinceLastService: range(MAX_DAYS_SINCE_SERVICE).nullish(),
    pointsBalance: range(MAX_POINTS).nullish(),
    insuranceExpiringWithinDays: z.number().int().min(1).max(365).nullish(),
    leadStages: z.array(z.enum(LeadStage)).max(10).nullish(),
    /** Birthday in one of these months (1–12). */
    birthdayMonths: z.array(z.number().int().min(1).max(12)).max(12).nullish(),
  })
  .strict();

export const segmentCountSchema = z.object({ filter: segmentFilterSchema }).strict();
export const segmentCountResultSchema = z.object({ count: z.number().int() });

export const saveSegmentSchema = z.object({ name: z.string().trim().min(1, '请填写人群名称').max(64), filter: segmentFilterSchema }).strict();

export const segmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /**
   * Null when the saved filter no longer passes this contract (saved before a bound existed): the segment can be
   * edited or deleted, but not counted, listed or used by a campaign.
   */
  filter: segmentFilterSchema.nullable(),
  count: z.number().int().nullable(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});

export const segmentMembersQuerySchema = pageQuerySchema;

export type SegmentFilter = z.infer<typeof segmentFilterSchema>;

export const campaignStatusSchema = z.enum(CampaignStatus);

export const saveCampaignSchema = z
  .object({
    name: z.string().trim().min(1, '请填写活动名称').max(64),
    segmentId: idSchema,
    channel: z.enum(MessageChannel),
    title: z.string().trim().min(1, '请填写标题').max(64),
    content: z.string().trim().min(1, '请填写内容').max(500),
    bonusPoints: z.number().int().min(0).max(100_000).default(0),
    holdoutPercent: z.number().int().min(0).max(50).default(0),
    attributionDays: z.number().int().min(1).max(90).default(14),
    /** When to send; null keeps it a draft. */
    scheduledAt: dateTimeSchema.nullish(),
  })
  .strict();

export const campaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  segment: z.object({ id: z.number().int(), name: z.string() }),
  channel: z.enum(MessageChannel),
  title: z.string(),
  content: z.string(),
  bonusPoints: z.number().int(),
  holdoutPercent: z.number().int(),
  attributionDays: z.number().int(),
  scheduledAt: dateTimeSchema.nullable(),
  status: campaignStatusSchema,
  launchedAt: dateTimeSchema.nullable(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }),
  /** Once launched: recipients sent to, held out, and messages sent so far. */
  recipients: z.number().int(),
  holdout: z.number().int(),
  sent: z.number().int(),
  createdAt: dateTimeSchema,
});
export const campaignListSchema = z.array(campaignSchema);
export const scheduleCampaignSchema = z.object({ scheduledAt: dateTimeSchema }).strict();

const outcomeSchema = z.object({
  members: z.number().int(),
  serviceBookings: z.number().int(),
  redemptions: z.number().int(),
  visits: z.number().int(),
  /** Members who booked, redeemed or visited at least once, in percent of the group (12.5 = 12.5 %). */
  responders: z.number().int(),
  responseRate: z.number(),
});

/** What the campaign brought back within attributionDays of launch: recipients against the holdout. */
export const campaignReportSchema = z.object({
  campaignId: z.number().int(),
  windowStart: dateTimeSchema.nullable(),
  windowEnd: dateTimeSchema.nullable(),
  recipients: outcomeSchema,
  holdout: outcomeSchema,
  /** Recipients' response rate minus the holdout's, in percentage points. */
  uplift: z.number().nullable(),
  delivery: z.object({ sent: z.number().int(), skipped: z.number().int(), failed: z.number().int(), pending: z.number().int() }),
  /** Responders per day since launch, for the chart. */
  daily: z.array(z.object({ date: z.iso.date(), group: z.enum(['recipients', 'holdout']), responders: z.number().int() })),
});

export type SaveCampaignInput = z.infer<typeof saveCampaignSchema>;
