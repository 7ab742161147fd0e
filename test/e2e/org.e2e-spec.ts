import request from 'supertest';
import { staffToken } from '../support/api';
import { startTestServer, TestServer } from '../support/test-server';

describe('organisation: stores, models and staff', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    admin = await staffToken(server.baseUrl, 'admin');
  });
  afterAll(() => server.stop());

  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it('lists the four seeded stores in two cities with opening hours, without a token', async () => {
    const response = await api.get('/api/stores');
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(4);
    expect(new Set(response.body.map((store: { city: string }) => store.city))).toEqual(new Set(['上海', '杭州']));
    for (const store of response.body) {
      expect(store).toMatchObject({ address: expect.any(String), phone: expect.any(String), regionName: expect.any(String) });
      expect(store.openingHours).toHaveLength(7);
    }
    expect((await api.get('/api/regions')).body).toHaveLength(2);
  });

  it('lists six models with trims priced in fen, two of them new-energy, without a token', async () => {
    const response = await api.get('/api/vehicle-models');
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(6);
    const newEnergy = response.body.filter((model: { energyType: string }) => ['BEV', 'PHEV'].includes(model.energyType));
    expect(newEnergy).toHaveLength(2);
    for (const model of response.body) {
      expect(model.trims.length).toBeGreaterThan(0);
      for (const trim of model.trims) expect(Number.isInteger(trim.msrpFen) && trim.msrpFen > 1_000_000).toBe(true);
    }
  });

  it('creates a consultant placed in the store\'s region, and refuses a taken username with 409', async () => {
    const body = { username: 'new.consultant', password: 'Welcome123', name: '新顾问', role: 'CONSULTANT', storeId: 3, mobile: '13700001111' };
    const created = await api.post('/api/staff').set(as(admin)).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), username: 'new.consultant', role: 'CONSULTANT', storeId: 3, regionId: 2, active: true, mobile: '13700001111' });
    expect(created.body).not.toHaveProperty('passwordHash');
    const duplicate = await api.post('/api/staff').set(as(admin)).send(body);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('USERNAME_TAKEN');
  });

  it('requires a store for store roles and names the field', async () => {
    const response = await api.post('/api/staff').set(as(admin)).send({ username: 'no.store', password: 'Welcome123', name: '无门店', role: 'SERVICE_ADVISOR' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path: 'storeId' })]);
  });

  it('searches, filters and pages the staff list', async () => {
    const page = await api.get('/api/staff?pageSize=5&page=1').set(as(admin));
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBeGreaterThanOrEqual(21);
    const consultants = await api.get('/api/staff?role=CONSULTANT&storeId=1').set(as(admin));
    expect(consultants.body.items.every((staff: { role: string; storeId: number }) => staff.role === 'CONSULTANT' && staff.storeId === 1)).toBe(true);
    const search = await api.get(`/api/staff?q=${encodeURIComponent('王晓明')}`).set(as(admin));
    expect(search.body.items.map((staff: { username: string }) => staff.username)).toEqual(['sc1.shpd']);
  });

  it('shows a store manager only their store\'s staff, with masked mobiles', async () => {
    const manager = await staffToken(server.baseUrl, 'sm.shpd');
    const response = await api.get('/api/staff?pageSize=100').set(as(manager));
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(0);
    expect(response.body.items.every((staff: { storeId: number }) => staff.storeId === 1)).toBe(true);
    expect(response.body.items.every((staff: { mobile: string | null }) => staff.mobile === null || /^\d{3}\*{4}\d{4}$/.test(staff.mobile))).toBe(true);
  });

  it('shows a region manager the stores of their region only', async () => {
    const regionManager = await staffToken(server.baseUrl, 'rm.hz');
    const response = await api.get('/api/staff?pageSize=100').set(as(regionManager));
    expect(response.body.items.length).toBeGreaterThan(0);
    expect(response.body.items.every((staff: { regionId: number }) => staff.regionId === 2)).toBe(true);
  });

  it('answers 404 for a staff record that does not exist', async () => {
    const response = await api.patch('/api/staff/999999').set(as(admin)).send({ name: '不存在' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('STAFF_NOT_FOUND');
  });

  it('updates a person\'s role and store, and a new password ends their old sessions', async () => {
    const created = await api.post('/api/staff').set(as(admin)).send({ username: 'mover', password: 'Welcome123', name: '调岗员工', role: 'CONSULTANT', storeId: 1 });
    const oldToken = await staffToken(server.baseUrl, 'mover', 'Welcome123');
    const updated = await api.patch(`/api/staff/${created.body.id}`).set(as(admin)).send({ role: 'SERVICE_ADVISOR', storeId: 4, password: 'Changed12345' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ role: 'SERVICE_ADVISOR', storeId: 4, regionId: 2 });
    expect((await api.get('/api/auth/me').set(as(oldToken))).status).toBe(401);
    expect((await api.post('/api/auth/staff/login').send({ username: 'mover', password: 'Changed12345' })).status).toBe(200);
  });

  it('does not let the admin deactivate their own account', async () => {
    const me = await api.get('/api/auth/me').set(as(admin));
    const response = await api.post(`/api/staff/${me.body.id}/deactivate`).set(as(admin));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('refuses the staff list to a consultant', async () => {
    const consultant = await staffToken(server.baseUrl, 'sc2.hzbj');
    expect((await api.get('/api/staff').set(as(consultant))).status).toBe(403);
  });
});
