/** What the server accepts in an `Idempotency-Key` header. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\w.:-]{1,128}$/;

/**
 * A fresh key for one customer action (one confirm screen). Not a secret: the server scopes keys to the
 * customer, so it only has to be unique among one customer's attempts; the time prefix plus 16 random
 * base-36 characters is plenty, and works where `crypto.getRandomValues` is missing (older WeChat).
 */
export function newIdempotencyKey(now = Date.now()): string {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `td-${now.toString(36)}-${random()}${random()}`;
}
