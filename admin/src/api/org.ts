import { request } from './client';

export const ROLES = [
  'ADMIN',
  'DIRECTOR',
  'REGION_MANAGER',
  'STORE_MANAGER',
  'CONSULTANT',
  'SERVICE_ADVISOR',
  'MARKETER',
] as const;

export type Role = (typeof ROLES)[number];

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

export interface OpeningHours {
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  opensAt: string;
  closesAt: string;
}

export interface Store {
  id: number;
  code: string;
  name: string;
  regionId: number;
  regionName: string;
  city: string;
  address: string;
  phone: string;
  openingHours: OpeningHours[];
}

export interface Region {
  id: number;
  code: string;
  name: string;
}

export function listStores(signal?: AbortSignal): Promise<Store[]> {
  return request<Store[]>('/stores', { signal, authenticated: false });
}

export function listRegions(signal?: AbortSignal): Promise<Region[]> {
  return request<Region[]>('/regions', { signal, authenticated: false });
}
