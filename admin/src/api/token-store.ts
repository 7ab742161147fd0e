export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

const STORAGE_KEY = 'dealer-crm.admin.session';

export function readTokens(): SessionTokens | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<SessionTokens>;
    if (typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string') {
      return { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken };
    }
  } catch {
    // A corrupt entry is treated as no session; it is overwritten at the next login.
  }
  return null;
}

export function saveTokens(tokens: SessionTokens): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
}

export function clearTokens(): void {
  localStorage.removeItem(STORAGE_KEY);
}
