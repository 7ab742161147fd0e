import { listStores, type Store } from '../../api/org';
import { listVehicleModels, type VehicleModel } from '../../api/vehicles';
import { useRemoteData, type RemoteData } from '../../hooks/use-remote-data';
import { useTierNames } from '../members/use-tier-names';
import type { ConditionNames } from './segment-conditions';

export interface SegmentChoices {
  models: RemoteData<VehicleModel[]>;
  stores: RemoteData<Store[]>;
  /** Names for the conditions; an id whose list has not loaded (or is gone) reads as #id. */
  names: ConditionNames;
}

/**
 * What a segment's conditions pick from: the models on sale, the stores (a marketer's scope is the whole
 * company) and the tiers by their configured names.
 */
export function useSegmentChoices(): SegmentChoices {
  const models = useRemoteData(listVehicleModels);
  const stores = useRemoteData(listStores);
  const { nameOf } = useTierNames();
  const modelNames = new Map(models.data?.map((model) => [model.id, model.name]));
  const storeNames = new Map(stores.data?.map((store) => [store.id, store.name]));
  const names: ConditionNames = {
    tierName: nameOf,
    modelName: (modelId) => modelNames.get(modelId) ?? `#${modelId}`,
    storeName: (storeId) => storeNames.get(storeId) ?? `#${storeId}`,
  };
  return { models, stores, names };
}
