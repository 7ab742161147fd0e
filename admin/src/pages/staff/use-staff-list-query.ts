import { ROLES, type Role } from '../../api/org';
import type { StaffListQuery } from '../../api/staff';
import { useListQuery, type ListQueryControls } from '../../hooks/use-list-query';
import { positiveInt } from '../../route-params';

export type StaffFilters = Omit<StaffListQuery, 'page' | 'pageSize'>;

function parseFilters(params: URLSearchParams): StaffFilters {
  const role = params.get('role');
  const active = params.get('active');
  return {
    q: params.get('q') || undefined,
    role: ROLES.includes(role as Role) ? (role as Role) : undefined,
    storeId: positiveInt(params.get('storeId')),
    active: active === 'true' ? true : active === 'false' ? false : undefined,
  };
}

/**
 * The staff list's search, filters and page, kept in the URL so a reload or a shared link
 * shows the same list. Changing a filter goes back to page 1.
 */
export function useStaffListQuery(): ListQueryControls<StaffFilters> {
  return useListQuery(parseFilters);
}
