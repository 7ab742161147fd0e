import { StaffRole } from 'server/contracts/enums.contract';
import { ROLE_SCOPE } from 'server/contracts/roles.contract';
import type * as contract from 'server/contracts/org.contract';
import { request } from './client';
import type { Wire } from 'server/contracts/wire.contract';

export const ROLES = Object.values(StaffRole);

export type Role = StaffRole;

export { ROLE_SCOPE };

export type OpeningHours = Wire<typeof contract.openingHoursSchema>;
export type Store = Wire<typeof contract.storeSchema>;
export type Region = Wire<typeof contract.regionSchema>;

export function listStores(signal?: AbortSignal): Promise<Store[]> {
  return request<Store[]>('/stores', { signal, authenticated: false });
}

export function listRegions(signal?: AbortSignal): Promise<Region[]> {
  return request<Region[]>('/regions', { signal, authenticated: false });
}
