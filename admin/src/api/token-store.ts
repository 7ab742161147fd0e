/**
 * The access token only, in this tab's sessionStorage: it survives a reload without a refresh round trip but is
 * not shared with other tabs nor kept after the tab closes. The refresh token never reaches script: the server
 * keeps it in an httpOnly cookie scoped to /api/auth.
 */
const STORAGE_KEY = 'dealer-crm.admin.access-token';

export function readAccessToken(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function saveAccessToken(accessToken: string): void {
  sessionStorage.setItem(STORAGE_KEY, accessToken);
}

export function clearAccessToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
