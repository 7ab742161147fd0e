import request from 'supertest';
import { bearer, hoursFromNow, staffToken, uniqueMobile } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

/** Who sees which lead: own (consultant), store (store manager), region (region manager), all (director, admin). */
describe('lead data scopes', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let leadInStore1: { id: number; assigneeUsername: string };
  let leadInStore3: number;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    const admin = await staffToken(server.baseUrl, 'admin');
    const created = await api.post('/api/leads').set(bearer(admin)).send({ name: '浦东客户', mobile: uniqueMobile(), source: 'HOTLINE', storeId: 1 });
    const [assignee] = await sql<{ username: string }>(server.databaseUrl, 'SELECT username FROM staff WHERE id = ?', [created.body.assignedTo.id]);
    leadInStore1 = { id: created.body.id, assigneeUsername: assignee.username };
    leadInStore3 = (await api.post('/api/leads').set(bearer(admin)).send({ name: '西湖客户', mobile: uniqueMobile(), source: 'HOTLINE', storeId: 3 })).body.id;
  });
  afterAll(() => server.stop());

  async function sees(username: string, leadId: number): Promise<boolean> {
    const token = await staffToken(server.baseUrl, username);
    const detail = await api.get(`/api/leads/${leadId}`).set(bearer(token));
    const listed = await api.get('/api/leads?pageSize=100').set(bearer(token));
    const inList = listed.body.items.some((lead: { id: number }) => lead.id === leadId);
    expect(detail.status === 200).toBe(inList);
    if (detail.status !== 200) expect(detail.status).toBe(404);
    return detail.status === 200;
  }

  it('shows a consultant their own leads only', async () => {
    const colleague = leadInStore1.assigneeUsername === 'sc1.shpd' ? 'sc2.shpd' : 'sc1.shpd';
    expect(await sees(leadInStore1.assigneeUsername, leadInStore1.id)).toBe(true);
    expect(await sees(colleague, leadInStore1.id)).toBe(false);
  });

  it('shows a store manager their store only', async () => {
    expect(await sees('sm.shpd', leadInStore1.id)).toBe(true);
    expect(await sees('sm.shmh', leadInStore1.id)).toBe(false);
    expect(await sees('sm.shpd', leadInStore3)).toBe(false);
  });

  it('shows a region manager their region only', async () => {
    expect(await sees('rm.sh', leadInStore1.id)).toBe(true);
    expect(await sees('rm.hz', leadInStore1.id)).toBe(false);
    expect(await sees('rm.hz', leadInStore3)).toBe(true);
  });

  it('shows the director and the admin everything', async () => {
    for (const username of ['director', 'admin']) {
      expect(await sees(username, leadInStore1.id)).toBe(true);
      expect(await sees(username, leadInStore3)).toBe(true);
    }
  });

  it('keeps service advisors and marketers out of leads', async () => {
    for (const username of ['sa.shpd', 'marketer']) {
      const token = await staffToken(server.baseUrl, username);
      expect((await api.get('/api/leads').set(bearer(token))).status).toBe(403);
    }
  });

  it('answers writes out of scope with 404, changing nothing', async () => {
    const outsider = await staffToken(server.baseUrl, 'sm.hzbj');
    const next = { dueAt: hoursFromNow(24), purpose: 'x' };
    const writes = [
      api.post(`/api/leads/${leadInStore1.id}/follow-ups`).set(bearer(outsider)).send({ type: 'CALL', outcome: '越权' }),
      api.post(`/api/leads/${leadInStore1.id}/stage`).set(bearer(outsider)).send({ stage: 'INVITED', nextFollowUp: next }),
      api.post(`/api/leads/${leadInStore1.id}/quotes`).set(bearer(outsider)).send({ trimId: 1 }),
      api.post(`/api/leads/${leadInStore1.id}/assign`).set(bearer(outsider)).send({ staffId: 1 }),
    ];
    for (const response of await Promise.all(writes)) expect(response.status).toBe(404);
    const [lead] = await sql<{ stage: string }>(server.databaseUrl, 'SELECT stage FROM leads WHERE id = ?', [leadInStore1.id]);
    expect(lead.stage).toBe('NEW');
    const [{ followUps }] = await sql<{ followUps: number }>(server.databaseUrl, 'SELECT COUNT(*) AS followUps FROM follow_ups WHERE lead_id = ?', [leadInStore1.id]);
    expect(Number(followUps)).toBe(0);
  });

  it('does not let a consultant capture a lead for another store', async () => {
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    const response = await api.post('/api/leads').set(bearer(consultant)).send({ name: '跨店', mobile: uniqueMobile(), source: 'WALK_IN', storeId: 3 });
    expect(response.status).toBe(404);
  });

  it('masks mobiles for roles that do not phone customers', async () => {
    const director = await staffToken(server.baseUrl, 'director');
    const detail = await api.get(`/api/leads/${leadInStore1.id}`).set(bearer(director));
    expect(detail.body.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    const manager = await staffToken(server.baseUrl, 'sm.shpd');
    expect((await api.get(`/api/leads/${leadInStore1.id}`).set(bearer(manager))).body.mobile).toMatch(/^\d{11}$/);
  });
});
