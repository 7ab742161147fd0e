import { z } from 'zod';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export const mobileSchema = z.string().regex(MAINLAND_MOBILE, '请输入正确的 11 位手机号');

/** Whether a search text is a whole mainland mobile (searched exactly rather than as a name or plate). */
export const isMainlandMobile = (text: string): boolean => MAINLAND_MOBILE.test(text);

/** A customer's full mobile, shown on request to a role that otherwise sees it masked (and audited). */
export const revealedMobileSchema = z.object({ mobile: z.string().nullable() });

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  details: z.unknown().optional(),
});

/** A UTC instant: a Date inside the server, an ISO 8601 string on the wire. */
export const dateTimeSchema = z.codec(z.iso.datetime(), z.date(), {
  decode: (isoString) => new Date(isoString),
  encode: (date) => date.toISOString(),
});
