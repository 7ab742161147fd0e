import { createHmac } from 'node:crypto';

/** How far a webhook's timestamp may be from our clock before it counts as a replay. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** `x-signature` = hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the channel's secret. */
export function webhookSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export function isFreshTimestamp(timestamp: string | undefined, now: Date): boolean {
  const sentAt = Number(timestamp);
  return Number.isInteger(sentAt) && Math.abs(now.getTime() / 1000 - sentAt) <= MAX_CLOCK_SKEW_SECONDS;
}
