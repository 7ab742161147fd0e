import { z } from 'zod';
import { request, type Paged } from './client';
import type { ApprovalStatus, Quote } from './leads';

export interface ApprovalItem extends Quote {
  lead: { id: number; name: string };
}

export type ApprovalListQuery = {
  status: Exclude<ApprovalStatus, 'NOT_REQUIRED'>;
  page: number;
  pageSize: number;
};

export const decisionNoteSchema = z.string().trim().max(500, '审批意见最多 500 个字符');

export function listApprovals(query: ApprovalListQuery, signal?: AbortSignal): Promise<Paged<ApprovalItem>> {
  return request<Paged<ApprovalItem>>('/approvals', { query, signal });
}

export function decideQuote(quoteId: number, decision: 'approve' | 'reject', note: string | undefined): Promise<Quote> {
  const trimmed = note?.trim();
  return request<Quote>(`/approvals/${quoteId}/${decision}`, { method: 'POST', body: { note: trimmed || null } });
}
