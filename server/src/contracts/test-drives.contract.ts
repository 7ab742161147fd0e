import { z } from 'zod';
import { TestDriveBookingStatus, TestDriveCarStatus } from './enums.contract';
import { calendarDateSchema, dateTimeSchema, idQuerySchema, idSchema, mobileSchema } from './common.contract';
import { isMainlandPlate, normalizePlate } from './plate.rules';
import { nextFollowUpSchema } from './leads.contract';

const id = idSchema;

export const slotQuerySchema = z.object({
  storeId: idQuerySchema,
  modelId: idQuerySchema,
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
    /** The share code of the member whose card brought the customer here (`?ref=`): credited if it counts. */
    referralCode: z.string().trim().max(16).nullish(),
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

export const scheduleQuerySchema = z.object({ storeId: idQuerySchema, date: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }) });

export const scheduleSchema = z.object({
  date: z.string(),
  storeId: z.number().int(),
  slots: z.array(z.object({ startAt: dateTimeSchema, endAt: dateTimeSchema })),
  cars: z.array(
    z.object({
      id: z.number().int(),
      plate: z.string(),
      vin: z.string(),
      status: z.enum(TestDriveCarStatus),
      model: z.object({ id: z.number().int(), name: z.string() }),
      bookings: z.array(
        z.object({
          id: z.number().int(),
          startAt: dateTimeSchema,
          endAt: dateTimeSchema,
          status: z.enum(TestDriveBookingStatus),
          contactName: z.string(),
          mobile: z.string(),
          leadId: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});

export const staffBookingSchema = z.object({ leadId: id, modelId: id, startAt: z.iso.datetime({ offset: true }), routeId: id.nullish() }).strict();

export const startDriveSchema = z.object({ odometerOut: z.number().int().min(0).max(2_000_000), licenceChecked: z.boolean() }).strict();

export const finishDriveSchema = z
  .object({ odometerIn: z.number().int().min(0).max(2_000_000), feedback: z.string().trim().min(1, '请填写试驾反馈').max(1000), nextFollowUp: nextFollowUpSchema })
  .strict();

export const bookingDetailSchema = testDriveBookingSchema.extend({
  mobile: z.string(),
  car: z.object({ id: z.number().int(), plate: z.string() }),
  leadId: z.number().int().nullable(),
  odometerOut: z.number().int().nullable(),
  odometerIn: z.number().int().nullable(),
  licenceChecked: z.boolean(),
  feedback: z.string().nullable(),
});

export const carSchema = z.object({
  id: z.number().int(),
  storeId: z.number().int(),
  plate: z.string(),
  vin: z.string(),
  status: z.enum(TestDriveCarStatus),
  model: z.object({ id: z.number().int(), name: z.string() }),
  upcomingBookings: z.number().int(),
});

export const plateSchema = z
  .string()
  .transform(normalizePlate)
  .refine(isMainlandPlate, '车牌格式不正确，如 沪A12345 或新能源 沪AD12345');

export const createCarSchema = z.object({ storeId: id, modelId: id, plate: plateSchema, vin: z.string().trim().toUpperCase().max(17) }).strict();
export const updateCarSchema = z.object({ status: z.enum(TestDriveCarStatus) }).strict();
export const carListQuerySchema = z.object({ storeId: idQuerySchema });
export const carStatusResultSchema = z.object({ car: carSchema, moved: z.number().int(), cancelled: z.number().int() });

export const routeSchema = z.object({ id: z.number().int(), storeId: z.number().int(), name: z.string(), lengthKm: z.number().int(), durationMinutes: z.number().int() });
export const routeListQuerySchema = z.object({ storeId: idQuerySchema });
export const createRouteSchema = z
  .object({ storeId: id, name: z.string().trim().min(1, '请填写路线名称').max(64), lengthKm: z.number().int().min(1).max(200), durationMinutes: z.number().int().min(5).max(240) })
  .strict();

export const testDriveSettingsSchema = z
  .object({
    slotMinutes: z.number().int().refine((minutes) => [30, 45, 60, 90, 120].includes(minutes), '时段长度可选 30/45/60/90/120 分钟'),
    bookingWindowDays: z.number().int().min(1).max(60),
    changeCutoffMinutes: z.number().int().min(0).max(48 * 60),
    closedDates: z.array(z.object({ date: calendarDateSchema, reason: z.string().trim().max(128).nullish() })).max(366),
  })
  .strict();
