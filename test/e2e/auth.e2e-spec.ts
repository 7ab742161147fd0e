import request from 'supertest';
import { bearer, customerToken, DEMO_PASSWORD, staffToken, uniqueMobile } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

/** The refresh token the server set as the session cookie, and the cookie's attributes. */
function sessionCookie(response: request.Response): { token: string; attributes: string } {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('dealer_refresh='));
  if (!header) throw new Error(`no session cookie in ${JSON.stringify(response.headers)}`);
  const [pair, ...attributes] = header.split('; ');
  return { token: decodeURIComponent(pair.slice('dealer_refresh='.length)), attributes: attributes.join('; ') };
}

const cookieHeader = (token: string) => ({ cookie: `dealer_refresh=${encodeURIComponent(token)}` });

function countStatuses(responses: request.Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

describe('staff and customer authentication', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    // Behind a trusted proxy, so tests can speak from different client addresses; the per-address SMS limits at
    // their production values (the test server raises them for the other suites).
    server = await startTestServer({ env: { TRUST_PROXY: 'true', SMS_SENDS_PER_IP_PER_HOUR: '20', SMS_LOGINS_PER_IP_PER_10_MINUTES: '30' } });
    api = request(server.baseUrl);
  });
  afterAll(() => server.stop());

  it('logs the seeded admin in with the access token in the body and the refresh token only in an httpOnly cookie', async () => {
    const response = await api.post('/api/auth/staff/login').send({ username: 'admin', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      staff: { id: expect.any(Number), username: 'admin', name: '系统管理员', role: 'ADMIN', storeId: null, regionId: null },
    });
    const cookie = sessionCookie(response);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);
    expect(cookie.attributes).toMatch(/Path=\/api\/auth/);
    expect(cookie.attributes).not.toMatch(/Secure/);
    const overHttps = await api.post('/api/auth/staff/login').set('x-forwarded-proto', 'https').send({ username: 'admin', password: DEMO_PASSWORD });
    expect(sessionCookie(overHttps).attributes).toMatch(/Secure/);
    const me = await api.get('/api/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'admin', role: 'ADMIN', store: null, region: null });
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS', async () => {
    const response = await api.post('/api/auth/staff/login').send({ username: 'director', password: 'wrong-password1' });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers 429 RATE_LIMITED with Retry-After after 10 failures of one username from one address, even with the right password', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const failure = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.0.0.1').send({ username: 'marketer', password: 'nope-nope-1' });
      expect(failure.status).toBe(401);
    }
    const blocked = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.0.0.1').send({ username: 'marketer', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });

  it('lets the right password in from an address with no failures while another address has used up the username\'s tries', async () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.66.0.1').send({ username: 'admin', password: 'attacker-guess-1' });
    }
    expect((await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.66.0.1').send({ username: 'admin', password: DEMO_PASSWORD })).status).toBe(429);
    const fromOffice = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.66.0.2').send({ username: 'admin', password: DEMO_PASSWORD });
    expect(fromOffice.status).toBe(200);
  });

  it('holds the failure limit under a burst: of 50 simultaneous wrong passwords at most 10 are checked, the rest answer 429', async () => {
    const burst = await Promise.all(
      Array.from({ length: 50 }, () => api.post('/api/auth/staff/login').set('x-forwarded-for', '10.77.0.1').send({ username: 'director', password: 'burst-guess-1' })),
    );
    const statuses = countStatuses(burst);
    expect(statuses[401] ?? 0).toBeLessThanOrEqual(10);
    expect((statuses[401] ?? 0) + (statuses[429] ?? 0)).toBe(50);
    for (const refused of burst.filter((response) => response.status === 429)) expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('clears a pair\'s failures when the right password comes, as a bank does', async () => {
    const from = { 'x-forwarded-for': '10.88.0.1' };
    for (let attempt = 0; attempt < 9; attempt += 1) expect((await api.post('/api/auth/staff/login').set(from).send({ username: 'rm.sh', password: 'typo-typo-1' })).status).toBe(401);
    expect((await api.post('/api/auth/staff/login').set(from).send({ username: 'rm.sh', password: DEMO_PASSWORD })).status).toBe(200);
    for (let attempt = 0; attempt < 9; attempt += 1) expect((await api.post('/api/auth/staff/login').set(from).send({ username: 'rm.sh', password: 'typo-typo-1' })).status).toBe(401);
  });

  it('answers 429 after 30 failures in 15 minutes from one address, whatever the usernames', async () => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const failure = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.9.9.9').send({ username: `nobody${attempt}`, password: 'nope-nope-1' });
      expect(failure.status).toBe(401);
    }
    const blocked = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.9.9.9').send({ username: 'director', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    const elsewhere = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.9.9.10').send({ username: 'director', password: DEMO_PASSWORD });
    expect(elsewhere.status).toBe(200);
  });

  it('renews the admin session from the cookie alone, setting the next refresh token as the cookie', async () => {
    const login = await api.post('/api/auth/staff/login').send({ username: 'rm.sh', password: DEMO_PASSWORD });
    const refreshed = await api.post('/api/auth/refresh').set(cookieHeader(sessionCookie(login).token)).send({});
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ accessToken: expect.any(String) });
    expect(sessionCookie(refreshed).token).not.toBe(sessionCookie(login).token);
    expect((await api.get('/api/auth/me').set(bearer(refreshed.body.accessToken))).status).toBe(200);
    expect((await api.post('/api/auth/refresh').send({ refreshToken: login.body.accessToken })).status).toBe(401);
    expect((await api.post('/api/auth/refresh').send({})).status).toBe(401);
  });

  it('rotates refresh tokens: each works once, and a spent one used again revokes its whole family', async () => {
    const login = await api.post('/api/auth/staff/login').send({ username: 'rm.sh', password: DEMO_PASSWORD });
    const first = sessionCookie(login).token;
    const second = await api.post('/api/auth/refresh').send({ refreshToken: first });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    const reused = await api.post('/api/auth/refresh').send({ refreshToken: first });
    expect(reused.status).toBe(401);
    // The thief's reuse ended the family: the token the owner holds is refused too.
    expect((await api.post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken })).status).toBe(401);
  });

  it('lets exactly one of two simultaneous refreshes with the same token succeed', async () => {
    const login = await api.post('/api/auth/staff/login').send({ username: 'rm.sh', password: DEMO_PASSWORD });
    const token = sessionCookie(login).token;
    const both = await Promise.all([api.post('/api/auth/refresh').send({ refreshToken: token }), api.post('/api/auth/refresh').send({ refreshToken: token })]);
    expect(both.map((response) => response.status).sort()).toEqual([200, 401]);
  });

  it('ends a staff sign-in on logout with the cookie, and a customer sign-in on logout with the body token', async () => {
    const login = await api.post('/api/auth/staff/login').send({ username: 'rm.sh', password: DEMO_PASSWORD });
    const staffRefresh = sessionCookie(login).token;
    const loggedOut = await api.post('/api/auth/logout').set(cookieHeader(staffRefresh)).send({});
    expect(loggedOut.status).toBe(204);
    expect(sessionCookie(loggedOut)).toEqual({ token: '', attributes: expect.stringMatching(/Max-Age=0/) });
    expect((await api.post('/api/auth/refresh').set(cookieHeader(staffRefresh)).send({})).status).toBe(401);

    const customer = await api.post('/api/auth/customer/wechat').send({ code: 'wx-logout-1' });
    expect(customer.body.refreshToken).toEqual(expect.any(String));
    expect((await api.post('/api/auth/logout').send({ refreshToken: customer.body.refreshToken })).status).toBe(204);
    expect((await api.post('/api/auth/refresh').send({ refreshToken: customer.body.refreshToken })).status).toBe(401);
    expect((await api.post('/api/auth/logout').send({ refreshToken: 'not-a-token' })).status).toBe(204);
  });

  it('logs a customer out on every device: access and refresh tokens stop at once', async () => {
    const phone = await api.post('/api/auth/customer/wechat').send({ code: 'wx-logout-all-1' });
    const tablet = await api.post('/api/auth/customer/wechat').send({ code: 'wx-logout-all-1' });
    const renewed = await api.post('/api/auth/refresh').send({ refreshToken: phone.body.refreshToken });
    expect(renewed.status).toBe(200);
    expect((await api.get('/api/me').set(bearer(renewed.body.accessToken))).status).toBe(200);

    expect((await api.post('/api/auth/logout-all').set(bearer(renewed.body.accessToken))).status).toBe(204);
    expect((await api.get('/api/me').set(bearer(renewed.body.accessToken))).status).toBe(401);
    expect((await api.get('/api/me').set(bearer(tablet.body.accessToken))).status).toBe(401);
    expect((await api.post('/api/auth/refresh').send({ refreshToken: tablet.body.refreshToken })).status).toBe(401);
    expect((await api.post('/api/auth/refresh').send({ refreshToken: renewed.body.refreshToken })).status).toBe(401);
    const again = await api.post('/api/auth/customer/wechat').send({ code: 'wx-logout-all-1' });
    expect((await api.get('/api/me').set(bearer(again.body.accessToken))).status).toBe(200);
  });

  it('logs a staff member out on every device', async () => {
    const desk = await api.post('/api/auth/staff/login').send({ username: 'sa.shpd', password: DEMO_PASSWORD });
    const laptop = await api.post('/api/auth/staff/login').send({ username: 'sa.shpd', password: DEMO_PASSWORD });
    expect((await api.post('/api/auth/logout-all').set(bearer(desk.body.accessToken))).status).toBe(204);
    expect((await api.get('/api/auth/me').set(bearer(laptop.body.accessToken))).status).toBe(401);
    expect((await api.post('/api/auth/refresh').set(cookieHeader(sessionCookie(laptop).token)).send({})).status).toBe(401);
  });

  it('ends a deleted customer\'s sessions: the refresh token no longer works', async () => {
    const mobile = uniqueMobile();
    const sent = await api.post('/api/auth/customer/sms-code').set('x-forwarded-for', '10.40.0.1').send({ mobile });
    const login = await api.post('/api/auth/customer/sms-login').set('x-forwarded-for', '10.40.0.1').send({ mobile, code: sent.body.devCode });
    expect((await api.post('/api/me/privacy/deletion').set(bearer(login.body.accessToken)).send({ confirm: '注销' })).status).toBe(200);
    expect((await api.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
    expect((await api.get('/api/me').set(bearer(login.body.accessToken))).status).toBe(401);
  });

  it('stops a deactivated person\'s access and refresh tokens at once', async () => {
    const admin = await staffToken(server.baseUrl, 'admin');
    const created = await api
      .post('/api/staff')
      .set('authorization', `Bearer ${admin}`)
      .send({ username: 'leaver.one', password: 'Leaver12345', name: '离职员工', role: 'CONSULTANT', storeId: 1 });
    expect(created.status).toBe(201);
    const login = await api.post('/api/auth/staff/login').send({ username: 'leaver.one', password: 'Leaver12345' });
    const token = login.body.accessToken as string;
    const refreshToken = sessionCookie(login).token;
    expect((await api.get('/api/auth/me').set('authorization', `Bearer ${token}`)).status).toBe(200);

    const deactivated = await api.post(`/api/staff/${created.body.id}/deactivate`).set('authorization', `Bearer ${admin}`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await api.get('/api/auth/me').set('authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await api.post('/api/auth/refresh').send({ refreshToken })).status).toBe(401);
    expect((await api.post('/api/auth/staff/login').send({ username: 'leaver.one', password: 'Leaver12345' })).status).toBe(401);
  });

  it('logs a WeChat user in as the same customer for the same code, never exposing the session key', async () => {
    const first = await api.post('/api/auth/customer/wechat').send({ code: 'wx-code-e2e-1' });
    const second = await api.post('/api/auth/customer/wechat').send({ code: 'wx-code-e2e-1' });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['accessToken', 'customer', 'refreshToken']);
    expect(second.body.customer.id).toBe(first.body.customer.id);
    expect(JSON.stringify(first.body)).not.toMatch(/session_?key/i);
  });

  it('sends an SMS code once a minute per mobile and logs in with it, one customer per mobile', async () => {
    const sent = await api.post('/api/auth/customer/sms-code').send({ mobile: '13912345678' });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ sent: true, devCode: expect.stringMatching(/^\d{6}$/) });
    const again = await api.post('/api/auth/customer/sms-code').send({ mobile: '13912345678' });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('SMS_TOO_FREQUENT');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);

    const wrong = await api.post('/api/auth/customer/sms-login').send({ mobile: '13912345678', code: '000000' === sent.body.devCode ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('SMS_CODE_INVALID');

    const login = await api.post('/api/auth/customer/sms-login').send({ mobile: '13912345678', code: sent.body.devCode });
    expect(login.status).toBe(200);
    const reused = await api.post('/api/auth/customer/sms-login').send({ mobile: '13912345678', code: sent.body.devCode });
    expect(reused.status).toBe(400);

    const me = await api.get('/api/me').set('authorization', `Bearer ${login.body.accessToken}`);
    expect(me.body).toEqual({ id: login.body.customer.id, name: null, mobileMasked: '139****5678', hasMobile: true, mobileVerified: true, birthday: null });
  });

  it('counts wrong SMS codes atomically: after 40 simultaneous wrong guesses the right code no longer signs in', async () => {
    const mobile = uniqueMobile();
    const from = { 'x-forwarded-for': '10.50.0.1' };
    const sent = await api.post('/api/auth/customer/sms-code').set(from).send({ mobile });
    const wrong = sent.body.devCode === '000000' ? '111111' : '000000';
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, index) => api.post('/api/auth/customer/sms-login').set({ 'x-forwarded-for': `10.51.0.${index}` }).send({ mobile, code: wrong })),
    );
    expect(countStatuses(guesses)).toEqual({ 400: 40 });
    const right = await api.post('/api/auth/customer/sms-login').set(from).send({ mobile, code: sent.body.devCode });
    expect(right.status).toBe(400);
    expect(right.body.code).toBe('SMS_CODE_INVALID');
    const [code] = await sql<{ attempts: number }>(server.databaseUrl, 'SELECT attempts FROM sms_codes WHERE mobile = ?', [mobile]);
    expect(code.attempts).toBe(5);
  });

  it('voids the older unused code of a mobile when a new one is sent', async () => {
    const mobile = uniqueMobile();
    const from = { 'x-forwarded-for': '10.52.0.1' };
    expect((await api.post('/api/auth/customer/sms-code').set(from).send({ mobile })).status).toBe(200);
    // As if the 60-second resend interval had passed.
    await sql(server.databaseUrl, "DELETE FROM rate_limit_counters WHERE `key` LIKE 'rl:sms:resend:%'");
    expect((await api.post('/api/auth/customer/sms-code').set(from).send({ mobile })).status).toBe(200);
    const live = await sql(server.databaseUrl, 'SELECT id FROM sms_codes WHERE mobile = ? AND consumed_at IS NULL AND expires_at > NOW(3)', [mobile]);
    expect(live).toHaveLength(1);
  });

  it('sends a mobile at most 5 codes an hour, answering 429 RATE_LIMITED with Retry-After', async () => {
    const mobile = uniqueMobile();
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let send = 0; send < 6; send += 1) {
      await sql(server.databaseUrl, "DELETE FROM rate_limit_counters WHERE `key` LIKE 'rl:sms:resend:%'");
      last = await api.post('/api/auth/customer/sms-code').set({ 'x-forwarded-for': `10.53.0.${send}` }).send({ mobile });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last!.body.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(3600);
  });

  it('sends at most 20 codes an hour to one address, whatever the mobiles', async () => {
    const from = { 'x-forwarded-for': '10.54.0.1' };
    for (let send = 0; send < 20; send += 1) expect((await api.post('/api/auth/customer/sms-code').set(from).send({ mobile: uniqueMobile() })).status).toBe(200);
    const refused = await api.post('/api/auth/customer/sms-code').set(from).send({ mobile: uniqueMobile() });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles SMS sign-in tries per address: the 31st in 10 minutes answers 429 with Retry-After', async () => {
    const from = { 'x-forwarded-for': '10.55.0.1' };
    for (let attempt = 0; attempt < 30; attempt += 1) {
      expect((await api.post('/api/auth/customer/sms-login').set(from).send({ mobile: uniqueMobile(), code: '123123' })).status).toBe(400);
    }
    const refused = await api.post('/api/auth/customer/sms-login').set(from).send({ mobile: uniqueMobile(), code: '123123' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(600);
  });

  it('refuses a mobile that is not a mainland mobile', async () => {
    const response = await api.post('/api/auth/customer/sms-code').send({ mobile: '12345' });
    expect(response.status).toBe(400);
    expect(response.body.details[0].path).toBe('mobile');
  });

  it('never lets a customer token pass a staff route nor a staff token a customer route', async () => {
    const customer = await customerToken(server.baseUrl);
    const staff = await staffToken(server.baseUrl, 'admin');
    expect((await api.get('/api/auth/me').set('authorization', `Bearer ${customer}`)).status).toBe(403);
    expect((await api.get('/api/staff').set('authorization', `Bearer ${customer}`)).status).toBe(403);
    expect((await api.get('/api/me').set('authorization', `Bearer ${staff}`)).status).toBe(403);
    expect((await api.get('/api/me').set('authorization', `Bearer ${customer}`)).status).toBe(200);
  });
});
