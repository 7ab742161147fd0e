import type { ReferFriendInput } from '../../../api/loyalty';
import { mobileError } from '../../login/mobile-login-form';

// The limits of referFriendSchema in server/src/contracts/loyalty.contract.ts.
const FRIEND_NAME_MAX = 64;
export const REFERRAL_NOTE_MAX = 200;

export interface ReferralForm {
  name: string;
  mobile: string;
  storeId: number | null;
  /** null: 暂不确定. */
  modelId: number | null;
  note: string;
}

/** The first thing wrong with the form, in Chinese, or null. */
function problemOf({ name, mobile, storeId, note }: ReferralForm): string | null {
  const trimmedName = name.trim();
  if (trimmedName.length === 0) return '请填写好友姓名';
  if (trimmedName.length > FRIEND_NAME_MAX) return `好友姓名不能超过 ${FRIEND_NAME_MAX} 个字`;
  if (mobile.length === 0) return '请输入好友的手机号';
  const mobileProblem = mobileError(mobile);
  if (mobileProblem) return mobileProblem;
  if (storeId === null) return '请选择意向门店';
  if (note.trim().length > REFERRAL_NOTE_MAX) return `备注不能超过 ${REFERRAL_NOTE_MAX} 个字`;
  return null;
}

/** The referral to send, trimmed and without what was left empty, or the first thing wrong with the form. */
export function referralOf(form: ReferralForm): { input: ReferFriendInput } | { problem: string } {
  const problem = problemOf(form);
  if (problem !== null || form.storeId === null) return { problem: problem ?? '请选择意向门店' };
  const note = form.note.trim();
  return {
    input: {
      name: form.name.trim(),
      mobile: form.mobile,
      storeId: form.storeId,
      ...(form.modelId !== null ? { modelId: form.modelId } : {}),
      ...(note ? { note } : {}),
    },
  };
}
