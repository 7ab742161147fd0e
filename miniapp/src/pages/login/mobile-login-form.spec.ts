import { describe, expect, it } from '@jest/globals';
import { mobileError, smsCodeError } from './mobile-login-form';

describe('mobileError', () => {
  it('accepts a mainland mobile number', () => {
    expect(mobileError('13912345678')).toBeNull();
  });

  it.each(['1391234567', '12912345678', '139123456789', '1391234567a'])('rejects %s in Chinese', (mobile) => {
    expect(mobileError(mobile)).toBe('请输入正确的 11 位手机号');
  });

  it('asks for a number when the field is empty', () => {
    expect(mobileError('')).toBe('请输入手机号');
  });
});

describe('smsCodeError', () => {
  it('accepts a 6-digit code', () => {
    expect(smsCodeError('123456')).toBeNull();
  });

  it('asks for the code when the field is empty', () => {
    expect(smsCodeError('')).toBe('请输入短信验证码');
  });
});
