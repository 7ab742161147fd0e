import { randomBytes } from 'node:crypto';

/** Letters and digits without look-alikes (no 0/O, 1/I/L), for codes people read out or type: coupons, referrals. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function readableCode(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}
