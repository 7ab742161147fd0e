import type { EnergyType } from 'server/contracts/enums.contract';
import type { vehicleModelSchema } from 'server/contracts/vehicle-models.contract';
import { request } from './request';
import type { Wire } from './wire';

export type { EnergyType };
/** `trims[].msrpFen`: the manufacturer's suggested retail price in fen. */
export type VehicleModel = Wire<typeof vehicleModelSchema>;

export function listVehicleModels(): Promise<VehicleModel[]> {
  return request<VehicleModel[]>({ path: '/vehicle-models' });
}
