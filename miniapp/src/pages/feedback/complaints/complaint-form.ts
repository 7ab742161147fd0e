import type { ComplaintCategory, RaiseComplaintInput } from '../../../api/feedback';

// The limits of raiseComplaintSchema in server/src/contracts/feedback.contract.ts.
export const COMPLAINT_CONTENT_MIN = 5;
export const COMPLAINT_CONTENT_MAX = 1000;

export interface ComplaintForm {
  category: ComplaintCategory | null;
  content: string;
  /** null: the store of the customer's car, which the server finds. */
  storeId: number | null;
}

/** The complaint to send, its text trimmed and the store left out unless chosen, or the first thing wrong with the form. */
export function complaintOf({ category, content, storeId }: ComplaintForm): { input: RaiseComplaintInput } | { problem: string } {
  if (category === null) return { problem: '请选择问题类型' };
  const trimmed = content.trim();
  if (trimmed.length < COMPLAINT_CONTENT_MIN) return { problem: `请描述问题（至少 ${COMPLAINT_CONTENT_MIN} 个字）` };
  if (trimmed.length > COMPLAINT_CONTENT_MAX) return { problem: `内容不能超过 ${COMPLAINT_CONTENT_MAX} 个字` };
  return { input: { category, content: trimmed, ...(storeId !== null ? { storeId } : {}) } };
}
