import { WORK_ORDER_STATUSES, type WorkOrderListQuery, type WorkOrderStatus } from '../../api/service';
import { dateRangeParams, useListQuery, type ListQueryControls } from '../../hooks/use-list-query';
import { positiveInt } from '../../route-params';

export type WorkOrderFilters = Omit<WorkOrderListQuery, 'page' | 'pageSize'>;

function parseFilters(params: URLSearchParams): WorkOrderFilters {
  const status = params.get('status');
  return {
    q: params.get('q') || undefined,
    status: WORK_ORDER_STATUSES.includes(status as WorkOrderStatus) ? (status as WorkOrderStatus) : undefined,
    storeId: positiveInt(params.get('storeId')),
    ...dateRangeParams(params),
  };
}

/** The work-order list's search, filters and page, kept in the URL; a new filter goes back to page 1. */
export function useWorkOrderListQuery(): ListQueryControls<WorkOrderFilters> {
  return useListQuery(parseFilters);
}
