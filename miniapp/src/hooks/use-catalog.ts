import { listStores } from '../api/stores';
import { listVehicleModels } from '../api/vehicle-models';
import { useAsyncResource } from './use-async-resource';

export function useStores() {
  return useAsyncResource(listStores);
}

export function useVehicleModels() {
  return useAsyncResource(listVehicleModels);
}
