import type { ServiceBooking, ServiceItem, ServiceSlot, ServiceType } from '../api/service';
import type { Store } from '../api/stores';
import type { OwnerVehicle } from '../api/vehicles';

// What the 预约保养 page hands to the confirm page, and the confirm page to the success page: a whole
// car, store and list of items are too big for a URL. Module state lives as long as the mini-program,
// like the page stack, and every reader copes with finding nothing (an H5 reload).

export interface ServiceBookingChoice {
  vehicle: OwnerVehicle;
  store: Store;
  serviceType: ServiceType;
  items: ServiceItem[];
  slot: ServiceSlot;
}

let choice: ServiceBookingChoice | null = null;
let lastBooking: ServiceBooking | null = null;

/** Car, store, service, items and slot picked on the booking page, for the confirm page. */
export function handOverServiceChoice(picked: ServiceBookingChoice): void {
  choice = picked;
}

export function handedOverServiceChoice(): ServiceBookingChoice | null {
  return choice;
}

/** The booking just made, for the success page. */
export function handOverServiceBooking(booking: ServiceBooking): void {
  lastBooking = booking;
  choice = null;
}

export function handedOverServiceBooking(bookingId: number): ServiceBooking | null {
  return lastBooking?.id === bookingId ? lastBooking : null;
}
