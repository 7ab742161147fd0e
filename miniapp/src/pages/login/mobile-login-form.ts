/** Mainland mobile numbers: 11 digits starting 13–19. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const SMS_CODE = /^\d{4,8}$/;

export const SMS_RESEND_SECONDS = 60;

export function mobileError(mobile: string): string | null {
  if (mobile.length === 0) return '请输入手机号';
  return MAINLAND_MOBILE.test(mobile) ? null : '请输入正确的 11 位手机号';
}

export function smsCodeError(code: string): string | null {
  if (code.length === 0) return '请输入短信验证码';
  return SMS_CODE.test(code) ? null : '验证码格式不正确';
}
