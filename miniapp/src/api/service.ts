import { request } from './request';
import type { BookableSlot } from './slots';

// Workshop bookings and work orders as the owner sees them, mirrored from
// server/src/contracts/service.contract.ts.

export type ServiceType = 'MAINTENANCE' | 'REPAIR' | 'WARRANTY' | 'INSPECTION' | 'BODY_PAINT';
export type ServiceBookingStatus = 'CONFIRMED' | 'CHECKED_IN' | 'CANCELLED' | 'NO_SHOW';
/** The order a car moves through the workshop (QUALITY_CHECK may go back to IN_PROGRESS for rework). */
export type WorkOrderStatus = 'CHECKED_IN' | 'IN_PROGRESS' | 'QUALITY_CHECK' | 'READY' | 'SETTLED';

/** `remaining` is the workshop capacity still free in the slot. */
export type ServiceSlot = BookableSlot;

export interface ServiceItem {
  id: number;
  code: string;
  name: string;
  /** Standard labour time in hundredths of an hour. */
  labourHundredths: number;
  parts: Array<{ partId: number; code: string; name: string; quantity: number; priceFen: number }>;
}

export interface BookServiceInput {
  vehicleId: number;
  storeId: number;
  serviceType: ServiceType;
  startAt: string;
  itemIds: number[];
  /** Left out when the owner writes nothing. */
  note?: string;
}

export interface ServiceBooking {
  id: number;
  status: ServiceBookingStatus;
  serviceType: ServiceType;
  startAt: string;
  endAt: string;
  store: { id: number; name: string; address: string; phone: string };
  vehicle: { id: number; vin: string; plate: string | null; model: { id: number; name: string } };
  items: Array<{ id: number; name: string }>;
  customerNote: string | null;
  contactName: string;
  mobile: string;
  workOrderId: number | null;
  /** ISO instant until which the owner may reschedule or cancel online (the store's cut-off); null once not upcoming. */
  changeableUntil: string | null;
}

/** What the owner follows of a car in the workshop (维修进度). */
export interface OwnerWorkOrder {
  id: number;
  status: WorkOrderStatus;
  serviceType: ServiceType;
  store: { id: number; name: string; phone: string };
  vehicle: { id: number; plate: string | null; model: { id: number; name: string } };
  /** Names of the jobs on the order. */
  items: string[];
  /** Labour and parts so far, in fen. */
  totalFen: number;
  checkedInAt: string;
  startedAt: string | null;
  qualityCheckedAt: string | null;
  readyAt: string | null;
  settledAt: string | null;
}

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
  return request<ServiceBooking>({ method: 'POST', path: `/me/service-bookings/${bookingId}/reschedule`, body: { startAt } });
}

export function cancelServiceBooking(bookingId: number): Promise<ServiceBooking> {
  // An empty object, not no body: the server refuses an empty body sent as JSON.
  return request<ServiceBooking>({ method: 'POST', path: `/me/service-bookings/${bookingId}/cancel`, body: {} });
}

/** The owner's cars in the workshop and past visits (维修进度). */
export function listMyWorkOrders(): Promise<OwnerWorkOrder[]> {
  return request<OwnerWorkOrder[]>({ path: '/me/work-orders' });
}
