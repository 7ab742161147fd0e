import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, staffToken, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { preparedDatabase, startTestServer, TestDatabase, TestServer } from '../support/test-server';

interface Recorded {
  channel: string;
  key: string;
  pid: number;
  duplicate: boolean;
}

const readLog = (file: string): Recorded[] => {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Recorded);
  } catch {
    return [];
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY_MS = 86_400_000;
const shanghaiDate = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function seedOwners(url: string, prefix: string, count: number, extra: (index: number) => { openid?: string | null; birthday?: string | null } = () => ({})) {
  for (let index = 0; index < count; index += 1) {
    const { openid = null, birthday = null } = extra(index);
    await sql(url, "INSERT INTO customers (mobile, name, openid, birthday, updated_at) VALUES (?, '多实例车主', ?, ?, NOW(3))", [`${prefix}${String(index).padStart(4, '0')}`, openid, birthday]);
  }
  const rows = await sql<{ id: number }>(url, 'SELECT id FROM customers WHERE mobile LIKE ? ORDER BY id', [`${prefix}%`]);
  return rows.map((row) => Number(row.id));
}

/**
 * Two instances with every job on share one database and one simulated month (the clock runs 43,200× real
 * time: a month in about a minute). Every reminder due in that month is sent exactly once, and neither
 * instance sends anything the other already sent.
 */
describe('reminders over a simulated month on two instances', () => {
  const START = Date.parse('2027-05-01T16:00:00.000Z'); // midnight in Shanghai: SMS waits for 08:00
  const DAYS = 30;
  const SPEED = 43_200;
  const log = join(tmpdir(), `month-${process.pid}-${Date.now()}.jsonl`);
  let database: TestDatabase;
  let instances: TestServer[] = [];
  const insuranceDue: Array<{ vehicleId: number; due: string }> = [];
  const dormantVehicles: number[] = [];
  let birthdayCustomers: number[] = [];

  beforeAll(async () => {
    database = await preparedDatabase();
    const url = database.databaseUrl;
    const [{ id: storeId }] = await sql<{ id: number }>(url, "SELECT id FROM stores WHERE code = 'SH-PD'");
    const [{ id: modelId }] = await sql<{ id: number }>(url, 'SELECT id FROM vehicle_models ORDER BY id LIMIT 1');
    const startDay = shanghaiDate(START);

    const insured = await seedOwners(url, '1660000', 60);
    for (const [index, ownerId] of insured.entries()) {
      const due = addDays(startDay, index + 1);
      const vin = uniqueVin();
      await sql(url, 'INSERT INTO vehicles (vin, plate, model_id, owner_id, store_id, delivered_at, mileage_read_at, insurance_expires_on, last_service_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))', [
        vin, uniquePlate(), modelId, ownerId, storeId, new Date(START - 200 * DAY_MS), new Date(START - 200 * DAY_MS), due, new Date(START - 100 * DAY_MS),
      ]);
      const [{ id }] = await sql<{ id: number }>(url, 'SELECT id FROM vehicles WHERE vin = ?', [vin]);
      insuranceDue.push({ vehicleId: Number(id), due });
    }
    birthdayCustomers = await seedOwners(url, '1660001', 12, (index) => ({ openid: `month-${index}-${Date.now()}`, birthday: `1988-${addDays(startDay, 2 + index * 2).slice(5)}` }));
    const dormantOwners = await seedOwners(url, '1660002', 10);
    for (const [index, ownerId] of dormantOwners.entries()) {
      const vin = uniqueVin();
      const lastVisit = new Date(Date.parse(`${addDays(startDay, 3 + index * 2)}T02:00:00Z`));
      lastVisit.setUTCFullYear(lastVisit.getUTCFullYear() - 1);
      await sql(url, 'INSERT INTO vehicles (vin, plate, model_id, owner_id, store_id, delivered_at, mileage_read_at, last_service_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW(3))', [
        vin, uniquePlate(), modelId, ownerId, storeId, new Date(lastVisit.getTime() - 400 * DAY_MS), new Date(lastVisit.getTime() - 400 * DAY_MS), lastVisit,
      ]);
      const [{ id }] = await sql<{ id: number }>(url, 'SELECT id FROM vehicles WHERE vin = ?', [vin]);
      dormantVehicles.push(Number(id));
    }

    const env = {
      ENABLE_JOBS: 'true',
      CLOCK_MODE: 'controlled',
      CLOCK_START: new Date(START).toISOString(),
      CLOCK_SPEED: '0',
      REMINDER_SCAN_MS: '250',
      DISPATCH_MS: '150',
      DISPATCH_BATCH: '5',
      OUTBOX_LEASE_SECONDS: '5',
      EVENTS_POLL_SECONDS: '1',
      DEV_CHANNEL_LOG: log,
    };
    instances = await Promise.all([startTestServer({ database, env }), startTestServer({ database, env })]);
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.drop();
    rmSync(log, { force: true });
  });

  it('sends every reminder of the month exactly once', async () => {
    const url = database.databaseUrl;
    const tokens = await Promise.all(instances.map((instance) => staffToken(instance.baseUrl, 'admin')));
    const setClocks = (now: number, speed: number) =>
      Promise.all(instances.map((instance, index) => request(instance.baseUrl).put('/api/dev/clock').set(bearer(tokens[index])).send({ now: new Date(now).toISOString(), speed })));
    await setClocks(START, SPEED);
    const end = START + DAYS * DAY_MS + 12 * 3_600_000; // noon on the last day
    for (;;) {
      const clock = await request(instances[0].baseUrl).get('/api/dev/clock').set(bearer(tokens[0]));
      if (Date.parse(clock.body.now) >= end) break;
      await sleep(500);
    }
    await setClocks(end, 0);
    await request(instances[0].baseUrl).post('/api/dev/jobs/reminders/run').set(bearer(tokens[0]));
    let open = Infinity;
    for (let attempt = 0; attempt < 120 && open > 0; attempt += 1) {
      await sleep(500);
      open = Number((await sql<{ n: number }>(url, "SELECT COUNT(*) AS n FROM outbox_messages WHERE status IN ('PENDING', 'SENDING')"))[0].n);
    }
    expect(open).toBe(0);
    await sleep(1_000); // both instances run again: nothing more may go out

    const rows = await sql<{ dedupe_key: string; status: string; channel: string; claimed_by: string | null; rule_id: number | null }>(url, 'SELECT dedupe_key, status, channel, claimed_by, rule_id FROM outbox_messages');
    expect(rows.filter((row) => row.status !== 'SENT')).toEqual([]);

    // Exactly once: every outside send is recorded once, and no send was ever repeated.
    const sends = readLog(log);
    expect(sends.filter((send) => send.duplicate)).toEqual([]);
    const perKey = new Map<string, number>();
    for (const send of sends) perKey.set(send.key, (perKey.get(send.key) ?? 0) + 1);
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);
    const outside = rows.filter((row) => row.channel !== 'IN_APP').map((row) => row.dedupe_key).sort();
    expect([...perKey.keys()].sort()).toEqual(outside);
    // Both instances dispatched.
    expect(new Set(rows.map((row) => row.claimed_by)).size).toBeGreaterThanOrEqual(2);

    // Complete: each insurance reminder whose send day fell in the month (or the 3 catch-up days before it).
    const keys = new Set(rows.map((row) => row.dedupe_key));
    const rules = await sql<{ id: number; kind: string; days_before: number }>(url, 'SELECT id, kind, days_before FROM reminder_rules');
    const startDay = shanghaiDate(START);
    const endDay = shanghaiDate(end);
    let expected = 0;
    for (const rule of rules.filter((candidate) => candidate.kind === 'INSURANCE_RENEWAL')) {
      for (const { vehicleId, due } of insuranceDue) {
        const sendDay = addDays(due, -rule.days_before);
        const key = `rule:${rule.id}:vehicle:${vehicleId}:${due}`;
        if (sendDay >= addDays(startDay, -3) && sendDay <= endDay) {
          expected += 1;
          expect(keys.has(key)).toBe(true);
        } else {
          expect(keys.has(key)).toBe(false);
        }
      }
    }
    expect(expected).toBeGreaterThan(50);

    // Birthdays: each greeted once, each gift given once.
    const birthdayRule = rules.find((rule) => rule.kind === 'BIRTHDAY')!;
    const greeted = rows.filter((row) => Number(row.rule_id) === Number(birthdayRule.id) && birthdayCustomers.some((id) => row.dedupe_key.startsWith(`rule:${birthdayRule.id}:member:${id}:`)));
    expect(greeted).toHaveLength(birthdayCustomers.length);
    const gifts = await sql<{ customer_id: number; n: number }>(url, `SELECT customer_id, COUNT(*) AS n FROM points_entries WHERE source = 'birthday' AND customer_id IN (${birthdayCustomers.join(',')}) GROUP BY customer_id`);
    expect(gifts).toHaveLength(birthdayCustomers.length);
    expect(gifts.every((gift) => Number(gift.n) === 1)).toBe(true);

    // Dormant owners: one call-back task each.
    const tasks = await sql<{ vehicle_id: number; n: number }>(url, `SELECT vehicle_id, COUNT(*) AS n FROM tasks WHERE vehicle_id IN (${dormantVehicles.join(',')}) GROUP BY vehicle_id`);
    expect(tasks).toHaveLength(dormantVehicles.length);
    expect(tasks.every((task) => Number(task.n) === 1)).toBe(true);

    // Quiet hours: no SMS went out between 21:00 and 08:00 Shanghai.
    const smsTimes = await sql<{ sent_at: Date }>(url, "SELECT sent_at FROM outbox_messages WHERE channel = 'SMS'");
    const nightly = smsTimes.filter((row) => {
      const hour = new Date(new Date(row.sent_at).getTime() + 8 * 3_600_000).getUTCHours();
      return hour >= 21 || hour < 8;
    });
    expect(nightly).toEqual([]);
  }, 240_000);
});

