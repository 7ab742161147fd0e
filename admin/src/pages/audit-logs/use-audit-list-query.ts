import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  AUDIT_ENTITY_ID_MAX_LENGTH,
  AUDIT_ENTITY_TYPES,
  AUDIT_SEARCH_MAX_LENGTH,
  type AuditListQuery,
} from '../../api/audit';
import { positiveInt } from '../../route-params';
import { PAGE_SIZES } from '../../hooks/use-list-query';

const DEFAULT_PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_KEYS = ['action', 'actorType', 'actorId', 'entityType', 'entityId', 'q', 'from', 'to'] as const;

export type AuditFilters = Omit<AuditListQuery, 'page' | 'pageSize'>;

/** The value if it is one of the allowed ones, else undefined (a hand-edited URL lists everything). */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** Free text within the server's limit; longer text would be refused, so it is dropped instead. */
function text(value: string | null, maxLength: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= maxLength ? trimmed : undefined;
}

function date(value: string | null): string | undefined {
  return value && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

function parseQuery(params: URLSearchParams): AuditListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const entityType = oneOf(AUDIT_ENTITY_TYPES, params.get('entityType'));
  return {
    action: oneOf(AUDIT_ACTIONS, params.get('action')),
    actorType: oneOf(AUDIT_ACTOR_TYPES, params.get('actorType')),
    actorId: positiveInt(params.get('actorId')),
    entityType,
    // An id means nothing without its type: lead 12 and staff 12 are different records.
    entityId: entityType ? text(params.get('entityId'), AUDIT_ENTITY_ID_MAX_LENGTH) : undefined,
    q: text(params.get('q'), AUDIT_SEARCH_MAX_LENGTH),
    from: date(params.get('from')),
    to: date(params.get('to')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: AuditListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** Whether any filter narrows the list (for the empty state's wording). */
export function isFiltered(query: AuditListQuery): boolean {
  return FILTER_KEYS.some((key) => query[key] !== undefined);
}

/** The audit log's filters and page, kept in the URL so a link opens a filtered view; a new filter goes back to page 1. */
export function useAuditListQuery(): {
  query: AuditListQuery;
  changeFilters: (filters: Partial<AuditFilters>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeFilters = useCallback(
    (filters: Partial<AuditFilters>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) => setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(() => setSearchParams(toSearchParams({ page: 1, pageSize: query.pageSize })), [query.pageSize, setSearchParams]);
  return { query, changeFilters, changePage, resetFilters };
}
