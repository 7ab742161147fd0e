import { request } from './request';

export type EnergyType = 'ICE' | 'HEV' | 'PHEV' | 'BEV';

export interface VehicleTrim {
  id: number;
  name: string;
  /** Manufacturer's suggested retail price in fen. */
  msrpFen: number;
}

export interface VehicleModel {
  id: number;
  code: string;
  name: string;
  brand: string;
  energyType: EnergyType;
  bodyType: string;
  imageUrl: string | null;
  description: string;
  trims: VehicleTrim[];
}

export function listVehicleModels(): Promise<VehicleModel[]> {
  return request<VehicleModel[]>({ path: '/vehicle-models' });
}
