import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import request from 'supertest';
import { bearer, customerToken, staffToken, uniqueMobile, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { repoRoot, startTestServer, TestServer } from '../support/test-server';

const INT32_OVERFLOW = 2 ** 31;
const REPAIR_MIGRATION = join(repoRoot, 'prisma', 'migrations', '20261207030000_repair_out_of_range_values', 'migration.sql');

/** Wrong input is a 400 naming the field, never a 500; a request that fails writes nothing; a stored bad value does not break reads. */
describe('bad input: a 400 naming the field, nothing written', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let marketer: string;
  let manager: string;

  const expectFieldRefused = (response: request.Response, field: string) => {
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(response.body.details.map((problem: { path: string }) => problem.path)).toContain(field);
  };
  const segmentRows = async () => (await sql<{ n: number }>(server.databaseUrl, 'SELECT COUNT(*) AS n FROM segments'))[0].n;
  /** A segment saved before the filter bounds existed, as it would sit in the database. */
  const poisonedSegment = async (filter: object) => {
    const [{ id }] = await sql<{ id: number }>(server.databaseUrl, "INSERT INTO segments (name, filter, created_by_id, updated_at) VALUES ('旧人群', ?, (SELECT id FROM staff WHERE username = 'marketer'), NOW(3)) RETURNING id", [JSON.stringify(filter)]);
    return id;
  };

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    [marketer, manager] = await Promise.all([staffToken(server.baseUrl, 'marketer'), staffToken(server.baseUrl, 'sm.shpd')]);
  });
  afterAll(() => server.stop());

  it('refuses numbers beyond their 32-bit column with 400 naming the field (rewards, lead budgets, quote lines)', async () => {
    const reward = { code: 'BOUND-1', name: '测试券', kind: 'SERVICE_COUPON', points: 100, stock: 1 };
    expectFieldRefused(await api.post('/api/loyalty/rewards').set(bearer(marketer)).send({ ...reward, valueFen: INT32_OVERFLOW }), 'valueFen');
    expectFieldRefused(await api.post('/api/loyalty/rewards').set(bearer(marketer)).send({ ...reward, sortOrder: INT32_OVERFLOW }), 'sortOrder');
    const created = await api.post('/api/loyalty/rewards').set(bearer(marketer)).send(reward);
    expect(created.status).toBe(201);
    expectFieldRefused(await api.patch(`/api/loyalty/rewards/${created.body.id}`).set(bearer(marketer)).send({ valueFen: INT32_OVERFLOW }), 'valueFen');
    expectFieldRefused(await api.patch(`/api/loyalty/rewards/${created.body.id}`).set(bearer(marketer)).send({ sortOrder: INT32_OVERFLOW }), 'sortOrder');

    const lead = { name: '预算', mobile: uniqueMobile(), source: 'HOTLINE', storeId: 1 };
    expectFieldRefused(await api.post('/api/leads').set(bearer(manager)).send({ ...lead, budgetMax: INT32_OVERFLOW }), 'budgetMax');
    const saved = await api.post('/api/leads').set(bearer(manager)).send(lead);
    expect(saved.status).toBe(201);
    const quote = await api.post(`/api/leads/${saved.body.id}/quotes`).set(bearer(manager)).send({ trimId: 1, lines: [{ kind: 'OPTION', name: '选装', amountFen: INT32_OVERFLOW }] });
    expectFieldRefused(quote, 'lines.0.amountFen');
    // 50 lines at the line maximum, with the MSRP, still fit the quote's total column.
    const fullest = await api.post(`/api/leads/${saved.body.id}/quotes`).set(bearer(manager)).send({ trimId: 1, lines: Array.from({ length: 50 }, () => ({ kind: 'OPTION', name: '选装', amountFen: 10_000_000 })) });
    expect(fullest.status).toBe(201);
  });

  it('refuses impossible calendar dates, huge arrays and over-long text with 400 naming the field', async () => {
    expectFieldRefused(await api.get('/api/service/slots?storeId=1&date=2026-02-30'), 'date');
    // MySQL's DATE keeps the year 0: a stored day outside 1900–2100 means nothing.
    const customer = await customerToken(server.baseUrl);
    expectFieldRefused(await api.patch('/api/me').set(bearer(customer)).send({ birthday: '0000-01-01' }), 'birthday');
    expectFieldRefused(await api.post('/api/vehicles').set(bearer(manager)).send({ vin: uniqueVin(), modelId: 1, ownerMobile: uniqueMobile(), ownerName: '甲', storeId: 1, insuranceExpiresOn: '9999-12-31' }), 'insuranceExpiresOn');
    expectFieldRefused(await api.post('/api/marketing/segments/count').set(bearer(marketer)).send({ filter: { modelIds: Array.from({ length: 10_000 }, (_, index) => index + 1) } }), 'filter.modelIds');
    expectFieldRefused(await api.post('/api/marketing/segments').set(bearer(marketer)).send({ name: 'x'.repeat(10_000), filter: {} }), 'name');
    expectFieldRefused(await api.get('/api/leads?storeId=2147483648').set(bearer(manager)), 'storeId');
  });

  it('refuses a segment filter beyond its bounds with 400 and saves nothing', async () => {
    const before = await segmentRows();
    for (const filter of [{ vehicleAgeMonths: { max: INT32_OVERFLOW } }, { daysSinceLastService: { min: INT32_OVERFLOW } }, { vehicleAgeMonths: { min: 1_201 } }]) {
      const field = `filter.${Object.keys(filter)[0]}.${Object.keys(Object.values(filter)[0])[0]}`;
      expectFieldRefused(await api.post('/api/marketing/segments/count').set(bearer(marketer)).send({ filter }), field);
      expectFieldRefused(await api.post('/api/marketing/segments').set(bearer(marketer)).send({ name: '超大条件', filter }), field);
    }
    expect(await segmentRows()).toBe(before);
    const list = await api.get('/api/marketing/segments').set(bearer(marketer));
    expect(list.status).toBe(200);
  });

  it('lists a segment whose stored filter no longer passes as invalid, refuses to use it, and lets it be deleted', async () => {
    const segmentId = await poisonedSegment({ vehicleAgeMonths: { max: INT32_OVERFLOW } });
    const list = await api.get('/api/marketing/segments').set(bearer(marketer));
    expect(list.status).toBe(200);
    expect(list.body.find((segment: { id: number }) => segment.id === segmentId)).toMatchObject({ filter: null, count: null });
    expect((await api.get(`/api/marketing/segments/${segmentId}`).set(bearer(marketer))).body).toMatchObject({ id: segmentId, filter: null, count: null });
    const members = await api.get(`/api/marketing/segments/${segmentId}/members`).set(bearer(marketer));
    expect([members.status, members.body.code]).toEqual([409, 'SEGMENT_FILTER_INVALID']);
    const campaign = await api.post('/api/marketing/campaigns').set(bearer(marketer)).send({ name: '活动', segmentId, channel: 'IN_APP', title: '标题', content: '内容' });
    expect([campaign.status, campaign.body.code]).toEqual([409, 'SEGMENT_FILTER_INVALID']);
    // Saving a valid filter over it repairs it.
    const repaired = await api.put(`/api/marketing/segments/${segmentId}`).set(bearer(marketer)).send({ name: '旧人群', filter: { vehicleAgeMonths: { max: 120 } } });
    expect(repaired.status).toBe(200);
    expect(repaired.body.count).toEqual(expect.any(Number));
    const again = await poisonedSegment({ daysSinceLastService: { min: INT32_OVERFLOW } });
    expect((await api.delete(`/api/marketing/segments/${again}`).set(bearer(marketer))).status).toBe(204);
  });

  it('keeps a campaign readable when its segment is poisoned, and refuses to change it until the segment is fixed', async () => {
    const segment = await api.post('/api/marketing/segments').set(bearer(marketer)).send({ name: '金卡', filter: { tiers: ['GOLD'] } });
    const draft = { name: '活动', segmentId: segment.body.id, channel: 'IN_APP', title: '标题', content: '内容' };
    const campaign = await api.post('/api/marketing/campaigns').set(bearer(marketer)).send(draft);
    expect(campaign.status).toBe(201);
    await sql(server.databaseUrl, 'UPDATE segments SET filter = ? WHERE id = ?', [JSON.stringify({ vehicleAgeMonths: { max: INT32_OVERFLOW } }), segment.body.id]);
    expect((await api.get(`/api/marketing/campaigns/${campaign.body.id}`).set(bearer(marketer))).status).toBe(200);
    expect((await api.get('/api/marketing/campaigns').set(bearer(marketer))).status).toBe(200);
    const changed = await api.patch(`/api/marketing/campaigns/${campaign.body.id}`).set(bearer(marketer)).send({ ...draft, title: '新标题' });
    expect([changed.status, changed.body.code]).toEqual([409, 'SEGMENT_FILTER_INVALID']);
  });

  it('repairs segments poisoned before the bounds with the migration: out-of-range lower bounds clamped, upper bounds removed', async () => {
    const ids = await Promise.all([
      poisonedSegment({ tiers: ['GOLD'], vehicleAgeMonths: { min: 12, max: INT32_OVERFLOW } }),
      poisonedSegment({ daysSinceLastService: { min: INT32_OVERFLOW } }),
      poisonedSegment({ pointsBalance: { min: 5, max: 1e15 } }),
      poisonedSegment({ vehicleAgeMonths: { min: 6, max: 24 } }),
    ]);
    const connection = await mysql.createConnection({ uri: server.databaseUrl, multipleStatements: true });
    await connection.query(readFileSync(REPAIR_MIGRATION, 'utf8'));
    await connection.end();
    const filters = await Promise.all(ids.map(async (id) => (await api.get(`/api/marketing/segments/${id}`).set(bearer(marketer))).body.filter));
    expect(filters).toEqual([
      { tiers: ['GOLD'], vehicleAgeMonths: { min: 12 } },
      { daysSinceLastService: { min: 36_500 } },
      { pointsBalance: { min: 5 } },
      { vehicleAgeMonths: { min: 6, max: 24 } },
    ]);
  });

  it('logs simultaneous follow-ups on one lead without a 500 (they take turns on the lead row instead of deadlocking)', async () => {
    const lead = await api.post('/api/leads').set(bearer(manager)).send({ name: '并发跟进', mobile: uniqueMobile(), source: 'HOTLINE', storeId: 1 });
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => api.post(`/api/leads/${lead.body.id}/follow-ups`).set(bearer(manager)).send({ type: 'CALL', outcome: '已联系', nextFollowUp: { dueAt, purpose: '再联系' } })),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
  });
});
