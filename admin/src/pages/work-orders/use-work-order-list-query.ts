import { WORK_ORDER_STATUSES, type WorkOrderListQuery, type WorkOrderStatus } from '../../api/service';
import { useListQuery, type ListQueryControls } from '../../hooks/use-list-query';
import { positiveInt } from '../../route-params';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type WorkOrderFilters = Omit<WorkOrderListQuery, 'page' | 'pageSize'>;

function parseFilters(params: URLSearchParams): WorkOrderFilters {
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  return {
    q: params.get('q') || undefined,
    status: WORK_ORDER_STATUSES.includes(status as WorkOrderStatus) ? (status as WorkOrderStatus) : undefined,
    storeId: positiveInt(params.get('storeId')),
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
  };
}

/** The work-order list's search, filters and page, kept in the URL; a new filter goes back to page 1. */
export function useWorkOrderListQuery(): ListQueryControls<WorkOrderFilters> {
  return useListQuery(parseFilters);
}
