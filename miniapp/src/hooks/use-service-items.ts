import { useCallback } from 'react';
import { listServiceItems, type ServiceItem } from '../api/service';
import { useAsyncResource } from './use-async-resource';

const NO_ITEMS: ServiceItem[] = [];

/** The jobs on a model's maintenance schedule; none are loaded until the model is known. */
export function useServiceItems(modelId: number | null) {
  const load = useCallback(() => (modelId ? listServiceItems(modelId) : Promise.resolve(NO_ITEMS)), [modelId]);
  return useAsyncResource(load);
}
