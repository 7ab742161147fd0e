import { z } from 'zod';
import { MessageChannel, OutboxStatus, ReminderKind } from './enums.contract';
import { dateTimeSchema, idQuerySchema, pageOf, pageQuerySchema } from './common.contract';

export const messageChannelSchema = z.enum(MessageChannel);
export const outboxStatusSchema = z.enum(OutboxStatus);
export const reminderKindSchema = z.enum(ReminderKind);

export const reminderRuleSchema = z.object({
  id: z.number().int(),
  kind: reminderKindSchema,
  name: z.string(),
  channel: messageChannelSchema,
  daysBefore: z.number().int(),
  intervalMonths: z.number().int().nullable(),
  intervalKm: z.number().int().nullable(),
  giftPoints: z.number().int().nullable(),
  template: z.string(),
  wechatTemplateId: z.string().nullable(),
  enabled: z.boolean(),
  /** Messages this rule wrote in the last 30 days, and how many of them went out. */
  last30Days: z.object({ queued: z.number().int(), sent: z.number().int() }),
  updatedAt: dateTimeSchema,
});

export const updateReminderRuleSchema = z
  .object({
    name: z.string().trim().min(1).max(64).optional(),
    channel: messageChannelSchema.optional(),
    daysBefore: z.number().int().min(0).max(90).optional(),
    intervalMonths: z.number().int().min(1).max(60).nullable().optional(),
    intervalKm: z.number().int().min(500).max(100_000).nullable().optional(),
    giftPoints: z.number().int().min(0).max(100_000).nullable().optional(),
    template: z.string().trim().min(1, '请填写消息内容').max(500).optional(),
    wechatTemplateId: z.string().trim().max(64).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const outboxQuerySchema = pageQuerySchema.extend({
  status: outboxStatusSchema.optional(),
  channel: messageChannelSchema.optional(),
  source: z.enum(['REMINDER', 'CAMPAIGN', 'SURVEY', 'COMPLAINT']).optional(),
  ruleId: idQuerySchema.optional(),
  campaignId: idQuerySchema.optional(),
  customerId: idQuerySchema.optional(),
});

export const outboxMessageSchema = z.object({
  id: z.number().int(),
  dedupeKey: z.string(),
  source: z.string(),
  ruleId: z.number().int().nullable(),
  campaignId: z.number().int().nullable(),
  channel: messageChannelSchema,
  /** The customer (mobile masked unless the role may see it) or the staff member it is for. */
  recipient: z.object({ kind: z.enum(['CUSTOMER', 'STAFF']), id: z.number().int(), name: z.string().nullable(), mobile: z.string().nullable() }).nullable(),
  title: z.string(),
  body: z.string(),
  dueOn: z.iso.date(),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: dateTimeSchema,
  lastError: z.string().nullable(),
  sentAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});

export const outboxPageSchema = pageOf(outboxMessageSchema);
export const outboxSummarySchema = z.object({ PENDING: z.number().int(), SENDING: z.number().int(), SENT: z.number().int(), SKIPPED: z.number().int(), DEAD: z.number().int() });

/** A customer's message timeline (staff view) and the mini-program inbox. */
export const customerMessageSchema = z.object({
  id: z.number().int(),
  channel: messageChannelSchema,
  title: z.string(),
  body: z.string(),
  page: z.string().nullable(),
  sentAt: dateTimeSchema,
  readAt: dateTimeSchema.nullable(),
});
export const customerMessagePageSchema = pageOf(customerMessageSchema);
export const customerMessagesQuerySchema = pageQuerySchema.extend({ customerId: idQuerySchema });

export const messagePreferencesSchema = z.object({ wechat: z.boolean(), sms: z.boolean() });
export const updateMessagePreferencesSchema = messagePreferencesSchema.partial().strict();

export const setClockSchema = z.object({ now: dateTimeSchema, speed: z.number().min(0).max(1_000_000).default(1) }).strict();
export const clockSchema = z.object({ now: dateTimeSchema, speed: z.number(), controlled: z.boolean() });

export type UpdateReminderRuleInput = z.infer<typeof updateReminderRuleSchema>;
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;
