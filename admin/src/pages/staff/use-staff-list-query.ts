import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ROLES, type Role } from '../../api/org';
import type { StaffListQuery } from '../../api/staff';
import { positiveInt } from '../../route-params';

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

function parseQuery(params: URLSearchParams): StaffListQuery {
  const role = params.get('role');
  const active = params.get('active');
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    q: params.get('q') || undefined,
    role: ROLES.includes(role as Role) ? (role as Role) : undefined,
    storeId: positiveInt(params.get('storeId')),
    active: active === 'true' ? true : active === 'false' ? false : undefined,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: StaffListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.role) params.set('role', query.role);
  if (query.storeId) params.set('storeId', String(query.storeId));
  if (query.active !== undefined) params.set('active', String(query.active));
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/**
 * The staff list's search, filters and page, kept in the URL so a reload or a shared link
 * shows the same list. Changing a filter goes back to page 1.
 */
export function useStaffListQuery(): {
  query: StaffListQuery;
  changeFilters: (filters: Partial<Omit<StaffListQuery, 'page' | 'pageSize'>>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);

  const changeFilters = useCallback(
    (filters: Partial<Omit<StaffListQuery, 'page' | 'pageSize'>>) =>
      setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) =>
      setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(
    () => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize })),
    [query.pageSize, setSearchParams],
  );
  return { query, changeFilters, changePage, resetFilters };
}
