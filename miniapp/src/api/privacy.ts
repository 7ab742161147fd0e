import type { deletionRequestSchema, deletionResultSchema, giveConsentSchema, privacyStatusSchema } from 'server/contracts/privacy.contract';
import { request } from './request';
import type { Wire, Body } from './wire';

// 个人信息与隐私 (PIPL): the policy accepted, a copy of one's data, deleting the account.

/**
 * `currentVersion` is the policy in force ('2026-11'; accepting sends exactly this); `consent` is null when the
 * customer never accepted one (first known from a booking made for them); `needsConsent` asks again.
 */
export type PrivacyStatus = Wire<typeof privacyStatusSchema>;

/** The sections of the export, each a list of records. */
export type ExportSection =
  | 'leads'
  | 'testDrives'
  | 'vehicles'
  | 'serviceBookings'
  | 'workOrders'
  | 'points'
  | 'coupons'
  | 'messages'
  | 'surveys'
  | 'complaints';

/**
 * Everything held about the customer. The export route has no contract schema (it is a download of the records
 * as stored), so this types only what the page summarises; the records are handed over as the server wrote them.
 */
export type MyDataExport = {
  exportedAt: string;
  policyVersion: string;
  profile: Record<string, unknown>;
} & Record<ExportSection, unknown[]>;

type DeletionRequest = Body<typeof deletionRequestSchema>;

export function getPrivacyStatus(): Promise<PrivacyStatus> {
  return request<PrivacyStatus>({ path: '/me/privacy' });
}

/** 409 CONSENT_VERSION_OUTDATED when `version` is no longer the one in force. */
export function acceptPrivacyPolicy(version: string): Promise<PrivacyStatus> {
  const body: Body<typeof giveConsentSchema> = { version };
  return request<PrivacyStatus>({ method: 'POST', path: '/me/privacy/consent', body });
}

export function exportMyData(): Promise<MyDataExport> {
  return request<MyDataExport>({ path: '/me/privacy/export' });
}

/** What the customer types to confirm deleting the account; the contract's literal, so the two cannot drift. */
export const DELETION_CONFIRM_WORD: DeletionRequest['confirm'] = '注销';

/**
 * Deletes the account for good; the token is refused from then on. A 401 is handed back rather than sending the
 * customer to login: after a lost answer it most likely means the account is already gone. `confirm` is what the
 * customer typed: the server refuses anything but the word.
 */
export function deleteMyAccount(confirm: string): Promise<Wire<typeof deletionResultSchema>> {
  return request<Wire<typeof deletionResultSchema>>({
    method: 'POST',
    path: '/me/privacy/deletion',
    body: { confirm },
    signInOnUnauthorized: false,
  });
}
