import { z } from 'zod';
import { MESSAGE_CHANNELS } from './automation';
import { CampaignStatus } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/marketing.contract';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';
import { LEAD_STAGES } from './leads';
import { MEMBER_TIERS, type MemberSummary } from './loyalty';

// 人群 (saved member filters, counted live) and 营销活动 (a message, and optionally points, sent to a segment,
// measured against a held-out control group), as server/contracts/marketing.contract defines them.
// The message channels are the outbox's (api/automation.ts): a campaign sends through it like a reminder does.

export type { CampaignStatus };
export const CAMPAIGN_STATUSES = Object.values(CampaignStatus);

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: '草稿',
  SCHEDULED: '已排期',
  SENDING: '发送中',
  SENT: '已发送',
  CANCELLED: '已取消',
};

/** Until sending starts a campaign can still be changed, (re)scheduled or cancelled; the server refuses it after. */
export function isCampaignEditable(status: CampaignStatus): boolean {
  return status === 'DRAFT' || status === 'SCHEDULED';
}

// ---- Segment filters ----

/** The server's bound of each range (server/contracts/marketing.contract), for the form's messages. */
const MAX_VEHICLE_AGE_MONTHS = 1_200;
const MAX_DAYS_SINCE_SERVICE = 36_500;
const MAX_POINTS = 1_000_000_000;

const bound = (limit: number) => z.number().int('须为整数').min(0, '不能为负').max(limit, `最大 ${limit}`).nullish();

/** An inclusive range open on either side; the server refuses a lower bound above the upper one. */
const rangeSchema = (limit: number) =>
  z
    .object({ min: bound(limit), max: bound(limit) })
    .refine((range) => range.min == null || range.max == null || range.min <= range.max, { message: '下限不能大于上限', path: ['max'] });
export type NumberRange = z.infer<ReturnType<typeof rangeSchema>>;

/** Every condition is optional; all given conditions must hold. */
export const segmentFilterSchema = z.object({
  tiers: z.array(z.enum(MEMBER_TIERS)).max(4).nullish(),
  /** Owns a car of one of these models. */
  modelIds: z.array(z.number().int().positive()).max(50, '最多选 50 个车型').nullish(),
  /** A car whose home store, or a lead at one of these stores. */
  storeIds: z.array(z.number().int().positive()).max(50, '最多选 50 家门店').nullish(),
  vehicleAgeMonths: rangeSchema(MAX_VEHICLE_AGE_MONTHS).nullish(),
  /** Days since the car's last workshop visit (or its delivery, never serviced). */
  daysSinceLastService: rangeSchema(MAX_DAYS_SINCE_SERVICE).nullish(),
  pointsBalance: rangeSchema(MAX_POINTS).nullish(),
  insuranceExpiringWithinDays: z.number().int('须为整数').min(1, '至少 1 天').max(365, '最多 365 天').nullish(),
  leadStages: z.array(z.enum(LEAD_STAGES)).max(10).nullish(),
  /** Birthday in one of these months (1–12). */
  birthdayMonths: z.array(z.number().int().min(1).max(12)).max(12).nullish(),
});
export type SegmentFilter = contract.SegmentFilter;

export const saveSegmentSchema = z.object({
  name: z.string({ error: '请填写人群名称' }).trim().min(1, '请填写人群名称').max(64, '名称最多 64 个字符'),
  filter: segmentFilterSchema,
});
export type SaveSegmentInput = z.input<typeof contract.saveSegmentSchema>;

export const BIRTHDAY_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

// ---- Campaigns ----

export const MAX_BONUS_POINTS = 100_000;
export const MAX_HOLDOUT_PERCENT = 50;
export const MAX_ATTRIBUTION_DAYS = 90;
export const MAX_TITLE_LENGTH = 64;
export const MAX_CONTENT_LENGTH = 500;

