import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type ComplaintListQuery } from '../../api/feedback';
import { useListQuery, type ListQueryControls } from '../../hooks/use-list-query';
import { positiveInt } from '../../route-params';

export type ComplaintFilters = Omit<ComplaintListQuery, 'page' | 'pageSize'>;

function parseFilters(params: URLSearchParams): ComplaintFilters {
  return {
    q: params.get('q') || undefined,
    status: COMPLAINT_STATUSES.find((candidate) => candidate === params.get('status')),
    category: COMPLAINT_CATEGORIES.find((candidate) => candidate === params.get('category')),
    storeId: positiveInt(params.get('storeId')),
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
  };
}

/** The complaint list's search, filters and page, kept in the URL; a new filter goes back to page 1. */
export function useComplaintListQuery(): ListQueryControls<ComplaintFilters> {
  return useListQuery(parseFilters);
}
