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

export function loginWithSmsCode(mobile: string, code: string): Promise<CustomerSession> {
  return request<CustomerSession>({ method: 'POST', path: '/auth/customer/sms-login', body: { mobile, code } });
}
