import { isFreshTimestamp, webhookSignature } from './lead-webhook.rules';

describe('webhook signatures', () => {
  it('signs the timestamp and the exact body bytes', () => {
    const signature = webhookSignature('secret', '1700000000', '{"a":1}');
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(webhookSignature('secret', '1700000000', '{"a": 1}')).not.toBe(signature);
    expect(webhookSignature('secret', '1700000001', '{"a":1}')).not.toBe(signature);
  });

  it('accepts timestamps within 5 minutes either way', () => {
    const now = new Date(1_700_000_000_000);
    expect(isFreshTimestamp('1700000300', now)).toBe(true);
    expect(isFreshTimestamp('1699999699', now)).toBe(false);
    expect(isFreshTimestamp('soon', now)).toBe(false);
    expect(isFreshTimestamp(undefined, now)).toBe(false);
  });
});
