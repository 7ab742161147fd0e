import { useCallback } from 'react';
import { getMyVehicle, listMyVehicles, type OwnerVehicle, type OwnerVehicleFile } from '../api/vehicles';
import { useShownResource } from './use-shown-resource';

const NOT_LOADED: OwnerVehicle[] = [];

/** The owner's bound cars; loaded only when `enabled` (signed in), re-read when the page shows again. */
export function useMyVehicles(enabled: boolean) {
  const load = useCallback(() => (enabled ? listMyVehicles() : Promise.resolve(NOT_LOADED)), [enabled]);
  return useShownResource(load);
}

/** One car's file (schedule, service history); nothing is loaded until the car is known. */
export function useMyVehicleFile(vehicleId: number | null) {
  const load = useCallback(
    () => (vehicleId ? getMyVehicle(vehicleId) : Promise.resolve<OwnerVehicleFile | undefined>(undefined)),
    [vehicleId],
  );
  return useShownResource(load);
}
