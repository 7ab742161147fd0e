import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { MEMBER_TIERS, type MemberListQuery } from '../../api/loyalty';
import { positiveInt } from '../../route-params';
import { PAGE_SIZES } from '../leads/use-lead-list-query';

const DEFAULT_PAGE_SIZE = 20;

export type MemberFilters = Omit<MemberListQuery, 'page' | 'pageSize'>;

function parseQuery(params: URLSearchParams): MemberListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const tier = params.get('tier');
  return {
    q: params.get('q') || undefined,
    tier: MEMBER_TIERS.find((candidate) => candidate === tier),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: MemberListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.tier) params.set('tier', query.tier);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The member list's search, tier and page, kept in the URL; a new filter goes back to page 1. */
export function useMemberListQuery(): {
  query: MemberListQuery;
  changeFilters: (filters: Partial<MemberFilters>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeFilters = useCallback(
    (filters: Partial<MemberFilters>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) => setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(() => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize })), [query.pageSize, setSearchParams]);
  return { query, changeFilters, changePage, resetFilters };
}
