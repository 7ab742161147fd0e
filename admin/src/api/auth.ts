import { request } from './client';
import type { Role } from './org';
import { clearTokens, saveTokens } from './token-store';

export interface SessionStaff {
  id: number;
  username: string;
  name: string;
  role: Role;
  storeId: number | null;
  regionId: number | null;
}

export interface LoginResult {
  accessToken: string;
  refreshToken: string;
  staff: SessionStaff;
}

export interface CurrentStaff extends SessionStaff {
  mobile: string | null;
  store: { id: number; name: string } | null;
  region: { id: number; name: string } | null;
}

/** Signs in and keeps the tokens for every later request. */
export async function login(username: string, password: string): Promise<SessionStaff> {
  const result = await request<LoginResult>('/auth/staff/login', {
    method: 'POST',
    body: { username, password },
    authenticated: false,
  });
  saveTokens({ accessToken: result.accessToken, refreshToken: result.refreshToken });
  return result.staff;
}

export function logout(): void {
  clearTokens();
}

export function fetchCurrentStaff(signal?: AbortSignal): Promise<CurrentStaff> {
  return request<CurrentStaff>('/auth/me', { signal });
}
