import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LEAD_SOURCES, LEAD_STAGES, type LeadListQuery, type LeadSource, type LeadStage } from '../../api/leads';
import { dateRangeParams, PAGE_SIZES } from '../../hooks/use-list-query';
import { positiveInt } from '../../route-params';

const DEFAULT_PAGE_SIZE = 20;

export type LeadView = 'table' | 'board';
export type LeadFilters = Omit<LeadListQuery, 'page' | 'pageSize'>;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

function parseQuery(params: URLSearchParams): LeadListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    q: params.get('q') || undefined,
    stage: oneOf<LeadStage>(LEAD_STAGES, params.get('stage')),
    source: oneOf<LeadSource>(LEAD_SOURCES, params.get('source')),
    storeId: positiveInt(params.get('storeId')),
    assigneeId: positiveInt(params.get('assigneeId')),
    ...dateRangeParams(params),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: LeadListQuery, view: LeadView): URLSearchParams {
  const params = new URLSearchParams();
  if (view === 'board') params.set('view', 'board');
  if (query.q) params.set('q', query.q);
  // The board shows every stage side by side, so a stage filter only applies to the table.
  if (query.stage && view === 'table') params.set('stage', query.stage);
  if (query.source) params.set('source', query.source);
  if (query.storeId) params.set('storeId', String(query.storeId));
  if (query.assigneeId) params.set('assigneeId', String(query.assigneeId));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.page > 1 && view === 'table') params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/**
 * The lead list's view, search, filters and page, kept in the URL so a reload or a shared link
 * shows the same list. Changing a filter goes back to page 1.
 */
export function useLeadListQuery(): {
  query: LeadListQuery;
  view: LeadView;
  changeFilters: (filters: Partial<LeadFilters>) => void;
  changePage: (page: number, pageSize: number) => void;
  changeView: (view: LeadView, filters?: Partial<LeadFilters>) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const view: LeadView = searchParams.get('view') === 'board' ? 'board' : 'table';

  const changeFilters = useCallback(
    (filters: Partial<LeadFilters>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 }, view)),
    [query, view, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) =>
      setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }, view)),
    [query, view, setSearchParams],
  );
  const changeView = useCallback(
    (nextView: LeadView, filters: Partial<LeadFilters> = {}) =>
      setSearchParams(toSearchParams({ ...query, ...filters, page: 1 }, nextView)),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(
    () => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize }, view)),
    [query.pageSize, view, setSearchParams],
  );
  return { query, view, changeFilters, changePage, changeView, resetFilters };
}
