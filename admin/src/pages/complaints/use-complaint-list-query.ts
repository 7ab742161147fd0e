import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type ComplaintListQuery } from '../../api/feedback';
import { positiveInt } from '../../route-params';
import { PAGE_SIZES } from '../leads/use-lead-list-query';

const DEFAULT_PAGE_SIZE = 20;

export type ComplaintFilters = Omit<ComplaintListQuery, 'page' | 'pageSize'>;

function parseQuery(params: URLSearchParams): ComplaintListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    q: params.get('q') || undefined,
    status: COMPLAINT_STATUSES.find((candidate) => candidate === params.get('status')),
    category: COMPLAINT_CATEGORIES.find((candidate) => candidate === params.get('category')),
    storeId: positiveInt(params.get('storeId')),
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: ComplaintListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  if (query.category) params.set('category', query.category);
  if (query.storeId) params.set('storeId', String(query.storeId));
  if (query.overdue) params.set('overdue', query.overdue);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The complaint list's search, filters and page, kept in the URL; a new filter goes back to page 1. */
export function useComplaintListQuery(): {
  query: ComplaintListQuery;
  changeFilters: (filters: Partial<ComplaintFilters>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeFilters = useCallback(
    (filters: Partial<ComplaintFilters>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) => setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(() => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize })), [query.pageSize, setSearchParams]);
  return { query, changeFilters, changePage, resetFilters };
}
