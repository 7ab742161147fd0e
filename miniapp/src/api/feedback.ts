import type { ComplaintCategory, ComplaintStatus, SurveyKind } from 'server/contracts/enums.contract';
import type { answerSurveySchema, myComplaintSchema, raiseComplaintSchema, surveyPageSchema, surveySchema } from 'server/contracts/feedback.contract';
import { request } from './request';
import type { Wire, Body } from './wire';

// Satisfaction surveys (回访) and complaints (投诉与建议) as the customer sees them.

export type { ComplaintCategory, ComplaintStatus, SurveyKind };

/**
 * `subjectId` is the work order or test-drive booking it asks about, `subject` the same in words; `answeredAt` is
 * null while it waits; `nps` 0–10, `csat` 1–5 stars; `rewardPoints` the answer earns (0 when the rule is off).
 */
export type Survey = Wire<typeof surveySchema>;
type SurveyPage = Wire<typeof surveyPageSchema>;

/** `comment` left out when the customer writes nothing. */
export type SurveyAnswer = Body<typeof answerSurveySchema>;

/** `content` 5–1000 characters; `storeId` left out: the store of the customer's car. */
export type RaiseComplaintInput = Body<typeof raiseComplaintSchema>;

/** The customer's own view of a complaint: no staff names or internal notes. */
export type MyComplaint = Wire<typeof myComplaintSchema>;

/** All the customer's surveys: those waiting for an answer first, then the answered ones. */
export function listMySurveys(page: number, pageSize: number): Promise<SurveyPage> {
  return request<SurveyPage>({ path: `/me/surveys?page=${page}&pageSize=${pageSize}` });
}

/** How many surveys wait for an answer. (`pending=false` is not "answered only": it lists them all.) */
export async function countPendingSurveys(): Promise<number> {
  const { total } = await request<SurveyPage>({ path: '/me/surveys?pending=true&page=1&pageSize=1' });
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
