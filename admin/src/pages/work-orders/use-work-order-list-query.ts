import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { WORK_ORDER_STATUSES, type WorkOrderListQuery, type WorkOrderStatus } from '../../api/service';
import { positiveInt } from '../../route-params';
import { PAGE_SIZES } from '../leads/use-lead-list-query';

const DEFAULT_PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type WorkOrderFilters = Omit<WorkOrderListQuery, 'page' | 'pageSize'>;

function parseQuery(params: URLSearchParams): WorkOrderListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  return {
    q: params.get('q') || undefined,
    status: WORK_ORDER_STATUSES.includes(status as WorkOrderStatus) ? (status as WorkOrderStatus) : undefined,
    storeId: positiveInt(params.get('storeId')),
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: WorkOrderListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  if (query.storeId) params.set('storeId', String(query.storeId));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The work-order list's search, filters and page, kept in the URL; a new filter goes back to page 1. */
export function useWorkOrderListQuery(): {
  query: WorkOrderListQuery;
  changeFilters: (filters: Partial<WorkOrderFilters>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeFilters = useCallback(
    (filters: Partial<WorkOrderFilters>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) => setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(() => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize })), [query.pageSize, setSearchParams]);
  return { query, changeFilters, changePage, resetFilters };
}
