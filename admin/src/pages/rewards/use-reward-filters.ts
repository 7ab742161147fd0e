import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { REWARD_KINDS, type RewardKind } from '../../api/loyalty';

export type RewardStatusFilter = 'all' | 'active' | 'inactive';

export interface RewardFilters {
  kind?: RewardKind;
  status: RewardStatusFilter;
}

const STATUSES: RewardStatusFilter[] = ['all', 'active', 'inactive'];

/** The catalogue's kind and on/off filter, kept in the URL so a reload or a shared link shows the same list. */
export function useRewardFilters(): { filters: RewardFilters; change: (next: Partial<RewardFilters>) => void } {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo<RewardFilters>(() => {
    const kind = searchParams.get('kind');
    const status = searchParams.get('status');
    return {
      kind: REWARD_KINDS.find((candidate) => candidate === kind),
      status: STATUSES.find((candidate) => candidate === status) ?? 'all',
    };
  }, [searchParams]);
  const change = useCallback(
    (next: Partial<RewardFilters>) => {
      const merged = { ...filters, ...next };
      const params = new URLSearchParams();
      if (merged.kind) params.set('kind', merged.kind);
      if (merged.status !== 'all') params.set('status', merged.status);
      setSearchParams(params);
    },
    [filters, setSearchParams],
  );
  return { filters, change };
}
