import { useMemo } from 'react';
import type { CurrentStaff } from '../api/auth';
import { listStores, ROLE_SCOPE, type Store } from '../api/org';
import { useCurrentStaff } from '../layouts/current-staff';
import { useRemoteData, type RemoteData } from './use-remote-data';

/** The stores a staff member works with: their own store, their region's stores, or every store. */
function storesInScope(staff: CurrentStaff, stores: Store[]): Store[] {
  switch (ROLE_SCOPE[staff.role]) {
    case 'store':
      return stores.filter((store) => store.id === staff.storeId);
    case 'region':
      return stores.filter((store) => store.regionId === staff.regionId);
    default:
      return stores;
  }
}

/** The signed-in staff member's stores (see storesInScope), loaded once per page. */
export function useScopedStores(): RemoteData<Store[]> {
  const staff = useCurrentStaff();
  const stores = useRemoteData(listStores);
  const scoped = useMemo(() => (stores.data ? storesInScope(staff, stores.data) : undefined), [staff, stores.data]);
  return { ...stores, data: scoped };
}
