import request from 'supertest';
import { customerToken, DEMO_PASSWORD, staffToken } from '../support/api';
import { startTestServer, TestServer } from '../support/test-server';

describe('staff and customer authentication', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    // Behind a trusted proxy, so tests can speak from different client addresses.
    server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
    api = request(server.baseUrl);
  });
  afterAll(() => server.stop());

  it('logs the seeded admin in and returns tokens and the staff identity', async () => {
    const response = await api.post('/api/auth/staff/login').send({ username: 'admin', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      staff: { id: expect.any(Number), username: 'admin', name: '系统管理员', role: 'ADMIN', storeId: null, regionId: null },
    });
    const me = await api.get('/api/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'admin', role: 'ADMIN', store: null, region: null });
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS', async () => {
    const response = await api.post('/api/auth/staff/login').send({ username: 'director', password: 'wrong-password1' });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers 429 RATE_LIMITED after 10 failures in a minute for one username, even with the right password', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const failure = await api.post('/api/auth/staff/login').set('x-forwarded-for', `10.0.0.${attempt}`).send({ username: 'marketer', password: 'nope-nope-1' });
      expect(failure.status).toBe(401);
    }
    const blocked = await api.post('/api/auth/staff/login').send({ username: 'marketer', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
  });

  it('answers 429 after 10 failures in a minute from one address, whatever the usernames', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const failure = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.9.9.9').send({ username: `nobody${attempt}`, password: 'nope-nope-1' });
      expect(failure.status).toBe(401);
    }
    const blocked = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.9.9.9').send({ username: 'director', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    const elsewhere = await api.post('/api/auth/staff/login').set('x-forwarded-for', '10.9.9.10').send({ username: 'director', password: DEMO_PASSWORD });
    expect(elsewhere.status).toBe(200);
  });

  it('exchanges a refresh token for a new pair, and refuses an access token used as one', async () => {
    const login = await api.post('/api/auth/staff/login').send({ username: 'rm.sh', password: DEMO_PASSWORD });
    const refreshed = await api.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    expect((await api.get('/api/auth/me').set('authorization', `Bearer ${refreshed.body.accessToken}`)).status).toBe(200);
    expect((await api.post('/api/auth/refresh').send({ refreshToken: login.body.accessToken })).status).toBe(401);
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
    expect((await api.get('/api/auth/me').set('authorization', `Bearer ${token}`)).status).toBe(200);

    const deactivated = await api.post(`/api/staff/${created.body.id}/deactivate`).set('authorization', `Bearer ${admin}`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await api.get('/api/auth/me').set('authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await api.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
    expect((await api.post('/api/auth/staff/login').send({ username: 'leaver.one', password: 'Leaver12345' })).status).toBe(401);
  });

  it('logs a WeChat user in as the same customer for the same code, never exposing the session key', async () => {
    const first = await api.post('/api/auth/customer/wechat').send({ code: 'wx-code-e2e-1' });
    const second = await api.post('/api/auth/customer/wechat').send({ code: 'wx-code-e2e-1' });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['accessToken', 'customer']);
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
