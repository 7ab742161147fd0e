import { z } from 'zod';
import { FollowUpType, LeadSource, LeadStage, LostReason, type ApprovalStatus } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/leads.contract';
import { canMoveStage, isOpenStage, OPEN_STAGES, requiresNextFollowUp } from 'server/contracts/lead-stages.rules';
import { MAX_PRICE_FEN } from 'server/contracts/common.contract';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';

// The leads domain as the contracts define it (server/contracts/leads.contract), with the words the
// dealership uses for each value.

export type { LeadSource, LeadStage, LostReason, FollowUpType, ApprovalStatus };
export const LEAD_STAGES = Object.values(LeadStage);

export const LEAD_STAGE_LABELS: Record<LeadStage, string> = {
  NEW: '新线索',
  CONTACTED: '已联系',
  INVITED: '已邀约',
  TEST_DRIVEN: '已试驾',
  QUOTED: '已报价',
  ORDERED: '已下订',
  DELIVERED: '已交车',
  LOST: '已战败',
};

export const LEAD_SOURCES = Object.values(LeadSource);

export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  MINI_PROGRAM: '小程序',
  WEBSITE: '官网',
  AUTOHOME: '汽车之家',
  DONGCHEDI: '懂车帝',
  DOUYIN: '抖音',
  XIAOHONGSHU: '小红书',
  WECHAT: '微信',
  HOTLINE: '400热线',
  WALK_IN: '到店',
  AUTO_SHOW: '车展',
  REFERRAL: '转介绍',
  IMPORT: '导入',
  OTHER: '其他',
};

/** Sources a person keys in at the store; the others arrive by themselves (mini-program, webhooks, imports). */
export const MANUAL_LEAD_SOURCES: readonly LeadSource[] = ['HOTLINE', 'WALK_IN', 'AUTO_SHOW', 'REFERRAL', 'WECHAT', 'WEBSITE', 'OTHER'];

export const LOST_REASONS = Object.values(LostReason);

export const LOST_REASON_LABELS: Record<LostReason, string> = {
  PRICE: '价格',
  COMPETITOR: '竞品',
  TIMING: '时机未到',
  NO_RESPONSE: '联系不上',
  FINANCE: '金融/贷款',
  OTHER: '其他',
};

export const FOLLOW_UP_TYPES = Object.values(FollowUpType);

export const FOLLOW_UP_TYPE_LABELS: Record<FollowUpType, string> = {
  CALL: '电话',
  SMS: '短信',
  WECHAT: '微信',
  VISIT: '到店',
  OTHER: '其他',
};

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  NOT_REQUIRED: '无需审批',
  PENDING: '待审批',
  APPROVED: '已批准',
  REJECTED: '已驳回',
};

// ---- Stage rules: server/contracts/lead-stages.rules decides them for both sides ----

export { isOpenStage, OPEN_STAGES, requiresNextFollowUp };

/** The stages a lead in `from` may move to, in pipeline order (LOST last). */
export function nextStagesFrom(from: LeadStage): LeadStage[] {
  return LEAD_STAGES.filter((to) => canMoveStage(from, to));
}

/** A quote an order may be placed on. */
export function isQuoteUsable(quote: Pick<Quote, 'approvalStatus'>): boolean {
  return quote.approvalStatus === 'APPROVED' || quote.approvalStatus === 'NOT_REQUIRED';
}

// ---- Response shapes ----

export type Named = LeadSummary['store'];
export type LeadSummary = Wire<typeof contract.leadSummarySchema>;
export type CreatedLead = Wire<typeof contract.createdLeadSchema>;
export type LeadNeeds = Wire<typeof contract.needsSchema>;
export type QuoteLineKind = Wire<typeof contract.quoteLineSchema>['kind'];

export const QUOTE_LINE_KIND_LABELS: Record<QuoteLineKind, string> = { OPTION: '选装', FEE: '费用' };

export type QuoteLine = Wire<typeof contract.quoteSchema>['lines'][number];
export type Quote = Wire<typeof contract.quoteSchema>;
export type TimelineEntry = Wire<typeof contract.timelineEntrySchema>;
export type TimelineKind = TimelineEntry['kind'];
export type LeadOrder = NonNullable<LeadDetail['order']>;
export type LeadDetail = Wire<typeof contract.leadDetailSchema>;

// ---- Form schemas: the server's bounds (the request types below are the contract's), with the words a person reads ----

const fen = z.number().int().min(0, '金额不能为负').max(MAX_PRICE_FEN, '金额过大');
const id = z.number().int().positive();

const leadNameSchema = z.string({ error: '请输入客户姓名' }).trim().min(1, '请输入客户姓名').max(64, '姓名最多 64 个字符');
const leadMobileSchema = z
  .string({ error: '请输入手机号' })
  .trim()
  .min(1, '请输入手机号')
  .regex(/^1[3-9]\d{9}$/, '请输入正确的 11 位手机号');

