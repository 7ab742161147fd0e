import type { openingHoursSchema, storeSchema } from 'server/contracts/org.contract';
import { request } from './request';
import type { Wire } from './wire';

/** `weekday` is ISO (1 = Monday … 7 = Sunday); `opensAt`/`closesAt` are 'HH:mm', Asia/Shanghai. */
export type OpeningHours = Wire<typeof openingHoursSchema>;
export type Store = Wire<typeof storeSchema>;

export function listStores(): Promise<Store[]> {
  return request<Store[]>({ path: '/stores' });
}
