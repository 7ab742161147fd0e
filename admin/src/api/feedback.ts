import { z } from 'zod';
import { request, type Paged } from './client';

// Mirrors server/src/contracts/feedback.contract.ts: satisfaction surveys after a service visit or a test
// drive (回访), their NPS and CSAT, and the complaint tickets (投诉工单) with their response deadline.

export const SURVEY_KINDS = ['SERVICE', 'TEST_DRIVE'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = { SERVICE: '保养维修', TEST_DRIVE: '试驾' };

export const COMPLAINT_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { OPEN: '待处理', IN_PROGRESS: '处理中', RESOLVED: '已解决', CLOSED: '已关闭' };

/** OPEN → IN_PROGRESS → RESOLVED → CLOSED; a resolved ticket may be reopened when the customer is not satisfied. */
export const COMPLAINT_NEXT_STATUSES: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  OPEN: ['IN_PROGRESS'],
  IN_PROGRESS: ['RESOLVED'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
};

export const COMPLAINT_CATEGORIES = ['SERVICE_QUALITY', 'ATTITUDE', 'WAITING', 'PRICE', 'VEHICLE_QUALITY', 'OTHER'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  SERVICE_QUALITY: '服务质量',
  ATTITUDE: '服务态度',
  WAITING: '等待时间',
  PRICE: '价格',
  VEHICLE_QUALITY: '车辆质量',
  OTHER: '其他',
};

export type ComplaintSource = 'SURVEY' | 'CUSTOMER' | 'STAFF';

export const COMPLAINT_SOURCE_LABELS: Record<ComplaintSource, string> = { SURVEY: '回访差评', CUSTOMER: '客户提交', STAFF: '员工登记' };

/** The NPS bands: 9–10 recommend, 7–8 passive, 0–6 detract. */
export type NpsBand = 'promoter' | 'passive' | 'detractor';

export function npsBand(score: number): NpsBand {
  if (score >= 9) return 'promoter';
  return score >= 7 ? 'passive' : 'detractor';
}

// ---- Response shapes ----

interface IdName {
  id: number;
  name: string;
}

export interface CustomerRef {
  id: number;
  name: string | null;
  /** Masked (138****5678) for the roles that do not need it. */
  mobile: string | null;
}

export interface StaffSurvey {
  id: number;
  kind: SurveyKind;
  subjectId: number;
  store: IdName;
  /** What it asks about, in words: "保养 · 沪A12345 · 11月20日". */
  subject: string;
  sentAt: string;
  answeredAt: string | null;
  nps: number | null;
  csat: number | null;
  comment: string | null;
  rewardPoints: number;
  customer: CustomerRef;
  /** The ticket a low score opened, if any. */
  complaintId: number | null;
}

export interface SurveySummary {
  sent: number;
  answered: number;
  /** Answered / sent, in percent. */
  responseRate: number;
  /** % promoters − % detractors over answered surveys, −100…100; null before any answer. */
  nps: number | null;
  csatAverage: number | null;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface ComplaintNote {
  id: number;
  /** Null for what the system wrote (escalation, the customer's own words). */
  staff: IdName | null;
  /** The status the note moved the ticket to, if it moved it. */
  status: ComplaintStatus | null;
  note: string;
  createdAt: string;
}

export interface Complaint {
  id: number;
  source: ComplaintSource;
  category: ComplaintCategory;
  content: string;
  status: ComplaintStatus;
  store: IdName;
  customer: CustomerRef;
  assignee: IdName | null;
  surveyId: number | null;
  firstResponseDueAt: string;
  firstRespondedAt: string | null;
  /** The first response is late: not given and past due, or given after it. */
  overdue: boolean;
  escalatedAt: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface ComplaintDetail extends Complaint {
  /** Oldest first. */
  notes: ComplaintNote[];
}

// ---- Request bodies ----

export const MAX_NOTE_LENGTH = 1000;

export const addComplaintNoteSchema = z
  .object({
    note: z.string({ error: '请填写处理记录' }).trim().min(1, '请填写处理记录').max(MAX_NOTE_LENGTH, `处理记录最多 ${MAX_NOTE_LENGTH} 个字`),
    status: z.enum(COMPLAINT_STATUSES).optional(),
    resolution: z.string().trim().max(MAX_NOTE_LENGTH, `处理结果最多 ${MAX_NOTE_LENGTH} 个字`).optional(),
  })
  .strict()
  .refine((input) => input.status !== 'RESOLVED' || Boolean(input.resolution), { path: ['resolution'], message: '标记为已解决须填写处理结果' });
export type AddComplaintNoteInput = z.input<typeof addComplaintNoteSchema>;

/** A complaint taken on the phone or at the desk, recorded by staff for the customer (the contract's staffComplaintSchema). */
export const createComplaintSchema = z
  .object({
    customerId: z.number({ error: '请选择客户' }).int().positive('请选择客户'),
    storeId: z.number({ error: '请选择门店' }).int().positive('请选择门店'),
    category: z.enum(COMPLAINT_CATEGORIES, { error: '请选择投诉类型' }),
    content: z.string({ error: '请描述问题' }).trim().min(5, '请描述问题（至少 5 个字）').max(MAX_NOTE_LENGTH, `最多 ${MAX_NOTE_LENGTH} 个字`),
  })
  .strict();
export type CreateComplaintInput = z.input<typeof createComplaintSchema>;

// ---- Calls ----

// Type aliases, not interfaces, so they fit the client's query record as they are.
export type SurveyFilters = {
  kind?: SurveyKind;
  storeId?: number;
  /** YYYY-MM-DD, Shanghai dates, by the day the survey was sent. */
  from?: string;
  to?: string;
};

export type SurveyListQuery = SurveyFilters & {
  answered?: 'true' | 'false';
  detractors?: 'true' | 'false';
  page: number;
  pageSize: number;
};

export function listSurveys(query: SurveyListQuery, signal?: AbortSignal): Promise<Paged<StaffSurvey>> {
  return request<Paged<StaffSurvey>>('/surveys', { query, signal });
}

export function fetchSurveySummary(filters: SurveyFilters, signal?: AbortSignal): Promise<SurveySummary> {
  return request<SurveySummary>('/surveys/summary', { query: filters, signal });
}

export type ComplaintListQuery = {
  status?: ComplaintStatus;
  storeId?: number;
  category?: ComplaintCategory;
  overdue?: 'true';
  /** A customer's name or mobile, or the words of the complaint. */
  q?: string;
  page: number;
  pageSize: number;
};

export function listComplaints(query: ComplaintListQuery, signal?: AbortSignal): Promise<Paged<Complaint>> {
  return request<Paged<Complaint>>('/complaints', { query, signal });
}

export function fetchComplaint(complaintId: number, signal?: AbortSignal): Promise<ComplaintDetail> {
  return request<ComplaintDetail>(`/complaints/${complaintId}`, { signal });
}

export function addComplaintNote(complaintId: number, input: AddComplaintNoteInput): Promise<ComplaintDetail> {
  return request<ComplaintDetail>(`/complaints/${complaintId}/notes`, { method: 'POST', body: addComplaintNoteSchema.parse(input) });
}

export function createComplaint(input: CreateComplaintInput): Promise<ComplaintDetail> {
  return request<ComplaintDetail>('/complaints', { method: 'POST', body: createComplaintSchema.parse(input) });
}
