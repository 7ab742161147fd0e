import type { Page } from './page';
import { request } from './request';

// Satisfaction surveys (回访) and complaints (投诉与建议) as the customer sees them, mirrored from
// server/src/contracts/feedback.contract.ts.

export type SurveyKind = 'SERVICE' | 'TEST_DRIVE';
export type ComplaintCategory = 'SERVICE_QUALITY' | 'ATTITUDE' | 'WAITING' | 'PRICE' | 'VEHICLE_QUALITY' | 'OTHER';
export type ComplaintStatus = 'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED';

export interface Survey {
  id: number;
  kind: SurveyKind;
  /** The work order or test-drive booking it asks about. */
  subjectId: number;
  store: { id: number; name: string };
  /** What it asks about, in words: '保养 · 沪A12345 · 11月20日'. */
  subject: string;
  sentAt: string;
  /** Null while the survey waits for an answer. */
  answeredAt: string | null;
  /** 0–10: how likely the customer is to recommend the store. */
  nps: number | null;
  /** 1–5 stars: how satisfied the customer was. */
  csat: number | null;
  comment: string | null;
  /** Points the answer earns (0 when the rule is off). */
  rewardPoints: number;
}

export interface SurveyAnswer {
  nps: number;
  csat: number;
  /** Left out when the customer writes nothing. */
  comment?: string;
}

export interface RaiseComplaintInput {
  category: ComplaintCategory;
  /** 5–1000 characters. */
  content: string;
  /** Left out: the store of the customer's car. */
  storeId?: number;
}

/** The customer's own view of a complaint: no staff names or internal notes. */
export interface MyComplaint {
  id: number;
  category: ComplaintCategory;
  content: string;
  status: ComplaintStatus;
  store: { id: number; name: string };
  /** What the store did, once it resolved it. */
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

/** All the customer's surveys: those waiting for an answer first, then the answered ones. */
export function listMySurveys(page: number, pageSize: number): Promise<Page<Survey>> {
  return request<Page<Survey>>({ path: `/me/surveys?page=${page}&pageSize=${pageSize}` });
}

/** How many surveys wait for an answer. (`pending=false` is not "answered only": it lists them all.) */
export async function countPendingSurveys(): Promise<number> {
  const { total } = await request<Page<Survey>>({ path: '/me/surveys?pending=true&page=1&pageSize=1' });
  return total;
}

export function getMySurvey(surveyId: number): Promise<Survey> {
  return request<Survey>({ path: `/me/surveys/${surveyId}` });
}

/** Answered once: a second answer is refused with SURVEY_ALREADY_ANSWERED, so a resend can never count twice. */
export function answerSurvey(surveyId: number, answer: SurveyAnswer): Promise<Survey> {
  return request<Survey>({ method: 'POST', path: `/me/surveys/${surveyId}/answer`, body: answer });
}

/** Not idempotent and so never resent by the client. */
export function raiseComplaint(input: RaiseComplaintInput): Promise<MyComplaint> {
  return request<MyComplaint>({ method: 'POST', path: '/me/complaints', body: input });
}

/** Newest first. */
export function listMyComplaints(): Promise<MyComplaint[]> {
  return request<MyComplaint[]>({ path: '/me/complaints' });
}
