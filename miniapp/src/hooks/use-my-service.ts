import { useCallback } from 'react';
import { listMyServiceBookings, listMyWorkOrders, type OwnerWorkOrder, type ServiceBooking } from '../api/service';
import { useShownResource } from './use-shown-resource';

const NO_BOOKINGS: ServiceBooking[] = [];
const NO_WORK_ORDERS: OwnerWorkOrder[] = [];

/** The owner's workshop bookings, newest first; re-read when the page shows again. */
export function useMyServiceBookings(enabled: boolean) {
  const load = useCallback(() => (enabled ? listMyServiceBookings() : Promise.resolve(NO_BOOKINGS)), [enabled]);
  return useShownResource(load);
}

/** The owner's work orders (维修进度); re-read when the page shows again, as the workshop moves them on. */
export function useMyWorkOrders(enabled: boolean) {
  const load = useCallback(() => (enabled ? listMyWorkOrders() : Promise.resolve(NO_WORK_ORDERS)), [enabled]);
  return useShownResource(load);
}
