import { request } from './request';

export interface OpeningHours {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'HH:mm', Asia/Shanghai. */
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

export function listStores(): Promise<Store[]> {
  return request<Store[]>({ path: '/stores' });
}
