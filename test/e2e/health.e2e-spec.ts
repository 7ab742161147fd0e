import request from 'supertest';
import { TcpProxy } from '../support/tcp-proxy';
import { preparedDatabase, startTestServer, TestDatabase, TestServer } from '../support/test-server';

async function waitForStatus(server: TestServer, status: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await request(server.baseUrl).get('/api/health');
      if (response.status === status) return response;
      last = `${response.status} ${JSON.stringify(response.body)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`health never answered ${status}; last: ${last}\nserver output:\n${server.logs()}`);
}

describe('health', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let server: TestServer;

  beforeAll(async () => {
    database = await preparedDatabase();
    proxy = new TcpProxy('127.0.0.1', 3306);
    const port = await proxy.start();
    const url = new URL(database.databaseUrl);
    url.host = `127.0.0.1:${port}`;
    server = await startTestServer({ database: { ...database, databaseUrl: url.toString() } });
  });
  afterAll(async () => {
    await server.stop();
    await proxy.stop();
    await database.drop();
  });

  it('reports ok while the database answers', async () => {
    const response = await request(server.baseUrl).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 while the database is down and recovers by itself when it returns', async () => {
    await proxy.stop();
    const down = await waitForStatus(server, 503);
    expect(down.body).toEqual({ status: 'error', db: 'down' });
    await proxy.start();
    const up = await waitForStatus(server, 200);
    expect(up.body).toEqual({ status: 'ok', db: 'ok' });
    expect((await request(server.baseUrl).get('/api/vehicle-models')).status).toBe(200);
  });
});
