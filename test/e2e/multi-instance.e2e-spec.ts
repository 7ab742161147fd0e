import { connect } from 'node:net';
import request from 'supertest';
import { DEMO_PASSWORD } from '../support/api';
import { preparedDatabase, startTestServer, TestDatabase, TestServer } from '../support/test-server';

/** Empties one Redis database so counters from an earlier run cannot leak into this one. */
function flushRedisDatabase(db: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(6379, '127.0.0.1', () => socket.write(`SELECT ${db}\r\nFLUSHDB\r\nQUIT\r\n`));
    socket.on('error', reject);
    socket.on('close', () => resolve());
    socket.resume();
  });
}

describe('several API instances behind a load balancer', () => {
  let database: TestDatabase;
  let instances: TestServer[];
  const redisDb = String(1 + (process.pid % 14));

  beforeAll(async () => {
    await flushRedisDatabase(redisDb);
    database = await preparedDatabase();
    const env = { REDIS_URL: `redis://127.0.0.1:6379/${redisDb}` };
    instances = await Promise.all([startTestServer({ database, env }), startTestServer({ database, env })]);
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.drop();
  });

  it('accepts a token issued by one instance on the other', async () => {
    const login = await request(instances[0].baseUrl).post('/api/auth/staff/login').send({ username: 'admin', password: DEMO_PASSWORD });
    const me = await request(instances[1].baseUrl).get('/api/auth/me').set('authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
  });

  it('counts login failures across instances through Redis', async () => {
    const username = `shared.${Date.now()}`;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const instance = instances[attempt % 2];
      expect((await request(instance.baseUrl).post('/api/auth/staff/login').send({ username, password: 'wrong-pass-1' })).status).toBe(401);
    }
    for (const instance of instances) {
      const blocked = await request(instance.baseUrl).post('/api/auth/staff/login').send({ username, password: 'wrong-pass-1' });
      expect(blocked.status).toBe(429);
    }
  });

  it('limits SMS codes to one a minute per mobile across instances', async () => {
    const mobile = `1350000${String(Date.now()).slice(-4)}`;
    expect((await request(instances[0].baseUrl).post('/api/auth/customer/sms-code').send({ mobile })).status).toBe(200);
    expect((await request(instances[1].baseUrl).post('/api/auth/customer/sms-code').send({ mobile })).status).toBe(429);
  });
});

describe('several API instances without Redis', () => {
  let database: TestDatabase;
  let instances: TestServer[];

  beforeAll(async () => {
    database = await preparedDatabase();
    instances = await Promise.all([startTestServer({ database }), startTestServer({ database })]);
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.drop();
  });

  it('shares the login failure limit through the database: of 50 simultaneous wrong passwords over two instances at most 10 are checked', async () => {
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, index) => request(instances[index % 2].baseUrl).post('/api/auth/staff/login').send({ username: 'director', password: 'wrong-pass-1' })),
    );
    const unauthorized = burst.filter((response) => response.status === 401).length;
    expect(unauthorized).toBeLessThanOrEqual(10);
    expect(burst.filter((response) => response.status === 429)).toHaveLength(50 - unauthorized);
  });

  it('rotates a refresh token once across instances', async () => {
    const login = await request(instances[0].baseUrl).post('/api/auth/customer/wechat').send({ code: 'wx-two-instances' });
    const both = await Promise.all(instances.map((instance) => request(instance.baseUrl).post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken })));
    expect(both.map((response) => response.status).sort()).toEqual([200, 401]);
  });
});
