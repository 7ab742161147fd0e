import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const SMS_CODE_TTL_MS = 5 * 60 * 1000;
export const SMS_CODE_MAX_ATTEMPTS = 5;
export const SMS_RESEND_INTERVAL_SECONDS = 60;

export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Codes are stored hashed with the mobile, so a leaked table gives no usable code. */
export function smsCodeHash(mobile: string, code: string, secret: string): string {
  return createHash('sha256').update(`${mobile}:${code}:${secret}`).digest('hex');
}

/** Compares in constant time, so the response time says nothing about how much of a guess was right. */
export function smsCodeMatches(storedHash: string, mobile: string, code: string, secret: string): boolean {
  const stored = Buffer.from(storedHash, 'hex');
  const given = Buffer.from(smsCodeHash(mobile, code, secret), 'hex');
  return stored.length === given.length && timingSafeEqual(stored, given);
}