export const saveCampaignSchema = z.object({
  name: z.string({ error: '请填写活动名称' }).trim().min(1, '请填写活动名称').max(64, '名称最多 64 个字符'),
  segmentId: z.number({ error: '请选择人群' }).int().positive('请选择人群'),
  channel: z.enum(MESSAGE_CHANNELS, { error: '请选择发送渠道' }),
  title: z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(MAX_TITLE_LENGTH, `标题最多 ${MAX_TITLE_LENGTH} 个字符`),
  content: z.string({ error: '请填写内容' }).trim().min(1, '请填写内容').max(MAX_CONTENT_LENGTH, `内容最多 ${MAX_CONTENT_LENGTH} 个字符`),
  bonusPoints: z.number().int('积分须为整数').min(0, '积分不能为负').max(MAX_BONUS_POINTS, `最多赠送 ${MAX_BONUS_POINTS} 分`).default(0),
  holdoutPercent: z.number().int().min(0).max(MAX_HOLDOUT_PERCENT, `对照组最多 ${MAX_HOLDOUT_PERCENT}%`).default(0),
  attributionDays: z.number({ error: '请填写统计天数' }).int('天数须为整数').min(1, '至少 1 天').max(MAX_ATTRIBUTION_DAYS, `最多 ${MAX_ATTRIBUTION_DAYS} 天`).default(14),
  /** When to send (ISO, UTC); null keeps it a draft. */
  scheduledAt: z.iso.datetime().nullish(),
});
export type SaveCampaignInput = z.input<typeof contract.saveCampaignSchema>;

// ---- Response shapes ----

export type Segment = Wire<typeof contract.segmentSchema>;
export type Campaign = Wire<typeof contract.campaignSchema>;

export type CampaignGroup = CampaignReport['daily'][number]['group'];

export const CAMPAIGN_GROUP_LABELS: Record<CampaignGroup, string> = { recipients: '发送组', holdout: '对照组' };

/** What the campaign brought back within attributionDays of launch: recipients against the holdout. */
export type CampaignReport = Wire<typeof contract.campaignReportSchema>;
export type CampaignOutcome = CampaignReport['recipients'];

// ---- Calls ----

export function countSegment(filter: SegmentFilter, signal?: AbortSignal): Promise<Wire<typeof contract.segmentCountResultSchema>> {
  return request<Wire<typeof contract.segmentCountResultSchema>>('/marketing/segments/count', { method: 'POST', body: { filter: segmentFilterSchema.parse(filter) }, signal });
}

export function listSegments(signal?: AbortSignal): Promise<Segment[]> {
  return request<Segment[]>('/marketing/segments', { signal });
}

export function fetchSegment(segmentId: number, signal?: AbortSignal): Promise<Segment> {
  return request<Segment>(`/marketing/segments/${segmentId}`, { signal });
}

export function createSegment(input: SaveSegmentInput): Promise<Segment> {
  return request<Segment>('/marketing/segments', { method: 'POST', body: saveSegmentSchema.parse(input) });
}

export function updateSegment(segmentId: number, input: SaveSegmentInput): Promise<Segment> {
  return request<Segment>(`/marketing/segments/${segmentId}`, { method: 'PUT', body: saveSegmentSchema.parse(input) });
}

/** Refused (409) while a campaign uses the segment. */
export function deleteSegment(segmentId: number): Promise<void> {
  return request<void>(`/marketing/segments/${segmentId}`, { method: 'DELETE' });
}

export function listSegmentMembers(segmentId: number, query: z.output<typeof contract.segmentMembersQuerySchema>, signal?: AbortSignal): Promise<Paged<MemberSummary>> {
  return request<Paged<MemberSummary>>(`/marketing/segments/${segmentId}/members`, { query, signal });
}

export function listCampaigns(signal?: AbortSignal): Promise<Campaign[]> {
  return request<Campaign[]>('/marketing/campaigns', { signal });
}

export function fetchCampaign(campaignId: number, signal?: AbortSignal): Promise<Campaign> {
  return request<Campaign>(`/marketing/campaigns/${campaignId}`, { signal });
}

/** A draft without scheduledAt, scheduled with it. */
export function createCampaign(input: SaveCampaignInput): Promise<Campaign> {
  return request<Campaign>('/marketing/campaigns', { method: 'POST', body: saveCampaignSchema.parse(input) });
}

/** Refused (409 CAMPAIGN_NOT_EDITABLE) once sending has started or the campaign was cancelled. */
export function updateCampaign(campaignId: number, input: SaveCampaignInput): Promise<Campaign> {
  return request<Campaign>(`/marketing/campaigns/${campaignId}`, { method: 'PATCH', body: saveCampaignSchema.parse(input) });
}

export function scheduleCampaign(campaignId: number, scheduledAt: string): Promise<Campaign> {
  return request<Campaign>(`/marketing/campaigns/${campaignId}/schedule`, { method: 'POST', body: { scheduledAt } });
}

export function cancelCampaign(campaignId: number): Promise<Campaign> {
  return request<Campaign>(`/marketing/campaigns/${campaignId}/cancel`, { method: 'POST' });
}

export function fetchCampaignReport(campaignId: number, signal?: AbortSignal): Promise<CampaignReport> {
  return request<CampaignReport>(`/marketing/campaigns/${campaignId}/report`, { signal });
}
