import request from 'supertest';
import { webhookSignature } from '../../server/src/modules/leads/lead-webhook.rules';
import { bearer, staffToken, uniqueMobile } from '../support/api';
import { sql } from '../support/database';
import { preparedDatabase, startTestServer, TestDatabase, TestServer } from '../support/test-server';

describe('handover, overdue escalation and the lead webhook', () => {
  let database: TestDatabase;
  let instances: TestServer[];
  let api: ReturnType<typeof request>;
  let manager: string;

  beforeAll(async () => {
    database = await preparedDatabase();
    // Two instances with jobs on, scanning every second: escalation must still happen once per task.
    const env = { ENABLE_JOBS: 'true', OVERDUE_SCAN_SECONDS: '1' };
    instances = await Promise.all([startTestServer({ database, env }), startTestServer({ database, env })]);
    api = request(instances[0].baseUrl);
    manager = await staffToken(instances[0].baseUrl, 'sm.shmh');
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.drop();
  });

  const capture = (storeId: number) => api.post('/api/leads').set(bearer(manager)).send({ name: '交接客户', mobile: uniqueMobile(), source: 'HOTLINE', storeId });

  it('tells the store manager about an overdue task exactly once, even with two instances running the job', async () => {
    const lead = (await capture(2)).body;
    await sql(database.databaseUrl, 'UPDATE tasks SET due_at = NOW(3) - INTERVAL 1 HOUR WHERE lead_id = ?', [lead.id]);
    const deadline = Date.now() + 15_000;
    let escalated: Array<{ escalated_at: Date | null }> = [];
    while (Date.now() < deadline) {
      escalated = await sql(database.databaseUrl, 'SELECT escalated_at FROM tasks WHERE lead_id = ?', [lead.id]);
      if (escalated[0]?.escalated_at) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(escalated[0].escalated_at).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const notices = await sql<{ staff_id: number }>(database.databaseUrl, "SELECT staff_id FROM notifications WHERE kind = 'TASK_OVERDUE' AND lead_id = ?", [lead.id]);
    const [storeManager] = await sql<{ id: number }>(database.databaseUrl, "SELECT id FROM staff WHERE username = 'sm.shmh'");
    expect(notices).toEqual([{ staff_id: storeManager.id }]);
    const bell = await api.get('/api/notifications/unread-count').set(bearer(manager));
    expect(bell.body.count).toBeGreaterThanOrEqual(1);
  });

  it('hands a leaving consultant\'s open leads and tasks to one colleague in one step, keeping the history', async () => {
    const leads = await Promise.all([1, 2, 3, 4].map(() => capture(2)));
    const leaverId = leads[0].body.assignedTo.id;
    const [colleague] = await sql<{ id: number }>(database.databaseUrl, "SELECT id FROM staff WHERE store_id = 2 AND role = 'CONSULTANT' AND id <> ?", [leaverId]);
    const [{ open }] = await sql<{ open: number }>(database.databaseUrl, "SELECT COUNT(*) AS open FROM leads WHERE assignee_id = ? AND stage NOT IN ('DELIVERED','LOST')", [leaverId]);

    const consultant = await staffToken(instances[0].baseUrl, 'sc1.shmh');
    expect((await api.post(`/api/staff/${leaverId}/handover`).set(bearer(consultant)).send({ toStaffId: colleague.id })).status).toBe(403);
    const handover = await api.post(`/api/staff/${leaverId}/handover`).set(bearer(manager)).send({ toStaffId: colleague.id });
    expect(handover.status).toBe(200);
    expect(handover.body.movedLeads).toBe(Number(open));
    expect(handover.body.movedTasks).toBeGreaterThanOrEqual(1);
    const [{ remaining }] = await sql<{ remaining: number }>(database.databaseUrl, "SELECT COUNT(*) AS remaining FROM leads WHERE assignee_id = ? AND stage NOT IN ('DELIVERED','LOST')", [leaverId]);
    expect(Number(remaining)).toBe(0);
    const [{ openTasks }] = await sql<{ openTasks: number }>(database.databaseUrl, "SELECT COUNT(*) AS openTasks FROM tasks WHERE assignee_id = ? AND status = 'OPEN'", [leaverId]);
    expect(Number(openTasks)).toBe(0);
    const log = await sql<{ reason: string }>(database.databaseUrl, "SELECT reason FROM lead_assignments WHERE from_staff_id = ? AND reason = 'HANDOVER'", [leaverId]);
    expect(log).toHaveLength(Number(open));

    // The leaver is off duty: new leads no longer reach them.
    const after = await Promise.all([1, 2, 3].map(() => capture(2)));
    expect(after.every((response) => response.body.assignedTo.id === colleague.id)).toBe(true);
  });

  it('spreads a handover by the store rule when no receiver is named, or refuses it whole when nobody can take the leads', async () => {
    const store4Manager = await staffToken(instances[0].baseUrl, 'sm.hzbj');
    const leads = await Promise.all([1, 2].map(() => api.post('/api/leads').set(bearer(store4Manager)).send({ name: '滨江客户', mobile: uniqueMobile(), source: 'WALK_IN', storeId: 4 })));
    const leaverId = leads[0].body.assignedTo.id;
    const spread = await api.post(`/api/staff/${leaverId}/handover`).set(bearer(store4Manager)).send({});
    expect(spread.status).toBe(200);
    const receiverId = (await api.get(`/api/leads/${leads[0].body.id}`).set(bearer(store4Manager))).body.assignedTo.id;
    expect(receiverId).not.toBe(leaverId);
    const nobodyLeft = await api.post(`/api/staff/${receiverId}/handover`).set(bearer(store4Manager)).send({});
    expect(nobodyLeft.status).toBe(409);
    expect(nobodyLeft.body.code).toBe('NO_CONSULTANT_AVAILABLE');
    const [{ stillThere }] = await sql<{ stillThere: number }>(database.databaseUrl, "SELECT COUNT(*) AS stillThere FROM leads WHERE assignee_id = ? AND stage NOT IN ('DELIVERED','LOST')", [receiverId]);
    expect(Number(stillThere)).toBeGreaterThanOrEqual(2);
  });

  describe('signed webhook', () => {
    let secret: string;
    beforeAll(async () => {
      [{ secret }] = await sql<{ secret: string }>(database.databaseUrl, "SELECT secret FROM lead_channels WHERE code = 'autohome'");
    });

    const post = (body: object, options: { secret?: string; timestamp?: number } = {}) => {
      const raw = JSON.stringify(body);
      const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
      return api
        .post('/api/public/leads/autohome')
        .set('content-type', 'application/json')
        .set('x-timestamp', timestamp)
        .set('x-signature', webhookSignature(options.secret ?? secret, timestamp, raw))
        .send(raw);
    };

    it('creates a lead from a correctly signed delivery, and one lead for the same external id twice', async () => {
      const body = { externalId: `ah-${Date.now()}`, name: '汽车之家用户', mobile: uniqueMobile(), intendedModelCode: 'VOLT-E5' };
      const first = await post(body);
      expect(first.status).toBe(201);
      const again = await post(body);
      expect(again.status).toBe(201);
      expect(again.body).toEqual({ id: first.body.id, joined: true });
      const [lead] = await sql<{ source: string; store_id: number }>(database.databaseUrl, 'SELECT source, store_id FROM leads WHERE id = ?', [first.body.id]);
      expect(lead).toEqual({ source: 'AUTOHOME', store_id: 1 });
      const [{ touches }] = await sql<{ touches: number }>(database.databaseUrl, 'SELECT COUNT(*) AS touches FROM lead_touches WHERE lead_id = ?', [first.body.id]);
      expect(Number(touches)).toBe(1);
    });

    it('refuses a wrong signature and a stale timestamp with 401, and an unknown channel with 404', async () => {
      const body = { externalId: `ah-bad-${Date.now()}`, name: '伪造', mobile: uniqueMobile() };
      const forged = await post(body, { secret: 'not-the-secret' });
      expect(forged.status).toBe(401);
      expect(forged.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
      const replayed = await post(body, { timestamp: Math.floor(Date.now() / 1000) - 301 });
      expect(replayed.status).toBe(401);
      expect(replayed.body.code).toBe('WEBHOOK_REPLAYED');
      expect((await api.post('/api/public/leads/nowhere').send(body)).status).toBe(404);
    });

    it('answers a signed but invalid body with 400 naming the field', async () => {
      const response = await post({ externalId: 'x1', name: '坏号码', mobile: '999' });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ path: 'mobile' })]);
    });
  });
});
