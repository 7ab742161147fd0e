import type { ServiceBookingStatus, ServiceType, WorkOrderStatus } from 'server/contracts/enums.contract';
import type {
  bookServiceSchema,
  ownerWorkOrderSchema,
  rescheduleServiceSchema,
  serviceBookingSchema,
  serviceItemSchema,
  serviceSlotSchema,
} from 'server/contracts/service.contract';
import { request } from './request';
import type { Wire, Body } from './wire';

/** WorkOrderStatus is the order a car moves through the workshop (QUALITY_CHECK may go back to IN_PROGRESS for rework). */
export type { ServiceBookingStatus, ServiceType, WorkOrderStatus };

/** `remaining` is the workshop capacity still free in the slot. */
export type ServiceSlot = Wire<typeof serviceSlotSchema>;

/** `labourHundredths`: standard labour time in hundredths of an hour. */
export type ServiceItem = Wire<typeof serviceItemSchema>;

/** `note` left out when the owner writes nothing. */
export type BookServiceInput = Body<typeof bookServiceSchema>;

/** `changeableUntil`: ISO instant until which the owner may reschedule or cancel online; null once not upcoming. */
export type ServiceBooking = Wire<typeof serviceBookingSchema>;

/** What the owner follows of a car in the workshop (维修进度); `totalFen` is labour and parts so far. */
export type OwnerWorkOrder = Wire<typeof ownerWorkOrderSchema>;

/** The car already has a booking still to come: change that one instead. */
export const VEHICLE_ALREADY_BOOKED = 'VEHICLE_ALREADY_BOOKED';

/** Public: the store's workshop slots on a Shanghai date ('YYYY-MM-DD'). */
export function listServiceSlots(storeId: number, date: string): Promise<ServiceSlot[]> {
  return request<ServiceSlot[]>({ path: `/service/slots?storeId=${storeId}&date=${date}` });
}

/** Public: the jobs on the model's maintenance schedule. */
export function listServiceItems(modelId: number): Promise<ServiceItem[]> {
  return request<ServiceItem[]>({ path: `/service/items?modelId=${modelId}` });
}

/** The key makes a resent request (a network retry, a second tap) return the first booking, never a second one. */
export function bookService(input: BookServiceInput, idempotencyKey: string): Promise<ServiceBooking> {
  return request<ServiceBooking>({ method: 'POST', path: '/me/service-bookings', body: input, idempotencyKey });
}

/** The owner's workshop bookings, newest first. */
export function listMyServiceBookings(): Promise<ServiceBooking[]> {
  return request<ServiceBooking[]>({ path: '/me/service-bookings' });
}

export function rescheduleServiceBooking(bookingId: number, startAt: string): Promise<ServiceBooking> {
  const body: Body<typeof rescheduleServiceSchema> = { startAt };
  return request<ServiceBooking>({ method: 'POST', path: `/me/service-bookings/${bookingId}/reschedule`, body });
}

export function cancelServiceBooking(bookingId: number): Promise<ServiceBooking> {
  // An empty object, not no body: the server refuses an empty body sent as JSON.
  return request<ServiceBooking>({ method: 'POST', path: `/me/service-bookings/${bookingId}/cancel`, body: {} });
}

/** The owner's cars in the workshop and past visits (维修进度). */
export function listMyWorkOrders(): Promise<OwnerWorkOrder[]> {
  return request<OwnerWorkOrder[]>({ path: '/me/work-orders' });
}
