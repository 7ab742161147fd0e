import { useCallback, useMemo } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router';
import { positiveInt } from '../route-params';

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

type FilterValue = string | number | boolean | undefined;
export interface Paging {
  page: number;
  pageSize: number;
}

export interface ListQueryControls<Filters> {
  query: Filters & Paging;
  changeFilters: (filters: Partial<Filters>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A list's `from`/`to` calendar days from the URL; an end that is not YYYY-MM-DD is left open. */
export function dateRangeParams(params: URLSearchParams): { from?: string; to?: string } {
  const from = params.get('from');
  const to = params.get('to');
  return { from: from && CALENDAR_DATE.test(from) ? from : undefined, to: to && CALENDAR_DATE.test(to) ? to : undefined };
}

function toSearchParams(query: Record<string, FilterValue>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  if (Number(query.page) > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/**
 * A list's search, filters and page, kept in the URL so a reload or a shared link shows the same list; a new
 * filter goes back to page 1. `parseFilters` reads the page's own filters (a module-level function, so the
 * query is parsed again only when the URL changes) and drops what it does not recognise.
 */
export function useListQuery<Filters extends Record<string, FilterValue>>(parseFilters: (params: URLSearchParams) => Filters): ListQueryControls<Filters> {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => {
    const pageSize = positiveInt(searchParams.get('pageSize'));
    return {
      ...parseFilters(searchParams),
      page: positiveInt(searchParams.get('page')) ?? 1,
      pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    };
  }, [parseFilters, searchParams]);
  const changeFilters = useCallback((filters: Partial<Filters>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })), [query, setSearchParams]);
  const changePage = useCallback(
    (page: number, pageSize: number) => setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(() => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize })), [query.pageSize, setSearchParams]);
  return { query, changeFilters, changePage, resetFilters };
}

/** A table's pager over a list paged by the server, the page kept in the URL: 共 N 条, sizes from PAGE_SIZES. */
export function listPagination(query: Paging, total: number | undefined, onChange: (page: number, pageSize: number) => void, unit = '条'): TablePaginationConfig {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total: total ?? 0,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: true,
    showTotal: (count) => `共 ${count} ${unit}`,
    onChange,
  };
}
