import { createContext, useContext } from 'react';
import type { CurrentStaff } from '../api/auth';

export const CurrentStaffContext = createContext<CurrentStaff | null>(null);

/** The signed-in staff member; only usable inside the authenticated layout. */
export function useCurrentStaff(): CurrentStaff {
  const staff = useContext(CurrentStaffContext);
  if (!staff) throw new Error('useCurrentStaff must be used inside AuthenticatedLayout');
  return staff;
}

/** Where a staff member belongs: their store, else their region, else head office. */
export function workplaceOf(staff: CurrentStaff): string {
  return staff.store?.name ?? staff.region?.name ?? '总部';
}
