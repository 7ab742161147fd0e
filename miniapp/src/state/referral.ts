import Taro from '@tarojs/taro';

// A member's share card opens the home page with `?ref=<code>`. The code is kept (in storage, so it outlives
// a restart) until the friend books a test drive, which then credits the member; the server decides if it counts.
const REFERRAL_CODE_KEY = 'referral-code';
const CODE = /^[A-Za-z0-9]{4,16}$/;

export function rememberReferralCode(code: string | undefined): void {
  if (code && CODE.test(code)) Taro.setStorageSync(REFERRAL_CODE_KEY, code);
}

export function referralCode(): string | undefined {
  const saved: unknown = Taro.getStorageSync(REFERRAL_CODE_KEY);
  return typeof saved === 'string' && CODE.test(saved) ? saved : undefined;
}
