import { z } from 'zod';
import { TestDriveBookingStatus } from '../generated/prisma/enums';
import { dateTimeSchema, mobileSchema } from './common.contract';

const id = z.number().int().positive();

export const slotQuerySchema = z.object({
  storeId: z.coerce.number().int().positive(),
  modelId: z.coerce.number().int().positive(),
  date: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }),
});

export const slotSchema = z.object({ startAt: dateTimeSchema, endAt: dateTimeSchema, remaining: z.number().int() });

export const bookTestDriveSchema = z
  .object({
    storeId: id,
    modelId: id,
    startAt: z.iso.datetime({ offset: true, message: '请选择试驾时段' }),
    contactName: z.string().trim().min(1, '请填写联系人').max(64),
    mobile: mobileSchema,
    routeId: id.nullish(),
  })
  .strict();

export const rescheduleSchema = z.object({ startAt: z.iso.datetime({ offset: true }) }).strict();

export const rateTestDriveSchema = z
  .object({ rating: z.number().int().min(1, '评分为 1–5').max(5, '评分为 1–5'), comment: z.string().trim().max(500).nullish() })
  .strict();

export const testDriveBookingSchema = z.object({
  id: z.number().int(),
  status: z.enum(TestDriveBookingStatus),
  startAt: dateTimeSchema,
  endAt: dateTimeSchema,
  store: z.object({ id: z.number().int(), name: z.string(), address: z.string(), phone: z.string() }),
  model: z.object({ id: z.number().int(), name: z.string() }),
  route: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  contactName: z.string(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
});

export type BookTestDriveInput = z.infer<typeof bookTestDriveSchema>;
