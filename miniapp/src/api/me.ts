import { request } from './request';

export interface CustomerProfile {
  id: number;
  name: string | null;
  /** e.g. '138****5678'; null until a mobile is bound. */
  mobileMasked: string | null;
  hasMobile: boolean;
  /** Proved by an SMS code. Binding a car needs it: the car is on file under the mobile given at purchase. */
  mobileVerified: boolean;
}

export function getMe(): Promise<CustomerProfile> {
  return request<CustomerProfile>({ path: '/me' });
}
