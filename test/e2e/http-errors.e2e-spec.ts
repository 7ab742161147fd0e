import request from 'supertest';
import { staffToken } from '../support/api';
import { startTestServer, TestServer } from '../support/test-server';

describe('HTTP error answers', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
  });
  afterAll(() => server.stop());

  it('answers invalid input with 400 VALIDATION_FAILED naming each bad field', async () => {
    const response = await api.post('/api/auth/staff/login').send({ username: 42 });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', requestId: expect.any(String) });
    expect(response.body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['password', 'username']);
  });

  it('answers malformed JSON with a 400 in the same shape', async () => {
    const response = await api.post('/api/auth/staff/login').set('content-type', 'application/json').send('{"username":');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST', message: expect.any(String) });
  });

  it('answers a body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await api.post('/api/auth/staff/login').send({ username: 'x'.repeat(1_100_000), password: 'y' });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with JSON 404 NOT_FOUND', async () => {
    const response = await api.get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('echoes a caller-supplied request id and invents one otherwise', async () => {
    const echoed = await api.get('/api/no-such-thing').set('x-request-id', 'trace-abc-12345');
    expect(echoed.body.requestId).toBe('trace-abc-12345');
    expect(echoed.headers['x-request-id']).toBe('trace-abc-12345');
    const invented = await api.get('/api/health');
    expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a missing, malformed or forged token with 401', async () => {
    expect((await api.get('/api/auth/me')).status).toBe(401);
    expect((await api.get('/api/auth/me').set('authorization', 'Bearer not-a-jwt')).status).toBe(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwidHlwIjoic3RhZmYiLCJ1c2UiOiJhY2Nlc3MiLCJ2ZXIiOjB9.c2lnbmF0dXJlLWZyb20tc29tZW9uZS1lbHNl';
    const response = await api.get('/api/auth/me').set('authorization', `Bearer ${forged}`);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHORIZED');
  });

  it('answers a role that may not call a route with 403 FORBIDDEN', async () => {
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    const response = await api.post('/api/staff').set('authorization', `Bearer ${consultant}`).send({});
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('never answers 500 to hostile input', async () => {
    const admin = await staffToken(server.baseUrl, 'admin');
    const hostile: Array<[string, string, unknown]> = [
      ['post', '/api/staff', { username: 'a'.repeat(500), password: null, role: 'KING' }],
      ['post', '/api/staff', []],
      ['post', '/api/staff', 'just a string'],
      ['patch', '/api/staff/abc', { name: 'x' }],
      ['patch', '/api/staff/99999999999999999999', { name: 'x' }],
      ['get', '/api/staff?page=-1&pageSize=100000&role=KING', undefined],
      ['post', '/api/auth/refresh', { refreshToken: { $gt: '' } }],
      ['post', '/api/auth/customer/sms-code', { mobile: "1' OR 1=1 --" }],
      ['post', '/api/auth/customer/wechat', { code: '' }],
    ];
    for (const [method, path, body] of hostile) {
      const call = (api as unknown as Record<string, (path: string) => request.Test>)[method](path).set('authorization', `Bearer ${admin}`);
      const response = body === undefined ? await call : await call.send(body as object);
      expect({ path, status: response.status, hasCode: typeof response.body.code }).toEqual({
        path,
        status: expect.any(Number),
        hasCode: 'string',
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});
