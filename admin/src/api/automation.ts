import { z } from 'zod';
import { MessageChannel, OutboxStatus, ReminderKind } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/automation.contract';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';

// The reminder rules that turn dates into messages (自动提醒), the outbox every message goes out through
// (发送记录) and a customer's message timeline, as server/contracts/automation.contract defines them.

export type { MessageChannel, OutboxStatus, ReminderKind };

export const REMINDER_KINDS = Object.values(ReminderKind);

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  FIRST_SERVICE: '首保提醒',
  MAINTENANCE_DUE: '保养到期',
  INSURANCE_RENEWAL: '续保提醒',
  WARRANTY_ENDING: '质保到期',
  BIRTHDAY: '生日关怀',
  TEST_DRIVE_TOMORROW: '试驾前一天',
  SERVICE_BOOKING_TOMORROW: '保养预约前一天',
  DORMANT_OWNER: '沉睡车主回访',
  TASK_OVERDUE: '跟进超时升级',
  POINTS_EXPIRING: '积分到期提醒',
};

/** The kinds that count from delivery or the last visit (months or kilometres) rather than from a date. */
export const INTERVAL_KINDS: readonly ReminderKind[] = ['FIRST_SERVICE', 'DORMANT_OWNER'];
/** The birthday greeting may carry a points gift. */
export const GIFT_KINDS: readonly ReminderKind[] = ['BIRTHDAY'];
/**
 * Kinds the server runs by its own settings, only switched on or off here: an overdue follow-up is
 * escalated to the store manager's notifications at once, not through the outbox.
 */
export const SWITCH_ONLY_KINDS: readonly ReminderKind[] = ['TASK_OVERDUE'];

export const MESSAGE_CHANNELS = Object.values(MessageChannel);

export const MESSAGE_CHANNEL_LABELS: Record<MessageChannel, string> = { WECHAT: '微信订阅消息', SMS: '短信', IN_APP: '站内消息' };

export const OUTBOX_STATUSES = Object.values(OutboxStatus);

/** DEAD is a message that ran out of retries: someone has to look at it. */
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  PENDING: '待发送',
  SENDING: '发送中',
  SENT: '已发送',
  SKIPPED: '已跳过',
  DEAD: '失败待处理',
};

/** Only these may be sent again; the others are on their way or done. */
export const RESENDABLE_STATUSES: readonly OutboxStatus[] = ['DEAD', 'SKIPPED'];

export type OutboxSource = NonNullable<OutboxListQuery['source']>;
export const OUTBOX_SOURCES: readonly OutboxSource[] = ['REMINDER', 'CAMPAIGN', 'SURVEY', 'COMPLAINT'];

export const OUTBOX_SOURCE_LABELS: Record<OutboxSource, string> = { REMINDER: '自动提醒', CAMPAIGN: '营销活动', SURVEY: '满意度回访', COMPLAINT: '投诉工单' };

/** The placeholders a template may use, filled in per recipient when the message is written. */
export const TEMPLATE_PLACEHOLDERS: { token: string; meaning: string }[] = [
  { token: '{name}', meaning: '客户称呼' },
  { token: '{plate}', meaning: '车牌号' },
  { token: '{model}', meaning: '车型' },
  { token: '{date}', meaning: '到期/预约日期' },
  { token: '{store}', meaning: '门店' },
  { token: '{points}', meaning: '积分' },
  { token: '{time}', meaning: '预约时间' },
];

/** SMS is not sent at night (the carriers' rules and common courtesy); the outbox holds it until morning. */
export const SMS_QUIET_HOURS_NOTE = '短信 21:00–08:00 不发送，顺延至次日 08:00';

// ---- Response shapes ----

export type ReminderRule = Wire<typeof contract.reminderRuleSchema>;
export type OutboxMessage = Wire<typeof contract.outboxMessageSchema>;
export type OutboxRecipient = NonNullable<OutboxMessage['recipient']>;
export type OutboxSummary = Wire<typeof contract.outboxSummarySchema>;
export type CustomerMessage = Wire<typeof contract.customerMessageSchema>;

// ---- Form schema: the server's rules, with the messages a person reads; the request type is the contract's ----

export const MAX_TEMPLATE_LENGTH = 500;

export const updateReminderRuleSchema = z
  .object({
    name: z.string().trim().min(1, '请填写规则名称').max(64, '名称最多 64 个字符').optional(),
    channel: z.enum(MESSAGE_CHANNELS, { error: '请选择发送渠道' }).optional(),
    daysBefore: z.number({ error: '请填写提前天数' }).int('天数须为整数').min(0, '天数不能为负').max(90, '最多提前 90 天').optional(),
    intervalMonths: z.number().int('月数须为整数').min(1, '至少 1 个月').max(60, '最多 60 个月').nullable().optional(),
    intervalKm: z.number().int('里程须为整数').min(500, '里程至少 500 km').max(100_000, '里程最多 100,000 km').nullable().optional(),
    giftPoints: z.number().int('积分须为整数').min(0, '积分不能为负').max(100_000, '最多赠送 100,000 分').nullable().optional(),
    template: z.string({ error: '请填写消息内容' }).trim().min(1, '请填写消息内容').max(MAX_TEMPLATE_LENGTH, `消息内容最多 ${MAX_TEMPLATE_LENGTH} 个字符`).optional(),
    wechatTemplateId: z.string().trim().max(64, '模板 ID 最多 64 个字符').nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateReminderRuleInput = z.input<typeof contract.updateReminderRuleSchema>;

// ---- Calls ----

export function listReminderRules(signal?: AbortSignal): Promise<ReminderRule[]> {
  return request<ReminderRule[]>('/automation/reminder-rules', { signal });
}

export function updateReminderRule(ruleId: number, input: UpdateReminderRuleInput): Promise<ReminderRule> {
  return request<ReminderRule>(`/automation/reminder-rules/${ruleId}`, { method: 'PATCH', body: updateReminderRuleSchema.parse(input) });
}

export type OutboxListQuery = contract.OutboxQuery;

export function listOutbox(query: OutboxListQuery, signal?: AbortSignal): Promise<Paged<OutboxMessage>> {
  return request<Paged<OutboxMessage>>('/automation/outbox', { query, signal });
}

export function fetchOutboxSummary(signal?: AbortSignal): Promise<OutboxSummary> {
  return request<OutboxSummary>('/automation/outbox/summary', { signal });
}

/** Puts a failed or skipped message back in the queue. */
export function resendOutboxMessage(messageId: number): Promise<OutboxMessage> {
  return request<OutboxMessage>(`/automation/outbox/${messageId}/resend`, { method: 'POST' });
}

export type CustomerMessageQuery = z.output<typeof contract.customerMessagesQuerySchema>;

export function listCustomerMessages(query: CustomerMessageQuery, signal?: AbortSignal): Promise<Paged<CustomerMessage>> {
  return request<Paged<CustomerMessage>>('/automation/messages', { query, signal });
}
