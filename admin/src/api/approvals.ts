import { z } from 'zod';
import { request, type Paged } from './client';
import type * as contract from 'server/contracts/leads.contract';
import type { ApprovalStatus, Named, Quote } from './leads';

/** A quote with the lead it is for (the server declares this shape beside its approvals controller). */
export type ApprovalItem = Quote & { lead: Named };

/** The admin's tabs list pending, approved or rejected quotes. */
export type ApprovalListQuery = z.output<typeof contract.approvalListQuerySchema> & { status: Exclude<ApprovalStatus, 'NOT_REQUIRED'> };

export const decisionNoteSchema = z.string().trim().max(500, '审批意见最多 500 个字符');

export function listApprovals(query: ApprovalListQuery, signal?: AbortSignal): Promise<Paged<ApprovalItem>> {
  return request<Paged<ApprovalItem>>('/approvals', { query, signal });
}

export function decideQuote(quoteId: number, decision: 'approve' | 'reject', note: string | undefined): Promise<Quote> {
  const trimmed = note?.trim();
  return request<Quote>(`/approvals/${quoteId}/${decision}`, { method: 'POST', body: { note: trimmed || null } satisfies z.input<typeof contract.decideQuoteSchema> });
}
