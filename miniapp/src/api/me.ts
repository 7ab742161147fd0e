import type { customerMeSchema, UpdateCustomerMeInput } from 'server/contracts/auth.contract';
import { request } from './request';
import type { Wire } from './wire';

/** `mobileVerified`: proved by an SMS code; binding a car needs it (the car is on file under the purchase mobile). */
export type CustomerProfile = Wire<typeof customerMeSchema>;

/** What the customer may change of their profile: a birthday 'YYYY-MM-DD' not after today, or null to clear it. */
export type UpdateProfileInput = UpdateCustomerMeInput;

export function getMe(): Promise<CustomerProfile> {
  return request<CustomerProfile>({ path: '/me' });
}

/** Changes only the fields given; answers the whole profile. */
export function updateMe(input: UpdateProfileInput): Promise<CustomerProfile> {
  return request<CustomerProfile>({ method: 'PATCH', path: '/me', body: input });
}
