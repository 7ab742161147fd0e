import { z } from 'zod';
import { normalizePlate, plateProblem } from '../plate-check';
import { vinProblem } from '../vin-check';
import { request } from './client';
import { nextFollowUpSchema, type Named } from './leads';

// Mirrors server/src/contracts/test-drives.contract.ts and the staff endpoints of the test-drives
// module. Labels are the words the store uses on the floor.

export const BOOKING_STATUSES = ['CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  CONFIRMED: '已确认',
  IN_PROGRESS: '试驾中',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  NO_SHOW: '未到店',
};

export const CAR_STATUSES = ['AVAILABLE', 'IN_SERVICE', 'RETIRED'] as const;
export type CarStatus = (typeof CAR_STATUSES)[number];

export const CAR_STATUS_LABELS: Record<CarStatus, string> = {
  AVAILABLE: '可用',
  IN_SERVICE: '维修中',
  RETIRED: '已退役',
};

// ---- Response shapes ----

export interface TestDriveSlot {
  startAt: string;
  endAt: string;
  /** Cars of the model still free in the slot. */
  remaining: number;
}

export interface ScheduleBooking {
  id: number;
  startAt: string;
  endAt: string;
  status: BookingStatus;
  contactName: string;
  /** As the server returns it: masked (138****5678) for roles that may not see the full number. */
  mobile: string;
  leadId: number | null;
}

export interface ScheduleCar {
  id: number;
  plate: string;
  vin: string;
  status: CarStatus;
  model: Named;
  bookings: ScheduleBooking[];
}

/** One store's day: its slots and every car with that day's bookings (cancelled ones left out). */
export interface Schedule {
  date: string;
  storeId: number;
  slots: { startAt: string; endAt: string }[];
  cars: ScheduleCar[];
}

export interface BookingStore {
  id: number;
  name: string;
  address: string;
  phone: string;
}

/** What a booking call answers with. */
export interface Booking {
  id: number;
  status: BookingStatus;
  startAt: string;
  endAt: string;
  store: BookingStore;
  model: Named;
  route: Named | null;
  contactName: string;
  rating: number | null;
  ratingComment: string | null;
}

/** A booking as the store sees it: the car, the lead and what happened on the drive. */
export interface BookingDetail extends Booking {
  mobile: string;
  car: { id: number; plate: string };
  leadId: number | null;
  /** Kilometres on the odometer when the car went out and came back. */
  odometerOut: number | null;
  odometerIn: number | null;
  licenceChecked: boolean;
  feedback: string | null;
}

/** A store's standard test-drive route. */
export interface TestDriveRoute {
  id: number;
  storeId: number;
  name: string;
  lengthKm: number;
  durationMinutes: number;
}

export interface TestDriveCar {
  id: number;
  storeId: number;
  plate: string;
  vin: string;
  status: CarStatus;
  model: Named;
  /** Confirmed bookings still ahead of the car. */
  upcomingBookings: number;
}

/** A status change answers with what became of the car's future bookings. */
export interface CarStatusChange {
  car: TestDriveCar;
  moved: number;
  cancelled: number;
}

// ---- Request bodies: the server's rules, with the messages a person reads ----

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
export type StaffBookingInput = z.infer<typeof staffBookingSchema>;

export const startDriveSchema = z.object({
  odometerOut: odometerSchema,
  licenceChecked: z.literal(true, { error: '出车前须核验客户驾驶证' }),
});
export type StartDriveInput = z.infer<typeof startDriveSchema>;

export const finishDriveSchema = z.object({
  odometerIn: odometerSchema,
  feedback: z.string({ error: '请填写试驾反馈' }).trim().min(1, '请填写试驾反馈').max(1000, '试驾反馈最多 1000 个字符'),
  nextFollowUp: nextFollowUpSchema,
});
export type FinishDriveInput = z.infer<typeof finishDriveSchema>;

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
export type CreateCarInput = z.input<typeof createCarSchema>;

// ---- Calls ----

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
