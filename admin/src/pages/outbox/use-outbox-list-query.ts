import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { MESSAGE_CHANNELS, OUTBOX_SOURCES, OUTBOX_STATUSES, type OutboxListQuery } from '../../api/automation';
import { positiveInt } from '../../route-params';
import { PAGE_SIZES } from '../leads/use-lead-list-query';

const DEFAULT_PAGE_SIZE = 20;

export type OutboxFilters = Omit<OutboxListQuery, 'page' | 'pageSize'>;

/** The value if it is one of the allowed ones, else undefined (a hand-edited URL lists everything). */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function parseQuery(params: URLSearchParams): OutboxListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    status: oneOf(OUTBOX_STATUSES, params.get('status')),
    channel: oneOf(MESSAGE_CHANNELS, params.get('channel')),
    source: oneOf(OUTBOX_SOURCES, params.get('source')),
    ruleId: positiveInt(params.get('ruleId')),
    campaignId: positiveInt(params.get('campaignId')),
    customerId: positiveInt(params.get('customerId')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: OutboxListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['status', 'channel', 'source', 'ruleId', 'campaignId', 'customerId'] as const) {
    const value = query[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The outbox list's filters and page, kept in the URL (a rule's 近 30 天 links here); a new filter goes back to page 1. */
export function useOutboxListQuery(): {
  query: OutboxListQuery;
  changeFilters: (filters: Partial<OutboxFilters>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeFilters = useCallback(
    (filters: Partial<OutboxFilters>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) => setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(() => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize })), [query.pageSize, setSearchParams]);
  return { query, changeFilters, changePage, resetFilters };
}
