import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

/** Segments counted on a small hand-made set of members: each filter's count moves by exactly the members it should hold. */
describe('member segments (人群)', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let marketer: string;
  const count = async (filter: object) => {
    const response = await api.post('/api/marketing/segments/count').set(bearer(marketer)).send({ filter });
    expect(response.status).toBe(200);
    return response.body.count as number;
  };

  const FILTERS = {
    all: {},
    gold: { tiers: ['GOLD'] },
    model5: { modelIds: [5] },
    store3: { storeIds: [3] },
    oldCars: { vehicleAgeMonths: { min: 36 } },
    dormant: { daysSinceLastService: { min: 180 } },
    rich: { pointsBalance: { min: 400 } },
    insuranceSoon: { insuranceExpiringWithinDays: 30 },
    contacted: { leadStages: ['CONTACTED'] },
    goldOldDormant: { tiers: ['GOLD'], vehicleAgeMonths: { min: 36 }, daysSinceLastService: { min: 180 } },
  };
  let before: Record<string, number>;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    marketer = await staffToken(server.baseUrl, 'marketer');
    before = Object.fromEntries(await Promise.all(Object.entries(FILTERS).map(async ([name, filter]) => [name, await count(filter)])));

    const advisor = await staffToken(server.baseUrl, 'sa.shpd');
    const advisorHz = await staffToken(server.baseUrl, 'sa.hzxh');
    const inTenDays = new Date(Date.now() + 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    // A: a gold owner of a 40-month-old model-1 car at store 1, last serviced 200 days ago, insurance ending in 10 days, 500 points.
    const a = await api.post('/api/vehicles').set(bearer(advisor)).send({ vin: uniqueVin(), plate: uniquePlate(), modelId: 1, ownerMobile: uniqueMobile(), ownerName: '甲', deliveredAt: new Date(Date.now() - 40 * 30.5 * 86_400_000).toISOString(), mileage: 60_000, insuranceExpiresOn: inTenDays });
    await sql(server.databaseUrl, 'UPDATE vehicles SET last_service_at = NOW(3) - INTERVAL 200 DAY WHERE id = ?', [a.body.id]);
    await sql(server.databaseUrl, "INSERT INTO points_accounts (customer_id, balance, tier, updated_at) VALUES (?, 500, 'GOLD', NOW(3))", [a.body.owner.id]);
    // B: an owner of a 6-month-old model-5 car at store 3, serviced 10 days ago, no points.
    const b = await api.post('/api/vehicles').set(bearer(advisorHz)).send({ vin: uniqueVin(), plate: uniquePlate(), modelId: 5, ownerMobile: uniqueMobile(), ownerName: '乙', deliveredAt: new Date(Date.now() - 6 * 30.5 * 86_400_000).toISOString(), mileage: 8_000 });
    await sql(server.databaseUrl, 'UPDATE vehicles SET last_service_at = NOW(3) - INTERVAL 10 DAY WHERE id = ?', [b.body.id]);
    // C: signed up in the mini-program, a CONTACTED lead at store 2.
    const mobileC = uniqueMobile();
    await ownerToken(server.baseUrl, mobileC);
    const manager = await staffToken(server.baseUrl, 'sm.shmh');
    const lead = await api.post('/api/leads').set(bearer(manager)).send({ name: '丙', mobile: mobileC, source: 'HOTLINE', storeId: 2 });
    await sql(server.databaseUrl, "UPDATE leads SET stage = 'CONTACTED' WHERE id = ?", [lead.body.id]);
  });
  afterAll(() => server.stop());

  it('counts each filter on the database, conditions combined', async () => {
    const expected: Record<keyof typeof FILTERS, number> = { all: 3, gold: 1, model5: 1, store3: 1, oldCars: 1, dormant: 1, rich: 1, insuranceSoon: 1, contacted: 1, goldOldDormant: 1 };
    for (const [name, filter] of Object.entries(FILTERS)) {
      expect([name, (await count(filter)) - before[name]]).toEqual([name, expected[name as keyof typeof FILTERS]]);
    }
    expect((await count({ tiers: ['GOLD'], modelIds: [5] })) - 0).toBe(0);
  });

  it('saves a segment with a live count and lists its members', async () => {
    const saved = await api.post('/api/marketing/segments').set(bearer(marketer)).send({ name: '老车久未回厂金卡', filter: FILTERS.goldOldDormant });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: '老车久未回厂金卡', count: before.goldOldDormant + 1, createdBy: { name: expect.any(String) } });
    const members = await api.get(`/api/marketing/segments/${saved.body.id}/members`).set(bearer(marketer));
    expect(members.body.items.map((member: { name: string }) => member.name)).toContain('甲');
    expect((await api.get('/api/marketing/segments').set(bearer(marketer))).body.map((segment: { id: number }) => segment.id)).toContain(saved.body.id);
    const renamed = await api.put(`/api/marketing/segments/${saved.body.id}`).set(bearer(marketer)).send({ name: '金卡', filter: FILTERS.gold });
    expect(renamed.body).toMatchObject({ name: '金卡', count: before.gold + 1 });
    expect((await api.delete(`/api/marketing/segments/${saved.body.id}`).set(bearer(marketer))).status).toBe(204);
    expect((await api.get(`/api/marketing/segments/${saved.body.id}`).set(bearer(marketer))).body.code).toBe('SEGMENT_NOT_FOUND');
    const bad = await api.post('/api/marketing/segments/count').set(bearer(marketer)).send({ filter: { pointsBalance: { min: 500, max: 100 } } });
    expect(bad.status).toBe(400);
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    expect((await api.post('/api/marketing/segments/count').set(bearer(consultant)).send({ filter: {} })).status).toBe(403);
  });
});
