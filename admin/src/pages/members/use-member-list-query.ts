import { MEMBER_TIERS, type MemberListQuery } from '../../api/loyalty';
import { useListQuery, type ListQueryControls } from '../../hooks/use-list-query';

export type MemberFilters = Omit<MemberListQuery, 'page' | 'pageSize'>;

function parseFilters(params: URLSearchParams): MemberFilters {
  const tier = params.get('tier');
  return {
    q: params.get('q') || undefined,
    tier: MEMBER_TIERS.find((candidate) => candidate === tier),
  };
}

/** The member list's search, tier and page, kept in the URL; a new filter goes back to page 1. */
export function useMemberListQuery(): ListQueryControls<MemberFilters> {
  return useListQuery(parseFilters);
}
