import request from 'supertest';
import { withVinCheckDigit } from '../../server/src/contracts/vin.rules';

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

/** Signs a customer in with an SMS code (the dev gateway answers the code), which proves the mobile is theirs. */
export async function ownerToken(baseUrl: string, mobile: string): Promise<string> {
  const sent = await request(baseUrl).post('/api/auth/customer/sms-code').send({ mobile });
  if (sent.status !== 200 && sent.status !== 201) throw new Error(`sms code for ${mobile} failed: ${sent.status}`);
  const response = await request(baseUrl).post('/api/auth/customer/sms-login').send({ mobile, code: sent.body.devCode });
  if (response.status !== 200) throw new Error(`sms login failed: ${response.status} ${JSON.stringify(response.body)}`);
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

let vehicleCounter = 0;
/** A valid VIN (check digit right) that no other test in this process uses. */
export function uniqueVin(): string {
  vehicleCounter += 1;
  const serial = String((Math.floor(Math.random() * 10_000) * 100 + vehicleCounter) % 1_000_000).padStart(6, '0');
  return withVinCheckDigit(`LSVAE20A0RS${serial}`);
}

/** A Shanghai plate no other test in this process uses: 沪 + office letter + 5 characters. */
export function uniquePlate(): string {
  vehicleCounter += 1;
  return `沪B${String((Math.floor(Math.random() * 1000) * 100 + vehicleCounter) % 100_000).padStart(5, '0')}`;
}

/** A supertest parser that keeps a binary body (an .xlsx download) as one Buffer. */
export function binaryBody(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}
