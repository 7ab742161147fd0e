import { describe, expect, it } from '@jest/globals';
import { IDEMPOTENCY_KEY_PATTERN, newIdempotencyKey } from './idempotency-key';

describe('newIdempotencyKey', () => {
  it('makes a key the server accepts in the Idempotency-Key header', () => {
    expect(newIdempotencyKey()).toMatch(IDEMPOTENCY_KEY_PATTERN);
  });

  it('never repeats a key, even within the same millisecond', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newIdempotencyKey(1_770_000_000_000)));
    expect(keys.size).toBe(1000);
  });
});
