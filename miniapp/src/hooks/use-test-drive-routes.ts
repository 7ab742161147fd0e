import { useCallback } from 'react';
import { listTestDriveRoutes, type TestDriveRoute } from '../api/test-drives';
import { useAsyncResource } from './use-async-resource';

const NO_ROUTES: TestDriveRoute[] = [];

/** The store's test-drive routes; none are loaded until the store is known. */
export function useTestDriveRoutes(storeId: number | null) {
  const load = useCallback(() => (storeId ? listTestDriveRoutes(storeId) : Promise.resolve(NO_ROUTES)), [storeId]);
  return useAsyncResource(load);
}