/**
 * The dispatcher is killed (SIGKILL) in the middle of a batch of WeChat and SMS messages. A batch is claimed
 * at once but sent four at a time, so most claimed rows were never tried: they are sent by the next
 * dispatcher, exactly once. Of the sends under way at the kill, SMS is asked again (the gateway ignores a
 * repeated key) and WeChat, which has no such key, is parked for a person, with a task that lists it.
 */
describe('a dispatcher killed mid-batch', () => {
  const MESSAGES = 120;
  const CONCURRENCY = 4;
  const log = join(tmpdir(), `crash-${process.pid}-${Date.now()}.jsonl`);
  let database: TestDatabase;
  let survivor: TestServer | undefined;

  beforeAll(async () => {
    database = await preparedDatabase();
    const tag = Date.now().toString(36);
    const customers = await seedOwners(database.databaseUrl, '1660003', MESSAGES, (index) => ({ openid: `crash-${tag}-${index}` }));
    // WeChat and SMS alternate, so every claimed batch holds both.
    const values = customers.map((customerId, index) => [`crash-test:${index}`, 'REMINDER', customerId, index % 2 === 0 ? 'WECHAT' : 'SMS', '测试提醒', `第 ${index} 条`, '2027-05-02', new Date('2027-05-02T01:00:00Z')]);
    await sql(database.databaseUrl, `INSERT INTO outbox_messages (dedupe_key, source, customer_id, channel, title, body, due_on, next_attempt_at, updated_at) VALUES ${values.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, NOW(3))').join(', ')}`, values.flat());
  });
  afterAll(async () => {
    await survivor?.stop();
    await database?.drop();
    rmSync(log, { force: true });
  });

  it('parks only the WeChat sends that were under way, and sends everything else exactly once', async () => {
    const url = database.databaseUrl;
    const env = {
      ENABLE_JOBS: 'true',
      CLOCK_MODE: 'controlled',
      CLOCK_START: '2027-05-02T02:00:00.000Z', // 10:00 in Shanghai
      CLOCK_SPEED: '0',
      REMINDER_SCAN_MS: '3600000',
      EVENTS_POLL_SECONDS: '3600',
      DISPATCH_MS: '100',
      DISPATCH_BATCH: '10',
      DISPATCH_CONCURRENCY: String(CONCURRENCY),
      OUTBOX_LEASE_SECONDS: '2',
      DEV_CHANNEL_LATENCY_MS: '30',
      DEV_CHANNEL_LOG: log,
    };
    const doomed = await startTestServer({ database, env });
    const claims = async () => {
      const rows = await sql<{ channel: string; started: number; n: number }>(url, "SELECT channel, send_started_at IS NOT NULL AS started, COUNT(*) AS n FROM outbox_messages WHERE status = 'SENDING' GROUP BY channel, started");
      const count = (channel: string, started: boolean) => Number(rows.find((row) => row.channel === channel && Number(row.started) === Number(started))?.n ?? 0);
      return { wechatUnstarted: count('WECHAT', false), wechatStarted: count('WECHAT', true), smsUnstarted: count('SMS', false) };
    };
    // Kill it while it holds WeChat claims it has not started yet: today's reconciliation parked those too.
    while (readLog(log).length < 30 || (await claims()).wechatUnstarted === 0) await sleep(5);
    await doomed.crash();
    const atKill = await claims();
    expect(readLog(log).length).toBeLessThan(MESSAGES);
    expect(atKill.wechatUnstarted).toBeGreaterThan(0);
    expect(atKill.wechatStarted).toBeLessThanOrEqual(CONCURRENCY);

    survivor = await startTestServer({ database, env });
    let open = Infinity;
    for (let attempt = 0; attempt < 120 && open > 0; attempt += 1) {
      await sleep(250);
      open = Number((await sql<{ n: number }>(url, "SELECT COUNT(*) AS n FROM outbox_messages WHERE status IN ('PENDING', 'SENDING')"))[0].n);
    }
    expect(open).toBe(0);

    const rows = await sql<{ id: number; dedupe_key: string; channel: string; status: string; last_error: string | null }>(url, 'SELECT id, dedupe_key, channel, status, last_error FROM outbox_messages');
    const parked = rows.filter((row) => row.status === 'DEAD');
    // Parked: only WeChat sends that had started, never more than were in flight at the kill.
    expect(parked.every((row) => row.channel === 'WECHAT')).toBe(true);
    expect(parked.length).toBeLessThanOrEqual(atKill.wechatStarted);
    expect(rows.filter((row) => row.status !== 'SENT' && row.status !== 'DEAD')).toEqual([]);

    // Everything else reached the gateway once; nothing was delivered twice (WeChat never repeated at all).
    const sends = readLog(log);
    const delivered = sends.filter((send) => !send.duplicate);
    const perKey = new Map<string, number>();
    for (const send of delivered) perKey.set(send.key, (perKey.get(send.key) ?? 0) + 1);
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);
    expect(sends.filter((send) => send.channel === 'WECHAT' && send.duplicate)).toEqual([]);
    for (const row of rows.filter((candidate) => candidate.status === 'SENT')) expect(perKey.get(row.dedupe_key)).toBe(1);
    expect(sends.filter((send) => send.duplicate).length).toBeLessThanOrEqual(CONCURRENCY);
    const timeline = Number((await sql<{ n: number }>(url, "SELECT COUNT(*) AS n FROM customer_messages WHERE body LIKE '第 % 条'"))[0].n);
    expect(timeline).toBe(MESSAGES - parked.length);

    // A person is asked to check exactly the parked ones.
    const reviews = await sql<{ purpose: string; role: string }>(url, "SELECT t.purpose, s.role FROM tasks t JOIN staff s ON s.id = t.assignee_id WHERE t.kind = 'MESSAGE_REVIEW'");
    if (parked.length === 0) {
      expect(reviews).toEqual([]);
    } else {
      expect(reviews).toHaveLength(1);
      expect(reviews[0].role).toBe('MARKETER');
      for (const row of parked) expect(reviews[0].purpose).toContain(`#${row.id}`);
    }
  });
});
