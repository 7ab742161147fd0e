import mysql from 'mysql2/promise';
import request from 'supertest';
import { bearer, staffToken } from '../support/api';
import { startTestServer, TestServer } from '../support/test-server';

const JOB = 'escalate-late-complaints';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Scheduled jobs take a MySQL GET_LOCK so one instance runs each at a time. The lock lives on a connection of its
 * own for exactly the run: a run longer than any limit still releases it, and a holder that disappears frees it.
 */
describe('job locks', () => {
  let server: TestServer;
  let admin: string;
  const run = () => request(server.baseUrl).post(`/api/dev/jobs/${JOB}/run`).set(bearer(admin));

  beforeAll(async () => {
    // A 1 s limit (10 minutes by default), so a run past it is quick to make.
    server = await startTestServer({ env: { CLOCK_MODE: 'controlled', JOB_MAX_RUN_SECONDS: '1' } });
    admin = await staffToken(server.baseUrl, 'admin');
  });
  afterAll(() => server?.stop());

  it('lets the next run go ahead after a run that took longer than the limit, and logs the overrun', async () => {
    // The job reads complaints first; a table lock held here keeps it waiting three times the limit.
    const blocker = await mysql.createConnection(server.databaseUrl);
    try {
      await blocker.query('LOCK TABLES complaints WRITE');
      const slow = run().then((response) => response);
      await sleep(3000);
      await blocker.query('UNLOCK TABLES');
      const finished = await slow;
      expect(finished.status).toBe(200);
      expect(finished.body).toMatchObject({ name: JOB, ran: true });
    } finally {
      await blocker.end();
    }
    expect(server.logs()).toContain(`${JOB}: still running after more than 1 s`);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const next = await run();
      expect(next.status).toBe(200);
      expect(next.body).toMatchObject({ name: JOB, ran: true });
    }
  });

  it('skips a run while another holds the lock, and runs once the holder\'s connection is gone', async () => {
    const holder = await mysql.createConnection(server.databaseUrl);
    const [rows] = await holder.query<mysql.RowDataPacket[]>("SELECT GET_LOCK(CONCAT(LEFT(SHA1(DATABASE()), 12), ':', ?), 0) AS acquired", [`job:${JOB}`]);
    expect(Number(rows[0].acquired)).toBe(1);
    expect((await run()).body).toMatchObject({ ran: false });
    // The holder's instance dies without releasing: the server frees the lock with its connection.
    holder.destroy();
    await sleep(200);
    expect((await run()).body).toMatchObject({ ran: true });
  });
});
