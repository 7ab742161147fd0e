import { z } from 'zod';
import { dateTimeSchema } from './common.contract';

/** The privacy policy in force (the mini-program's 隐私政策 shows the same version). */
export const PRIVACY_POLICY_VERSION = '2026-11';

export const privacyStatusSchema = z.object({
  currentVersion: z.string(),
  consent: z.object({ version: z.string().nullable(), acceptedAt: dateTimeSchema }).nullable(),
  /** The customer accepted an older version (or none): ask again. */
  needsConsent: z.boolean(),
});

export const giveConsentSchema = z.object({ version: z.string().max(16) }).strict();

/** Deleting the account is final: the customer types 注销 to confirm. */
export const deletionRequestSchema = z.object({ confirm: z.literal('注销', { error: '请输入“注销”确认' }) }).strict();
export const deletionResultSchema = z.object({ anonymisedAt: dateTimeSchema });
