import { request } from './request';

export interface CustomerSession {
  accessToken: string;
  customer: { id: number };
}

export interface SmsCodeSent {
  sent: true;
  /** Only in development: the code the fake SMS gateway "sent". */
  devCode?: string;
}

export function loginWithWechatCode(code: string): Promise<CustomerSession> {
  return request<CustomerSession>({ method: 'POST', path: '/auth/customer/wechat', body: { code } });
}

export function sendSmsCode(mobile: string): Promise<SmsCodeSent> {
  return request<SmsCodeSent>({ method: 'POST', path: '/auth/customer/sms-code', body: { mobile } });
}

/**
 * The client sends the stored token with every request, this one included. That is what a WeChat sign-in
 * needs here: when the verified mobile belongs to another customer (the owner the store registered), the
 * server moves the WeChat identity to that customer, so later WeChat logins open the owner's account.
 */
export function loginWithSmsCode(mobile: string, code: string): Promise<CustomerSession> {
  return request<CustomerSession>({ method: 'POST', path: '/auth/customer/sms-login', body: { mobile, code } });
}
