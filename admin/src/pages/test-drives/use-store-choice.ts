import { ROLE_SCOPE, type Store } from '../../api/org';
import { useScopedStores } from '../../hooks/use-scoped-stores';
import type { RemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';

export interface StoreChoice {
  /** The stores the signed-in staff member may pick from. */
  stores: RemoteData<Store[]>;
  /** The store shown: store staff's own; else the one asked for if in scope, else the first in scope. */
  storeId: number | undefined;
  store: Store | undefined;
  /** Store staff work in one store: there is nothing to pick. */
  fixed: boolean;
  /** The URL asked for a store that does not exist or is out of the staff member's scope. */
  missing: boolean;
}

/** Which store a test-drive page shows, from the URL's `storeId` and the staff member's scope. */
export function useStoreChoice(requestedStoreId: number | undefined): StoreChoice {
  const staff = useCurrentStaff();
  const stores = useScopedStores();
  const fixed = ROLE_SCOPE[staff.role] === 'store';
  const inScope = stores.data ?? [];
  let store: Store | undefined;
  if (fixed) store = inScope.find((candidate) => candidate.id === staff.storeId);
  else store = inScope.find((candidate) => candidate.id === requestedStoreId) ?? inScope[0];
  // Store staff need not wait for the store list: their store is known from the session.
  const storeId = fixed ? (staff.storeId ?? undefined) : store?.id;
  const missing =
    requestedStoreId !== undefined &&
    (fixed ? requestedStoreId !== staff.storeId : stores.data !== undefined && !inScope.some((candidate) => candidate.id === requestedStoreId));
  return { stores, storeId, store, fixed, missing };
}
