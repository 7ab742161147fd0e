import { smsCodeHash, smsCodeMatches } from './sms-code.rules';

describe('smsCodeMatches', () => {
  const stored = smsCodeHash('13912345678', '123456', 'secret-secret-secret');

  it('accepts the code that was sent to that mobile', () => {
    expect(smsCodeMatches(stored, '13912345678', '123456', 'secret-secret-secret')).toBe(true);
  });

  it('refuses another code, the same code for another mobile, and a malformed stored hash', () => {
    expect(smsCodeMatches(stored, '13912345678', '123457', 'secret-secret-secret')).toBe(false);
    expect(smsCodeMatches(stored, '13912345679', '123456', 'secret-secret-secret')).toBe(false);
    expect(smsCodeMatches('abc', '13912345678', '123456', 'secret-secret-secret')).toBe(false);
  });
});
