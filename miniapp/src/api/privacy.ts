import { request } from './request';

// 个人信息与隐私 (PIPL): the policy accepted, a copy of one's data, deleting the account. Mirrored from
// server/src/contracts/privacy.contract.ts.

export interface PrivacyStatus {
  /** The policy in force, e.g. '2026-11'; accepting sends exactly this. */
  currentVersion: string;
  /** Null when the customer never accepted a policy (a customer first known from a booking made for them). */
  consent: { version: string | null; acceptedAt: string } | null;
  /** The customer accepted an older version, or none: ask again. */
  needsConsent: boolean;
}

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
 * Everything held about the customer. Only what the page summarises is typed; the records themselves are
 * handed to the customer as they came, so they are left as the server wrote them.
 */
export type MyDataExport = {
  exportedAt: string;
  policyVersion: string;
  profile: Record<string, unknown>;
} & Record<ExportSection, unknown[]>;

export function getPrivacyStatus(): Promise<PrivacyStatus> {
  return request<PrivacyStatus>({ path: '/me/privacy' });
}

/** 409 CONSENT_VERSION_OUTDATED when `version` is no longer the one in force. */
export function acceptPrivacyPolicy(version: string): Promise<PrivacyStatus> {
  return request<PrivacyStatus>({ method: 'POST', path: '/me/privacy/consent', body: { version } });
}

export function exportMyData(): Promise<MyDataExport> {
  return request<MyDataExport>({ path: '/me/privacy/export' });
}

/** What the customer types to confirm deleting the account; the server checks it too. */
export const DELETION_CONFIRM_WORD = '注销';

/**
 * Deletes the account for good; the token is refused from then on. A 401 is handed back rather than sending the
 * customer to login: after a lost answer it most likely means the account is already gone.
 */
export function deleteMyAccount(confirm: string): Promise<{ anonymisedAt: string }> {
  return request<{ anonymisedAt: string }>({
    method: 'POST',
    path: '/me/privacy/deletion',
    body: { confirm },
    signInOnUnauthorized: false,
  });
}
