import { z } from 'zod';
import { ComplaintCategory, ComplaintStatus, SurveyKind, type ComplaintSource } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/feedback.contract';
import { COMPLAINT_NEXT_STATUSES, npsBand, type NpsBand } from 'server/contracts/feedback.rules';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';

// Satisfaction surveys after a service visit or a test drive (回访), their NPS and CSAT, and the complaint
// tickets (投诉工单) with their response deadline, as server/contracts/feedback.contract defines them.

export type { ComplaintCategory, ComplaintSource, ComplaintStatus, NpsBand, SurveyKind };
export { COMPLAINT_NEXT_STATUSES, npsBand };

export const SURVEY_KINDS = Object.values(SurveyKind);

export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = { SERVICE: '保养维修', TEST_DRIVE: '试驾' };

export const COMPLAINT_STATUSES = Object.values(ComplaintStatus);

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { OPEN: '待处理', IN_PROGRESS: '处理中', RESOLVED: '已解决', CLOSED: '已关闭' };

export const COMPLAINT_CATEGORIES = Object.values(ComplaintCategory);

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  SERVICE_QUALITY: '服务质量',
  ATTITUDE: '服务态度',
  WAITING: '等待时间',
  PRICE: '价格',
  VEHICLE_QUALITY: '车辆质量',
  OTHER: '其他',
};

export const COMPLAINT_SOURCE_LABELS: Record<ComplaintSource, string> = { SURVEY: '回访差评', CUSTOMER: '客户提交', STAFF: '员工登记' };

// ---- Response shapes ----

export type StaffSurvey = Wire<typeof contract.staffSurveySchema>;
export type CustomerRef = StaffSurvey['customer'];
export type SurveySummary = Wire<typeof contract.surveySummarySchema>;
export type Complaint = Wire<typeof contract.complaintSchema>;
export type ComplaintDetail = Wire<typeof contract.complaintDetailSchema>;
export type ComplaintNote = ComplaintDetail['notes'][number];

// ---- Form schemas: the server's rules, with the messages a person reads; the request types are the contract's ----

export const MAX_NOTE_LENGTH = 1000;

export const addComplaintNoteSchema = z
  .object({
    note: z.string({ error: '请填写处理记录' }).trim().min(1, '请填写处理记录').max(MAX_NOTE_LENGTH, `处理记录最多 ${MAX_NOTE_LENGTH} 个字`),
    status: z.enum(COMPLAINT_STATUSES).optional(),
    resolution: z.string().trim().max(MAX_NOTE_LENGTH, `处理结果最多 ${MAX_NOTE_LENGTH} 个字`).optional(),
  })
  .strict()
  .refine((input) => input.status !== 'RESOLVED' || Boolean(input.resolution), { path: ['resolution'], message: '标记为已解决须填写处理结果' });

/** A complaint taken on the phone or at the desk, recorded by staff for the customer (the contract's staffComplaintSchema). */
export const createComplaintSchema = z
  .object({
    customerId: z.number({ error: '请选择客户' }).int().positive('请选择客户'),
    storeId: z.number({ error: '请选择门店' }).int().positive('请选择门店'),
    category: z.enum(COMPLAINT_CATEGORIES, { error: '请选择投诉类型' }),
    content: z.string({ error: '请描述问题' }).trim().min(5, '请描述问题（至少 5 个字）').max(MAX_NOTE_LENGTH, `最多 ${MAX_NOTE_LENGTH} 个字`),
  })
  .strict();

// ---- Calls ----

export type AddComplaintNoteInput = z.input<typeof contract.addComplaintNoteSchema>;
export type CreateComplaintInput = z.input<typeof contract.staffComplaintSchema>;
export type SurveyListQuery = contract.StaffSurveyQuery;
/** The filters the summary shares with the list. */
export type SurveyFilters = Pick<SurveyListQuery, 'kind' | 'storeId' | 'from' | 'to'>;

export function listSurveys(query: SurveyListQuery, signal?: AbortSignal): Promise<Paged<StaffSurvey>> {
  return request<Paged<StaffSurvey>>('/surveys', { query, signal });
}

export function fetchSurveySummary(filters: SurveyFilters, signal?: AbortSignal): Promise<SurveySummary> {
  return request<SurveySummary>('/surveys/summary', { query: filters, signal });
}

export type ComplaintListQuery = contract.ComplaintQuery;

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
