import type { TestDriveBookingStatus } from 'server/contracts/enums.contract';
import type {
  bookTestDriveSchema,
  rateTestDriveSchema,
  rescheduleSchema,
  routeSchema,
  slotQuerySchema,
  slotSchema,
  testDriveBookingSchema,
} from 'server/contracts/test-drives.contract';
import { request } from './request';
import type { Wire, Body, Query } from './wire';

export type { TestDriveBookingStatus };

/** `remaining` counts the test-drive cars of the model still free in the slot. */
export type TestDriveSlot = Wire<typeof slotSchema>;

/** A store's standard test-drive route; booking one is optional (without, the consultant picks). */
export type TestDriveRoute = Wire<typeof routeSchema>;

/** `rating` is 1–5 once the customer has rated the drive. */
export type TestDriveBooking = Wire<typeof testDriveBookingSchema>;

/** `date` is a Shanghai calendar date, 'YYYY-MM-DD'. */
export type SlotQuery = Query<typeof slotQuerySchema>;

/** `routeId` left out leaves the route to the consultant; `referralCode` is the share code that brought the customer. */
export type BookTestDriveInput = Body<typeof bookTestDriveSchema>;

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
  const body: Body<typeof rescheduleSchema> = { startAt };
  return request<TestDriveBooking>({ method: 'POST', path: `/test-drives/bookings/${bookingId}/reschedule`, body });
}

export function cancelTestDrive(bookingId: number): Promise<TestDriveBooking> {
  // An empty object, not no body: the server refuses an empty body sent as JSON.
  return request<TestDriveBooking>({ method: 'POST', path: `/test-drives/bookings/${bookingId}/cancel`, body: {} });
}

export function rateTestDrive(bookingId: number, rating: number, comment: string): Promise<TestDriveBooking> {
  const body: Body<typeof rateTestDriveSchema> = comment ? { rating, comment } : { rating };
  return request<TestDriveBooking>({ method: 'POST', path: `/test-drives/bookings/${bookingId}/rating`, body });
}
