import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { VehicleListQuery } from '../../api/vehicles';
import { positiveInt } from '../../route-params';
import { PAGE_SIZES } from '../leads/use-lead-list-query';

const DEFAULT_PAGE_SIZE = 20;

export type VehicleFilters = Omit<VehicleListQuery, 'page' | 'pageSize'>;

function parseQuery(params: URLSearchParams): VehicleListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    q: params.get('q') || undefined,
    storeId: positiveInt(params.get('storeId')),
    modelId: positiveInt(params.get('modelId')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: VehicleListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.storeId) params.set('storeId', String(query.storeId));
  if (query.modelId) params.set('modelId', String(query.modelId));
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The vehicle list's search, filters and page, kept in the URL; a new filter goes back to page 1. */
export function useVehicleListQuery(): {
  query: VehicleListQuery;
  changeFilters: (filters: Partial<VehicleFilters>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeFilters = useCallback(
    (filters: Partial<VehicleFilters>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) => setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(() => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize })), [query.pageSize, setSearchParams]);
  return { query, changeFilters, changePage, resetFilters };
}
