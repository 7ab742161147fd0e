/**
 * A fresh key for one staff action (one opened dialog): sent with every attempt of that action, so a
 * double submit or a retry after a lost answer counts once. The server keeps adjustment keys unique
 * across all members, so it must not collide: 16 random bytes from `crypto.getRandomValues`, which,
 * unlike `crypto.randomUUID`, also exists on an intranet served over plain http.
 */
export function newIdempotencyKey(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const random = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${prefix}-${Date.now().toString(36)}-${random}`;
}
