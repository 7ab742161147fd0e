import { z } from 'zod';
import { TestDriveBookingStatus, TestDriveCarStatus } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/test-drives.contract';
import { normalizePlate, plateProblem } from 'server/contracts/plate.rules';
import { vinProblem } from 'server/contracts/vin.rules';
import { request } from './client';
import { nextFollowUpSchema } from './leads';
import type { Wire } from 'server/contracts/wire.contract';

// The staff side of test drives as server/contracts/test-drives.contract defines it. Labels are the words
// the store uses on the floor.

export type BookingStatus = TestDriveBookingStatus;
export const BOOKING_STATUSES = Object.values(TestDriveBookingStatus);

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  CONFIRMED: '已确认',
  IN_PROGRESS: '试驾中',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  NO_SHOW: '未到店',
};

export type CarStatus = TestDriveCarStatus;
export const CAR_STATUSES = Object.values(TestDriveCarStatus);

export const CAR_STATUS_LABELS: Record<CarStatus, string> = {
  AVAILABLE: '可用',
  IN_SERVICE: '维修中',
  RETIRED: '已退役',
};

// ---- Response shapes ----

export type TestDriveSlot = Wire<typeof contract.slotSchema>;
/** One store's day: its slots and every car with that day's bookings (cancelled ones left out). */
export type Schedule = Wire<typeof contract.scheduleSchema>;
export type ScheduleCar = Schedule['cars'][number];
export type ScheduleBooking = ScheduleCar['bookings'][number];
/** What a booking call answers with. */
export type Booking = Wire<typeof contract.testDriveBookingSchema>;
export type BookingStore = Booking['store'];
/** A booking as the store sees it: the car, the lead and what happened on the drive. */
export type BookingDetail = Wire<typeof contract.bookingDetailSchema>;
/** A store's standard test-drive route. */
export type TestDriveRoute = Wire<typeof contract.routeSchema>;
export type TestDriveCar = Wire<typeof contract.carSchema>;
/** A store's booking rules; `closedDates` are the store's closed dates from today on, earliest first. */
export type TestDriveSettings = Wire<typeof contract.testDriveSettingsSchema>;
/** A status change answers with what became of the car's future bookings. */
export type CarStatusChange = Wire<typeof contract.carStatusResultSchema>;

// ---- Form schemas: the server's rules, with the messages a person reads; the request types are the contract's ----

const id = z.number().int().positive();
/** The odometer of a car in whole kilometres, up to the server's ceiling of 2,000,000. */
export const odometerSchema = z
  .number({ error: '请填写里程表读数' })
  .int('里程请填写整数公里')
  .min(0, '里程不能为负')
  .max(2_000_000, '里程读数过大，请核对');

export const staffBookingSchema = z.object({
  leadId: z.number({ error: '请选择线索' }).int().positive('请选择线索'),
  modelId: z.number({ error: '请选择车型' }).int().positive('请选择车型'),
  startAt: z.iso.datetime({ offset: true, error: '请选择试驾时段' }),
  routeId: id.nullish(),
});

export const startDriveSchema = z.object({
  odometerOut: odometerSchema,
  licenceChecked: z.literal(true, { error: '出车前须核验客户驾驶证' }),
});

export const finishDriveSchema = z.object({
  odometerIn: odometerSchema,
  feedback: z.string({ error: '请填写试驾反馈' }).trim().min(1, '请填写试驾反馈').max(1000, '试驾反馈最多 1000 个字符'),
  nextFollowUp: nextFollowUpSchema,
});

