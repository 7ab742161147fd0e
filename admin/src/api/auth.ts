import type { z } from 'zod';
import { endServerSession, request } from './client';
import type * as contract from 'server/contracts/auth.contract';
import { saveAccessToken } from './token-store';
import type { Wire } from 'server/contracts/wire.contract';

export type SessionStaff = Wire<typeof contract.staffIdentitySchema>;
/** The refresh token comes as an httpOnly cookie, not in the body. */
export type LoginResult = Wire<typeof contract.staffLoginResultSchema>;
export type CurrentStaff = Wire<typeof contract.staffMeSchema>;

/** Signs in and keeps the access token for every later request of this tab. */
export async function login(username: string, password: string): Promise<SessionStaff> {
  const result = await request<LoginResult>('/auth/staff/login', {
    method: 'POST',
    body: { username, password } satisfies z.input<typeof contract.staffLoginSchema>,
    authenticated: false,
  });
  saveAccessToken(result.accessToken);
  return result.staff;
}

/** Ends the sign-in on the server too, so the refresh cookie is worthless even if copied. */
export function logout(): Promise<void> {
  return endServerSession();
}

export function fetchCurrentStaff(signal?: AbortSignal): Promise<CurrentStaff> {
  return request<CurrentStaff>('/auth/me', { signal });
}
