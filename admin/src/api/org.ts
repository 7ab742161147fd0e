import { StaffRole } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/org.contract';
import { request } from './client';
import type { Wire } from './wire';

export const ROLES = Object.values(StaffRole);

export type Role = StaffRole;

/**
 * The org unit a role belongs to, which is also the data it sees: a store role must have a
 * store, a region role a region; company roles have neither.
 */
export const ROLE_SCOPE: Record<Role, 'store' | 'region' | 'company'> = {
  ADMIN: 'company',
  CONSULTANT: 'store',
  DIRECTOR: 'company',
  MARKETER: 'company',
  REGION_MANAGER: 'region',
  SERVICE_ADVISOR: 'store',
  STORE_MANAGER: 'store',
};

export type OpeningHours = Wire<typeof contract.openingHoursSchema>;
export type Store = Wire<typeof contract.storeSchema>;
export type Region = Wire<typeof contract.regionSchema>;

export function listStores(signal?: AbortSignal): Promise<Store[]> {
  return request<Store[]>('/stores', { signal, authenticated: false });
}

export function listRegions(signal?: AbortSignal): Promise<Region[]> {
  return request<Region[]>('/regions', { signal, authenticated: false });
}