export const createLeadSchema = z
  .object({
    name: leadNameSchema,
    mobile: leadMobileSchema,
    source: z.enum(LEAD_SOURCES, { error: '请选择来源渠道' }),
    storeId: z.number({ error: '请选择门店' }).int().positive('请选择门店'),
    intendedModelId: id.nullish(),
    budgetMin: fen.nullish(),
    budgetMax: fen.nullish(),
    note: z.string().trim().max(1000, '备注最多 1000 个字符').nullish(),
  })
  .refine((lead) => lead.budgetMin == null || lead.budgetMax == null || lead.budgetMin <= lead.budgetMax, {
    path: ['budgetMax'],
    error: '预算上限不能低于下限',
  });

export const nextFollowUpSchema = z.object({
  dueAt: z.iso.datetime({ offset: true, error: '请选择下次跟进时间' }),
  purpose: z.string({ error: '请填写跟进目的' }).trim().min(1, '请填写跟进目的').max(255, '跟进目的最多 255 个字符'),
});

const followUpOutcomeSchema = z
  .string({ error: '请填写跟进结果' })
  .trim()
  .min(1, '请填写跟进结果')
  .max(64, '跟进结果最多 64 个字符');

export const logFollowUpSchema = z.object({
  type: z.enum(FOLLOW_UP_TYPES, { error: '请选择跟进方式' }),
  outcome: followUpOutcomeSchema,
  note: z.string().trim().max(2000, '备注最多 2000 个字符').nullish(),
  nextFollowUp: nextFollowUpSchema.nullish(),
});

export const needsSchema = z.object({
  budget: z.string().trim().max(200, '预算最多 200 个字符').optional(),
  use: z.string().trim().max(200, '用途最多 200 个字符').optional(),
  concerns: z.string().trim().max(500, '顾虑最多 500 个字符').optional(),
});

export const changeStageSchema = z.object({
  stage: z.enum(LEAD_STAGES, { error: '请选择目标阶段' }),
  nextFollowUp: nextFollowUpSchema.nullish(),
  lostReason: z.enum(LOST_REASONS, { error: '请选择战败原因' }).nullish(),
  lostNote: z.string().trim().max(1000, '说明最多 1000 个字符').nullish(),
  needs: needsSchema.nullish(),
  testDriveFeedback: z.string().trim().max(1000, '试驾反馈最多 1000 个字符').nullish(),
  order: z
    .object({ quoteId: id, financePlan: z.string().trim().max(255, '金融方案最多 255 个字符').nullish(), depositFen: fen })
    .nullish(),
  delivery: z
    .object({
      vin: z.string().trim().toUpperCase(),
      pdiDone: z.boolean(),
      insuranceDone: z.boolean(),
      temporaryPlateDone: z.boolean(),
      handoverDone: z.boolean(),
    })
    .nullish(),
});

export const quoteLineSchema = z.object({
  kind: z.enum(['OPTION', 'FEE'], { error: '请选择类型' }),
  name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(64, '名称最多 64 个字符'),
  amountFen: fen,
});

export const createQuoteSchema = z.object({
  trimId: id,
  lines: z.array(quoteLineSchema).max(50, '报价明细最多 50 行'),
  discountFen: fen,
});

// ---- Calls ----

export type LeadListQuery = contract.LeadListQuery;
export type CreateLeadInput = z.input<typeof contract.createLeadSchema>;
export type NextFollowUpInput = z.input<typeof contract.nextFollowUpSchema>;
export type LogFollowUpInput = z.input<typeof contract.logFollowUpSchema>;
export type ChangeStageInput = z.input<typeof contract.changeStageSchema>;
export type CreateQuoteInput = z.input<typeof contract.createQuoteSchema>;

export function listLeads(query: LeadListQuery, signal?: AbortSignal): Promise<Paged<LeadSummary>> {
  return request<Wire<typeof contract.leadPageSchema>>('/leads', { query, signal });
}

export function fetchLead(leadId: number, signal?: AbortSignal): Promise<LeadDetail> {
  return request<LeadDetail>(`/leads/${leadId}`, { signal });
}

export function createLead(input: CreateLeadInput): Promise<CreatedLead> {
  return request<CreatedLead>('/leads', { method: 'POST', body: createLeadSchema.parse(input) });
}

/** Resolves when the follow-up is logged; the caller reloads the lead to see it on the timeline. */
export async function logFollowUp(leadId: number, input: LogFollowUpInput): Promise<void> {
  await request<unknown>(`/leads/${leadId}/follow-ups`, { method: 'POST', body: logFollowUpSchema.parse(input) });
}

export function changeLeadStage(leadId: number, input: ChangeStageInput): Promise<LeadDetail> {
  return request<LeadDetail>(`/leads/${leadId}/stage`, { method: 'POST', body: changeStageSchema.parse(input) });
}

export function createQuote(leadId: number, input: CreateQuoteInput): Promise<Quote> {
  return request<Quote>(`/leads/${leadId}/quotes`, { method: 'POST', body: createQuoteSchema.parse(input) });
}

export function assignLead(leadId: number, staffId: number): Promise<LeadDetail> {
  return request<LeadDetail>(`/leads/${leadId}/assign`, { method: 'POST', body: { staffId } });
}
