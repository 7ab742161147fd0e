import { request } from './client';

export interface VehicleTrim {
  id: number;
  code: string;
  name: string;
  msrpFen: number;
}

export interface VehicleModel {
  id: number;
  code: string;
  name: string;
  brand: string;
  trims: VehicleTrim[];
}

export function listVehicleModels(signal?: AbortSignal): Promise<VehicleModel[]> {
  return request<VehicleModel[]>('/vehicle-models', { signal, authenticated: false });
}
