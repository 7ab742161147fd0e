import type { VehicleListQuery } from '../../api/vehicles';
import { useListQuery, type ListQueryControls } from '../../hooks/use-list-query';
import { positiveInt } from '../../route-params';

export type VehicleFilters = Omit<VehicleListQuery, 'page' | 'pageSize'>;

function parseFilters(params: URLSearchParams): VehicleFilters {
  return {
    q: params.get('q') || undefined,
    storeId: positiveInt(params.get('storeId')),
    modelId: positiveInt(params.get('modelId')),
  };
}

/** The vehicle list's search, filters and page, kept in the URL; a new filter goes back to page 1. */
export function useVehicleListQuery(): ListQueryControls<VehicleFilters> {
  return useListQuery(parseFilters);
}
