import { createHash } from 'node:crypto';
import { CampaignStatus } from '../../generated/prisma/enums';

/**
 * Whether a member is held out of a campaign: a stable hash of (campaign, member), so a relaunch after a
 * crash puts everyone in the same group, and groups are random with respect to anything about the member.
 */
export function isHeldOut(campaignId: number, customerId: number, holdoutPercent: number): boolean {
  if (holdoutPercent <= 0) return false;
  const bucket = createHash('sha256').update(`${campaignId}:${customerId}`).digest().readUInt32BE(0) % 100;
  return bucket < holdoutPercent;
}

/** A campaign may be edited, rescheduled or cancelled until its launch starts. */
export const EDITABLE_STATUSES: CampaignStatus[] = [CampaignStatus.DRAFT, CampaignStatus.SCHEDULED];

/** Percentage points between two response rates, one decimal. */
export function uplift(recipientsRate: number, holdoutRate: number, holdoutMembers: number): number | null {
  return holdoutMembers === 0 ? null : Math.round((recipientsRate - holdoutRate) * 10) / 10;
}

export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
