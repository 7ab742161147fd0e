import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import { positiveInt } from '../../route-params';
export interface PartsQuery {
  storeId?: number;
  /** A part code's start or a part of its name. */
  q?: string;
}

/** The stock page's store and search, kept in the URL so a reload or a shared link shows the same list. */
export function usePartsQuery(): { query: PartsQuery; change: (next: Partial<PartsQuery>) => void } {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo<PartsQuery>(
    () => ({ storeId: positiveInt(searchParams.get('storeId')), q: searchParams.get('q') || undefined }),
    [searchParams],
  );
  const change = useCallback(
    (next: Partial<PartsQuery>) => {
      const merged = { ...query, ...next };
      const params = new URLSearchParams();
      if (merged.storeId) params.set('storeId', String(merged.storeId));
      if (merged.q) params.set('q', merged.q);
      setSearchParams(params);
    },
    [query, setSearchParams],
  );
  return { query, change };
}