export const plateSchema = z
  .string({ error: '请输入车牌号' })
  .transform(normalizePlate)
  .pipe(
    z
      .string()
      .min(1, '请输入车牌号')
      .superRefine((plate, context) => {
        const problem = plateProblem(plate);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
  );

export const vinSchema = z
  .string({ error: '请输入车架号（VIN）' })
  .trim()
  .toUpperCase()
  .min(1, '请输入车架号（VIN）')
  .superRefine((vin, context) => {
    const problem = vinProblem(vin);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const createCarSchema = z.object({
  storeId: z.number({ error: '请选择门店' }).int().positive('请选择门店'),
  modelId: z.number({ error: '请选择车型' }).int().positive('请选择车型'),
  plate: plateSchema,
  vin: vinSchema,
});

export const SLOT_MINUTES = [30, 45, 60, 90, 120] as const;
export const MAX_BOOKING_WINDOW_DAYS = 60;
export const MAX_CHANGE_CUTOFF_MINUTES = 48 * 60;
export const MAX_CLOSED_DATES = 366;

export const testDriveSettingsSchema = z.object({
  slotMinutes: z
    .number({ error: '请选择时段长度' })
    .int()
    .refine((minutes) => (SLOT_MINUTES as readonly number[]).includes(minutes), '时段长度可选 30/45/60/90/120 分钟'),
  bookingWindowDays: z
    .number({ error: '请填写可提前预约天数' })
    .int('天数须为整数')
    .min(1, '至少可提前 1 天预约')
    .max(MAX_BOOKING_WINDOW_DAYS, `最多可提前 ${MAX_BOOKING_WINDOW_DAYS} 天预约`),
  changeCutoffMinutes: z
    .number({ error: '请填写改约截止时间' })
    .int()
    .min(0, '改约截止时间不能为负')
    .max(MAX_CHANGE_CUTOFF_MINUTES, '改约截止时间最多为开始前 48 小时'),
  closedDates: z
    .array(
      z.object({
        date: z.iso.date({ error: '请选择日期' }),
        reason: z.string().trim().max(128, '原因最多 128 个字符').nullish(),
      }),
    )
    .max(MAX_CLOSED_DATES, `闭店日期最多 ${MAX_CLOSED_DATES} 天`),
});

// ---- Calls ----

export type StaffBookingInput = z.input<typeof contract.staffBookingSchema>;
export type StartDriveInput = z.input<typeof contract.startDriveSchema>;
export type FinishDriveInput = z.input<typeof contract.finishDriveSchema>;
export type CreateCarInput = z.input<typeof contract.createCarSchema>;
export type TestDriveSettingsInput = z.input<typeof contract.testDriveSettingsSchema>;

/** Future slots of a Shanghai day with how many cars of the model are still free. */
export function listSlots(query: { storeId: number; modelId: number; date: string }, signal?: AbortSignal): Promise<TestDriveSlot[]> {
  return request<TestDriveSlot[]>('/test-drives/slots', { query, signal, authenticated: false });
}

export function listRoutes(storeId: number, signal?: AbortSignal): Promise<TestDriveRoute[]> {
  return request<TestDriveRoute[]>('/test-drives/routes', { query: { storeId }, signal, authenticated: false });
}

export function fetchSchedule(query: { storeId: number; date: string }, signal?: AbortSignal): Promise<Schedule> {
  return request<Schedule>('/test-drives/schedule', { query, signal });
}

/** 代客预约: books a slot for a lead; the server picks a free car of the model. */
export function createStaffBooking(input: StaffBookingInput): Promise<Booking> {
  return request<Booking>('/test-drives/staff-bookings', { method: 'POST', body: staffBookingSchema.parse(input) });
}

export function fetchBooking(bookingId: number, signal?: AbortSignal): Promise<BookingDetail> {
  return request<BookingDetail>(`/test-drives/bookings/${bookingId}`, { signal });
}

export function startDrive(bookingId: number, input: StartDriveInput): Promise<BookingDetail> {
  return request<BookingDetail>(`/test-drives/bookings/${bookingId}/start`, { method: 'POST', body: startDriveSchema.parse(input) });
}

export function finishDrive(bookingId: number, input: FinishDriveInput): Promise<BookingDetail> {
  return request<BookingDetail>(`/test-drives/bookings/${bookingId}/finish`, { method: 'POST', body: finishDriveSchema.parse(input) });
}

export function markNoShow(bookingId: number): Promise<BookingDetail> {
  return request<BookingDetail>(`/test-drives/bookings/${bookingId}/no-show`, { method: 'POST' });
}

export function listCars(storeId: number, signal?: AbortSignal): Promise<TestDriveCar[]> {
  return request<TestDriveCar[]>('/test-drives/cars', { query: { storeId }, signal });
}

export function createCar(input: CreateCarInput): Promise<TestDriveCar> {
  return request<TestDriveCar>('/test-drives/cars', { method: 'POST', body: createCarSchema.parse(input) });
}

export function changeCarStatus(carId: number, status: CarStatus): Promise<CarStatusChange> {
  return request<CarStatusChange>(`/test-drives/cars/${carId}`, { method: 'PATCH', body: { status } });
}

export function fetchTestDriveSettings(storeId: number, signal?: AbortSignal): Promise<TestDriveSettings> {
  return request<TestDriveSettings>(`/test-drives/settings/${storeId}`, { signal });
}

/** Replaces the store's rules and its closed dates from today on; bookings already made keep their times. */
export function updateTestDriveSettings(storeId: number, input: TestDriveSettingsInput): Promise<TestDriveSettings> {
  return request<TestDriveSettings>(`/test-drives/settings/${storeId}`, { method: 'PUT', body: testDriveSettingsSchema.parse(input) });
}
