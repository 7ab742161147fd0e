import { endServerSession, request } from './client';
import type { Role } from './org';
import { saveAccessToken } from './token-store';

export interface SessionStaff {
  id: number;
  username: string;
  name: string;
  role: Role;
  storeId: number | null;
  regionId: number | null;
}

/** The refresh token comes as an httpOnly cookie, not in the body. */
export interface LoginResult {
  accessToken: string;
  staff: SessionStaff;
}

export interface CurrentStaff extends SessionStaff {
  mobile: string | null;
  store: { id: number; name: string } | null;
  region: { id: number; name: string } | null;
}

/** Signs in and keeps the access token for every later request of this tab. */
export async function login(username: string, password: string): Promise<SessionStaff> {
  const result = await request<LoginResult>('/auth/staff/login', {
    method: 'POST',
    body: { username, password },
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
