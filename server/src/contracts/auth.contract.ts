import { z } from 'zod';
import { calendarDateSchema, mobileSchema } from './common.contract';
import { staffRoleSchema } from './org.contract';

export const staffLoginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

/** The refresh token in the body (the mini-program), or none: the admin's travels in the httpOnly session cookie. */
export const refreshSchema = z.object({ refreshToken: z.string().min(1).max(2048).optional() });
export const logoutSchema = refreshSchema;

/** `refreshToken` only for a client that sent its own in the body; a cookie session gets the new one as a cookie. */
export const refreshResultSchema = z.object({ accessToken: z.string(), refreshToken: z.string().optional() });

export const staffIdentitySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  storeId: z.number().int().nullable(),
  regionId: z.number().int().nullable(),
});

/** The refresh token is set as an httpOnly cookie (Path=/api/auth), never in the body a script can read. */
export const staffLoginResultSchema = z.object({ accessToken: z.string(), staff: staffIdentitySchema });

export const staffMeSchema = staffIdentitySchema.extend({
  mobile: z.string().nullable(),
  store: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  region: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});

export const wechatLoginSchema = z.object({ code: z.string().trim().min(1, '缺少微信登录 code').max(128) });

export const smsCodeRequestSchema = z.object({ mobile: mobileSchema });
export const smsCodeSentSchema = z.object({ sent: z.literal(true), devCode: z.string().optional() });

export const smsLoginSchema = z.object({
  mobile: mobileSchema,
  code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字'),
});

export const customerLoginResultSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  customer: z.object({ id: z.number().int() }),
});

export const customerMeSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  hasMobile: z.boolean(),
  /** Proved by an SMS code; binding a car needs it. */
  mobileVerified: z.boolean(),
  /** YYYY-MM-DD; the birthday greeting (and its points) goes out on the day. */
  birthday: z.iso.date().nullable(),
});

export const updateCustomerMeSchema = z
  .object({
    name: z.string().trim().min(1, '请填写称呼').max(64).optional(),
    birthday: calendarDateSchema.nullable().optional(),
  })
  .strict();
export type UpdateCustomerMeInput = z.infer<typeof updateCustomerMeSchema>;
