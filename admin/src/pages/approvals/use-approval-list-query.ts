import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ApprovalListQuery } from '../../api/approvals';
import { PAGE_SIZES } from '../../hooks/use-list-query';
import { positiveInt } from '../../route-params';

const DEFAULT_PAGE_SIZE = 20;
const STATUSES: ApprovalListQuery['status'][] = ['PENDING', 'APPROVED', 'REJECTED'];

function parseQuery(params: URLSearchParams): ApprovalListQuery {
  const status = params.get('status') as ApprovalListQuery['status'];
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    status: STATUSES.includes(status) ? status : 'PENDING',
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: ApprovalListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status !== 'PENDING') params.set('status', query.status);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The approvals tab and page, kept in the URL; a new tab starts at page 1. */
export function useApprovalListQuery() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeStatus = useCallback(
    (status: ApprovalListQuery['status']) => setSearchParams(toSearchParams({ ...query, status, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) =>
      setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  return { query, changeStatus, changePage };
}
