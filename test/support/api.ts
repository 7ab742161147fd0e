import request from 'supertest';

export const DEMO_PASSWORD = 'Admin@12345';

export async function staffToken(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await request(baseUrl).post('/api/auth/staff/login').send({ username, password });
  if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}

export async function customerToken(baseUrl: string, code = `e2e-${Math.random().toString(36).slice(2)}`): Promise<string> {
  const response = await request(baseUrl).post('/api/auth/customer/wechat').send({ code });
  if (response.status !== 200) throw new Error(`customer login failed: ${response.status}`);
  return response.body.accessToken as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let mobileCounter = 0;
/** A mainland mobile no other test in this process uses. */
export function uniqueMobile(): string {
  mobileCounter += 1;
  return `13${String(process.pid % 10)}${String(Date.now() % 100_000).padStart(5, '0')}${String(mobileCounter).padStart(3, '0')}`.slice(0, 11);
}

/** An ISO instant `hours` from now. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
