import { useCallback } from 'react';
import { listStaff, type StaffItem } from '../api/staff';
import { useRemoteData, type RemoteData } from './use-remote-data';

/** Enough for any one store's or region's sales team; the staff list pages at most 100. */
const TEAM_PAGE_SIZE = 100;

export interface ConsultantScope {
  storeId?: number;
  regionId?: number;
  /** Leave out the deactivated (for assigning work); keep them for filtering history. */
  activeOnly?: boolean;
}

/** Sales consultants in a store or region (the server narrows further to what the caller may see). */
export function useConsultants({ storeId, regionId, activeOnly = false }: ConsultantScope, enabled = true): RemoteData<StaffItem[]> {
  const load = useCallback(
    async (signal: AbortSignal) => {
      if (!enabled) return [];
      const page = await listStaff(
        { role: 'CONSULTANT', storeId, regionId, active: activeOnly ? true : undefined, page: 1, pageSize: TEAM_PAGE_SIZE },
        signal,
      );
      return page.items;
    },
    [enabled, storeId, regionId, activeOnly],
  );
  return useRemoteData(load);
}

export function consultantOptions(consultants: StaffItem[]) {
  return consultants.map((consultant) => ({
    value: consultant.id,
    label: consultant.active ? `${consultant.name}（${consultant.username}）` : `${consultant.name}（已停用）`,
  }));
}
