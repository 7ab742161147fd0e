import type { customerLoginResultSchema, smsCodeRequestSchema, smsCodeSentSchema, smsLoginSchema, wechatLoginSchema } from 'server/contracts/auth.contract';
import { request } from './request';
import type { Wire, Body } from './wire';

export type CustomerSession = Wire<typeof customerLoginResultSchema>;
/** `devCode` only in development: the code the fake SMS gateway "sent". */
export type SmsCodeSent = Wire<typeof smsCodeSentSchema>;

export function loginWithWechatCode(code: string): Promise<CustomerSession> {
  const body: Body<typeof wechatLoginSchema> = { code };
  return request<CustomerSession>({ method: 'POST', path: '/auth/customer/wechat', body });
}

export function sendSmsCode(mobile: string): Promise<SmsCodeSent> {
  const body: Body<typeof smsCodeRequestSchema> = { mobile };
  return request<SmsCodeSent>({ method: 'POST', path: '/auth/customer/sms-code', body });
}

/**
 * The client sends the stored token with every request, this one included. That is what a WeChat sign-in
 * needs here: when the verified mobile belongs to another customer (the owner the store registered), the
 * server moves the WeChat identity to that customer, so later WeChat logins open the owner's account.
 */
export function loginWithSmsCode(mobile: string, code: string): Promise<CustomerSession> {
  const body: Body<typeof smsLoginSchema> = { mobile, code };
  return request<CustomerSession>({ method: 'POST', path: '/auth/customer/sms-login', body });
}
