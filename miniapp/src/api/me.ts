import { request } from './request';

export interface CustomerProfile {
  id: number;
  name: string | null;
  /** e.g. '138****5678'; null until a mobile is bound. */
  mobileMasked: string | null;
  hasMobile: boolean;
  /** Proved by an SMS code. Binding a car needs it: the car is on file under the mobile given at purchase. */
  mobileVerified: boolean;
  /** 'YYYY-MM-DD'; the birthday greeting (and its points) goes out on the day. */
  birthday: string | null;
}

/** What the customer may change of their profile (updateCustomerMeSchema in server/src/contracts/auth.contract.ts). */
export interface UpdateProfileInput {
  name?: string;
  /** 'YYYY-MM-DD', not after today; null clears it. */
  birthday?: string | null;
}

export function getMe(): Promise<CustomerProfile> {
  return request<CustomerProfile>({ path: '/me' });
}

/** Changes only the fields given; answers the whole profile. */
export function updateMe(input: UpdateProfileInput): Promise<CustomerProfile> {
  return request<CustomerProfile>({ method: 'PATCH', path: '/me', body: input });
}
