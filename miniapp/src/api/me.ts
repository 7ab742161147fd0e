import { request } from './request';

export interface CustomerProfile {
  id: number;
  name: string | null;
  /** e.g. '138****5678'; null until a mobile is bound. */
  mobileMasked: string | null;
  hasMobile: boolean;
}

export function getMe(): Promise<CustomerProfile> {
  return request<CustomerProfile>({ path: '/me' });
}
