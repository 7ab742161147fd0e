import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The fleet page's store, kept in the URL so a reload or a shared link shows the same store. */
import { positiveInt } from '../../route-params';
export function useFleetQuery(): { storeId: number | undefined; changeStore: (storeId: number | undefined) => void } {
  const [searchParams, setSearchParams] = useSearchParams();
  const storeId = useMemo(() => positiveInt(searchParams.get('storeId')), [searchParams]);
  const changeStore = useCallback(
    (next: number | undefined) => setSearchParams(next === undefined ? {} : { storeId: String(next) }),
    [setSearchParams],
  );
  return { storeId, changeStore };
}
