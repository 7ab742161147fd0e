import { z } from 'zod';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export const mobileSchema = z.string().regex(MAINLAND_MOBILE, '请输入正确的 11 位手机号');

/** Whether a search text is a whole mainland mobile (searched exactly rather than as a name or plate). */
export const isMainlandMobile = (text: string): boolean => MAINLAND_MOBILE.test(text);

/** A customer's full mobile, shown on request to a role that otherwise sees it masked (and audited). */
export const revealedMobileSchema = z.object({ mobile: z.string().nullable() });

/**
 * Bounds every number in a request must keep. Ids, counts and amounts are stored in MySQL INT columns (signed
 * 32-bit): a larger value passed zod and failed in the database as a 500, so each field says both the bound of
 * its column and the bound of its meaning, whichever is smaller.
 */
export const INT32_MAX = 2_147_483_647;

/** A row id in a JSON body. */
export const idSchema = z.number().int().positive().max(INT32_MAX);

/** A row id in a path or query string. */
export const idQuerySchema = z.coerce.number().int().positive().max(INT32_MAX);

/**
 * The most one price may be in fen: 10,000,000 CNY (a car, a budget, a deposit), under half an INT column, so
 * a price plus smaller amounts (a quote's MSRP plus its lines, each bounded lower) still fits.
 */
export const MAX_PRICE_FEN = 1_000_000_000;

/** An amount of money in fen, 0 to max (one price by default). */
export const fenAmount = (max = MAX_PRICE_FEN) => z.number().int().min(0).max(max);

/** A place in a list an admin orders by hand. */
export const sortOrderSchema = z.number().int().min(-9_999).max(9_999);

export const idParamSchema = z.object({ id: idQuerySchema });
export const storeParamSchema = z.object({ storeId: idQuerySchema });
/** How many there are (unread messages, notifications). */
export const countResultSchema = z.object({ count: z.number().int() });
/** How many rows an action changed (mark all as read). */
export const updatedResultSchema = z.object({ updated: z.number().int() });

/** Page through at most 100,000 pages: deeper is not a list a person reads, and OFFSET that deep is a scan. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
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

/** MySQL's DATE holds the year 0, which no birthday, delivery or insurance end means. */
const EARLIEST_DAY = '1900-01-01';
const LATEST_DAY = '2100-12-31';
const withinStoredYears = (iso: string) => iso.slice(0, 10) >= EARLIEST_DAY && iso.slice(0, 10) <= LATEST_DAY;
const STORED_YEARS_MESSAGE = '日期须在 1900–2100 年之间';

/** A calendar day to store, YYYY-MM-DD: an impossible day (2026-02-30) or one outside 1900–2100 is refused. */
export const calendarDateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).refine(withinStoredYears, STORED_YEARS_MESSAGE);

/** An ISO 8601 instant with an offset to store, within the same years. */
export const storedInstantSchema = z.iso.datetime({ offset: true }).refine(withinStoredYears, STORED_YEARS_MESSAGE);

/** A UTC instant: a Date inside the server, an ISO 8601 string on the wire. */
export const dateTimeSchema = z.codec(z.iso.datetime(), z.date(), {
  decode: (isoString) => new Date(isoString),
  encode: (date) => date.toISOString(),
});
