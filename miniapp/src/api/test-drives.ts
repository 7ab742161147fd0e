import { request } from './request';
import type { BookableSlot } from './slots';

export type TestDriveBookingStatus = 'CONFIRMED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';

/** `remaining` counts the test-drive cars of the model still free in the slot. */
export type TestDriveSlot = BookableSlot;

/** A store's standard test-drive route; booking one is optional (without, the consultant picks). */
export interface TestDriveRoute {
  id: number;
  storeId: number;
  name: string;
  lengthKm: number;
  durationMinutes: number;
}

export interface TestDriveBooking {
  id: number;
  status: TestDriveBookingStatus;
  startAt: string;
  endAt: string;
  store: { id: number; name: string; address: string; phone: string };
  model: { id: number; name: string };
  route: { id: number; name: string } | null;
  contactName: string;
  /** 1–5 once the customer has rated the drive. */
  rating: number | null;
  ratingComment: string | null;
}

export interface SlotQuery {
  storeId: number;
  modelId: number;
  /** Shanghai calendar date, 'YYYY-MM-DD'. */
  date: string;
}

export interface BookTestDriveInput {
  storeId: number;
  modelId: number;
  startAt: string;
  contactName: string;
  mobile: string;
  /** Left out when the customer leaves the route to the consultant. */
  routeId?: number;
  /** The share code of the member whose card brought the customer (see state/referral). */
  referralCode?: string;
}

/** The route the server refuses when it is no longer offered at the store: pick again. */
export const ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND';

export function listTestDriveSlots({ storeId, modelId, date }: SlotQuery): Promise<TestDriveSlot[]> {
  return request<TestDriveSlot[]>({ path: `/test-drives/slots?storeId=${storeId}&modelId=${modelId}&date=${date}` });
}

/** Public: the store's routes, offered on the confirm screen. */
export function listTestDriveRoutes(storeId: number): Promise<TestDriveRoute[]> {
  return request<TestDriveRoute[]>({ path: `/test-drives/routes?storeId=${storeId}` });
}

/** The key makes a resent request (a network retry, a second tap) return the first booking, never a second one. */
export function bookTestDrive(input: BookTestDriveInput, idempotencyKey: string): Promise<TestDriveBooking> {
  return request<TestDriveBooking>({ method: 'POST', path: '/test-drives/bookings', body: input, idempotencyKey });
}

/** The customer's bookings, newest first. */
export function listMyTestDrives(): Promise<TestDriveBooking[]> {
  return request<TestDriveBooking[]>({ path: '/test-drives/bookings/mine' });
}

export function rescheduleTestDrive(bookingId: number, startAt: string): Promise<TestDriveBooking> {
  return request<TestDriveBooking>({ method: 'POST', path: `/test-drives/bookings/${bookingId}/reschedule`, body: { startAt } });
}

export function cancelTestDrive(bookingId: number): Promise<TestDriveBooking> {
  // An empty object, not no body: the server refuses an empty body sent as JSON.
  return request<TestDriveBooking>({ method: 'POST', path: `/test-drives/bookings/${bookingId}/cancel`, body: {} });
}

export function rateTestDrive(bookingId: number, rating: number, comment: string): Promise<TestDriveBooking> {
  return request<TestDriveBooking>({
    method: 'POST',
    path: `/test-drives/bookings/${bookingId}/rating`,
    body: comment ? { rating, comment } : { rating },
  });
}
