import request from 'supertest';
import { bearer, staffToken, uniqueMobile } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

describe('lead capture and assignment', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let manager: string;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    manager = await staffToken(server.baseUrl, 'sm.shpd');
  });
  afterAll(() => server.stop());

  const lead = (overrides: object = {}) => ({ name: '李雷', mobile: uniqueMobile(), source: 'HOTLINE', storeId: 1, ...overrides });

  it('creates a lead assigned to an on-duty consultant with a first-contact task due within 2 hours', async () => {
    const before = Date.now();
    const response = await api.post('/api/leads').set(bearer(manager)).send(lead({ intendedModelId: 1, budgetMin: 15_000_000, budgetMax: 20_000_000 }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: expect.any(Number), stage: 'NEW', joined: false, assignedTo: { id: expect.any(Number), name: expect.any(String) }, customer: { id: expect.any(Number) }, budgetMin: 15_000_000 });
    const [task] = await sql<{ kind: string; due_at: Date; assignee_id: number }>(server.databaseUrl, 'SELECT kind, due_at, assignee_id FROM tasks WHERE lead_id = ?', [response.body.id]);
    expect(task.kind).toBe('FIRST_CONTACT');
    expect(task.assignee_id).toBe(response.body.assignedTo.id);
    const dueInMs = new Date(`${task.due_at.toISOString().slice(0, 23)}Z`).getTime() - before;
    expect(dueInMs).toBeGreaterThan(1.9 * 3_600_000);
    expect(dueInMs).toBeLessThanOrEqual(2 * 3_600_000 + 60_000);
  });

  it('refuses a bad mobile naming the field, and unknown stores and models without a 500', async () => {
    const badMobile = await api.post('/api/leads').set(bearer(manager)).send(lead({ mobile: '1234' }));
    expect(badMobile.status).toBe(400);
    expect(badMobile.body.details).toEqual([expect.objectContaining({ path: 'mobile' })]);
    expect((await api.post('/api/leads').set(bearer(manager)).send(lead({ storeId: 999 }))).body.code).toBe('STORE_NOT_FOUND');
    expect((await api.post('/api/leads').set(bearer(manager)).send(lead({ intendedModelId: 999 }))).body.code).toBe('MODEL_NOT_FOUND');
    expect((await api.post('/api/leads').set(bearer(manager)).send(lead({ source: 'FAX' }))).status).toBe(400);
  });

  it('joins a second capture of the same mobile at the store to the open lead and logs the touch', async () => {
    const mobile = uniqueMobile();
    const first = await api.post('/api/leads').set(bearer(manager)).send(lead({ mobile, source: 'AUTOHOME' }));
    const second = await api.post('/api/leads').set(bearer(manager)).send(lead({ mobile, source: 'WALK_IN', note: '到店看车' }));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, joined: true });
    const detail = await api.get(`/api/leads/${first.body.id}`).set(bearer(manager));
    expect(detail.body.timeline.filter((entry: { kind: string }) => entry.kind === 'TOUCH')).toHaveLength(2);
  });

  it('makes 20 simultaneous captures of one person exactly one lead and one customer', async () => {
    const mobile = uniqueMobile();
    const responses = await Promise.all(Array.from({ length: 20 }, () => api.post('/api/leads').set(bearer(manager)).send(lead({ mobile }))));
    expect(responses.filter((response) => ![200, 201].includes(response.status)).map((response) => response.body)).toEqual([]);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    const [{ customers }] = await sql<{ customers: number }>(server.databaseUrl, 'SELECT COUNT(*) AS customers FROM customers WHERE mobile = ?', [mobile]);
    expect(Number(customers)).toBe(1);
  });

  it('spreads 100 leads created at once evenly (±1) over the store\'s on-duty consultants', async () => {
    const storeManager = await staffToken(server.baseUrl, 'sm.shmh');
    const responses = await Promise.all(Array.from({ length: 100 }, () => api.post('/api/leads').set(bearer(storeManager)).send(lead({ storeId: 2 }))));
    expect(responses.filter((response) => response.status !== 201).map((response) => response.body)).toEqual([]);
    const counts = new Map<number, number>();
    for (const response of responses) counts.set(response.body.assignedTo.id, (counts.get(response.body.assignedTo.id) ?? 0) + 1);
    expect(counts.size).toBe(2);
    const values = [...counts.values()];
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
  });

  it('skips consultants at their cap and those off duty, and follows model specialties', async () => {
    const storeManager = await staffToken(server.baseUrl, 'sm.hzxh');
    const settings = await api.get('/api/stores/3/assignment').set(bearer(storeManager));
    expect(settings.status).toBe(200);
    const [first, second] = settings.body.consultants as Array<{ id: number }>;

    await api.patch(`/api/stores/3/consultants/${second.id}`).set(bearer(storeManager)).send({ onDuty: false }).expect(200);
    const whileOff = await Promise.all([1, 2, 3].map(() => api.post('/api/leads').set(bearer(storeManager)).send(lead({ storeId: 3 }))));
    expect(whileOff.every((response) => response.body.assignedTo.id === first.id)).toBe(true);

    await api.patch(`/api/stores/3/consultants/${second.id}`).set(bearer(storeManager)).send({ onDuty: true, specialtyModelIds: [5] }).expect(200);
    await api.put('/api/stores/3/assignment').set(bearer(storeManager)).send({ assignmentMode: 'MODEL_SPECIALTY', consultantOpenLeadCap: 200, consultantDiscountLimitBp: 500 }).expect(200);
    const specialist = await Promise.all([1, 2].map(() => api.post('/api/leads').set(bearer(storeManager)).send(lead({ storeId: 3, intendedModelId: 5 }))));
    expect(specialist.every((response) => response.body.assignedTo.id === second.id)).toBe(true);

    const atCap = await api.put('/api/stores/3/assignment').set(bearer(storeManager)).send({ assignmentMode: 'ROUND_ROBIN', consultantOpenLeadCap: 1, consultantDiscountLimitBp: 500 });
    expect(atCap.status).toBe(200);
    const unassigned = await api.post('/api/leads').set(bearer(storeManager)).send(lead({ storeId: 3 }));
    expect(unassigned.status).toBe(201);
    expect(unassigned.body.assignedTo).toBeNull();
  });

  it('refuses assignment settings of another store as not found', async () => {
    const storeManager = await staffToken(server.baseUrl, 'sm.hzxh');
    expect((await api.get('/api/stores/1/assignment').set(bearer(storeManager))).status).toBe(404);
  });
});
