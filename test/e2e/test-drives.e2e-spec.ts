import request from 'supertest';
import { bearer, customerToken, ownerToken, staffToken, uniqueMobile } from '../support/api';
import { sql } from '../support/database';
import { shanghaiDateIn } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';


describe('test-drive booking', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  const storeId = 1;
  const modelId = 5;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
  });
  afterAll(() => server.stop());

  async function slotsOn(date: string, model = modelId) {
    const response = await api.get(`/api/test-drives/slots?storeId=${storeId}&modelId=${model}&date=${date}`);
    expect(response.status).toBe(200);
    return response.body as Array<{ startAt: string; endAt: string; remaining: number }>;
  }

  const booking = (startAt: string, model = modelId) => ({ storeId, modelId: model, startAt, contactName: '试驾客户', mobile: uniqueMobile() });

  it('lists only future slots inside opening hours, each with the cars left', async () => {
    const slots = await slotsOn(shanghaiDateIn(2));
    expect(slots.length).toBeGreaterThanOrEqual(8);
    expect(slots.every((slot) => slot.remaining === 1)).toBe(true);
    expect(new Date(slots[0].startAt).getTime()).toBeGreaterThan(Date.now());
    expect((await api.get(`/api/test-drives/slots?storeId=${storeId}&modelId=${modelId}&date=2026-13-01`)).status).toBe(400);
    expect((await api.get(`/api/test-drives/slots?storeId=999&modelId=${modelId}&date=${shanghaiDateIn(2)}`)).status).toBe(404);
  });

  it('books a slot, creates an invited MINI_PROGRAM lead with a task for its consultant, and refuses the full slot', async () => {
    const [slot] = await slotsOn(shanghaiDateIn(3));
    const customer = await customerToken(server.baseUrl);
    const body = booking(slot.startAt);
    const booked = await api.post('/api/test-drives/bookings').set(bearer(customer)).send(body);
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ id: expect.any(Number), status: 'CONFIRMED', startAt: slot.startAt, endAt: slot.endAt, store: { id: storeId }, model: { id: modelId } });

    const [lead] = await sql<{ source: string; stage: string; assignee_id: number; id: number }>(server.databaseUrl, 'SELECT id, source, stage, assignee_id FROM leads WHERE mobile = ?', [body.mobile]);
    expect(lead).toMatchObject({ source: 'MINI_PROGRAM', stage: 'INVITED' });
    const tasks = await sql<{ purpose: string; assignee_id: number }>(server.databaseUrl, "SELECT purpose, assignee_id FROM tasks WHERE lead_id = ? AND status = 'OPEN'", [lead.id]);
    expect(tasks.some((task) => task.purpose.startsWith('接待试驾') && task.assignee_id === lead.assignee_id)).toBe(true);

    const full = await api.post('/api/test-drives/bookings').set(bearer(await customerToken(server.baseUrl))).send(booking(slot.startAt));
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('SLOT_FULL');
    expect((await slotsOn(shanghaiDateIn(3)))[0].remaining).toBe(0);
  });

  it("credits the member whose share card (?ref=) brought a new customer to book, but never their own booking", async () => {
    const memberMobile = uniqueMobile();
    const member = await ownerToken(server.baseUrl, memberMobile);
    const { code } = (await api.get('/api/me/referrals').set(bearer(member))).body as { code: string };
    const [memberRow] = await sql<{ id: number }>(server.databaseUrl, 'SELECT id FROM customers WHERE mobile = ?', [memberMobile]);
    const slots = await slotsOn(shanghaiDateIn(4), 3);

    const friend = { ...booking(slots[0].startAt, 3), referralCode: code };
    expect((await api.post('/api/test-drives/bookings').set(bearer(await customerToken(server.baseUrl))).send(friend)).status).toBe(201);
    const [friendLead] = await sql<{ referrer: number | null }>(server.databaseUrl, 'SELECT referrer_customer_id AS referrer FROM leads WHERE mobile = ?', [friend.mobile]);
    expect(friendLead.referrer).toBe(memberRow.id);
    expect((await api.get('/api/me/referrals').set(bearer(member))).body.referrals).toHaveLength(1);

    // The member booking with their own card, and an unknown code, credit nobody (and still book).
    const own = { ...booking(slots[1].startAt, 3), mobile: memberMobile, referralCode: code };
    expect((await api.post('/api/test-drives/bookings').set(bearer(member)).send(own)).status).toBe(201);
    const unknown = { ...booking(slots[2].startAt, 3), referralCode: 'NOSUCHCODE' };
    expect((await api.post('/api/test-drives/bookings').set(bearer(await customerToken(server.baseUrl))).send(unknown)).status).toBe(201);
    const credited = await sql<{ mobile: string }>(server.databaseUrl, 'SELECT mobile FROM leads WHERE referrer_customer_id = ?', [memberRow.id]);
    expect(credited.map((row) => row.mobile)).toEqual([friend.mobile]);
  });

  it('refuses the past, a time off the slot grid and a date beyond the window with 400', async () => {
    const customer = await customerToken(server.baseUrl);
    const [slot] = await slotsOn(shanghaiDateIn(2));
    const past = await api.post('/api/test-drives/bookings').set(bearer(customer)).send(booking('2020-01-01T02:00:00Z'));
    expect(past.body.code).toBe('SLOT_IN_PAST');
    const offGrid = await api.post('/api/test-drives/bookings').set(bearer(customer)).send(booking(new Date(new Date(slot.startAt).getTime() + 15 * 60_000).toISOString()));
    expect(offGrid.status).toBe(400);
    expect(offGrid.body.code).toBe('OUTSIDE_OPENING_HOURS');
    const beyond = await api.post('/api/test-drives/bookings').set(bearer(customer)).send(booking(new Date(new Date(slot.startAt).getTime() + 30 * 86_400_000).toISOString()));
    expect(beyond.body.code).toBe('BEYOND_BOOKING_WINDOW');
  });

  it('returns the same booking for the same Idempotency-Key, even sent five times at once', async () => {
    const slots = await slotsOn(shanghaiDateIn(4), 6);
    const customer = await customerToken(server.baseUrl);
    const body = booking(slots[1].startAt, 6);
    const responses = await Promise.all([1, 2, 3, 4, 5].map(() => api.post('/api/test-drives/bookings').set(bearer(customer)).set('Idempotency-Key', 'tap-once-123').send(body)));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const [{ count }] = await sql<{ count: number }>(server.databaseUrl, 'SELECT COUNT(*) AS count FROM test_drive_bookings WHERE mobile = ?', [body.mobile]);
    expect(Number(count)).toBe(1);
  });

  it('gives 50 customers pressing at once for a slot with 3 cars exactly 3 bookings, never a car twice', async () => {
    await sql(
      server.databaseUrl,
      "INSERT INTO test_drive_cars (store_id, model_id, plate, vin, status, updated_at) VALUES (?, 4, '沪AR0001', 'LSJA24U01PR000001', 'AVAILABLE', NOW(3)), (?, 4, '沪AR0002', 'LSJA24U02PR000002', 'AVAILABLE', NOW(3))",
      [storeId, storeId],
    );
    const [slot] = await slotsOn(shanghaiDateIn(5), 4);
    expect(slot.remaining).toBe(3);
    const customers = await Promise.all(Array.from({ length: 50 }, (_, index) => customerToken(server.baseUrl, `race-${index}-${Date.now()}`)));
    const responses = await Promise.all(customers.map((customer) => api.post('/api/test-drives/bookings').set(bearer(customer)).send(booking(slot.startAt, 4))));
    const statuses = responses.map((response) => response.status);
    if (statuses.includes(500)) console.log(server.logs().slice(0, 3000));
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(47);
    const cars = await sql<{ car_id: number }>(server.databaseUrl, "SELECT car_id FROM test_drive_bookings WHERE start_at = ? AND status = 'CONFIRMED'", [new Date(slot.startAt)]);
    expect(cars).toHaveLength(3);
    expect(new Set(cars.map((car) => car.car_id)).size).toBe(3);
  });

  it('reschedules and cancels my booking before the cut-off, freeing the slot, and hides it from others', async () => {
    const customer = await customerToken(server.baseUrl);
    const slots = await slotsOn(shanghaiDateIn(6), 3);
    const booked = await api.post('/api/test-drives/bookings').set(bearer(customer)).send(booking(slots[0].startAt, 3));
    const stranger = await customerToken(server.baseUrl);
    expect((await api.post(`/api/test-drives/bookings/${booked.body.id}/cancel`).set(bearer(stranger))).status).toBe(404);

    const moved = await api.post(`/api/test-drives/bookings/${booked.body.id}/reschedule`).set(bearer(customer)).send({ startAt: slots[2].startAt });
    expect(moved.status).toBe(200);
    expect(moved.body.startAt).toBe(slots[2].startAt);
    const after = await slotsOn(shanghaiDateIn(6), 3);
    expect(after[0].remaining).toBe(1);
    expect(after[2].remaining).toBe(0);

    const mine = await api.get('/api/test-drives/bookings/mine').set(bearer(customer));
    expect(mine.body.map((item: { id: number }) => item.id)).toEqual([booked.body.id]);

    const cancelled = await api.post(`/api/test-drives/bookings/${booked.body.id}/cancel`).set(bearer(customer));
    expect(cancelled.body.status).toBe('CANCELLED');
    expect((await slotsOn(shanghaiDateIn(6), 3))[2].remaining).toBe(1);
    expect((await api.post(`/api/test-drives/bookings/${booked.body.id}/cancel`).set(bearer(customer))).body.code).toBe('BOOKING_NOT_ACTIVE');
    expect((await api.post(`/api/test-drives/bookings/${booked.body.id}/rating`).set(bearer(customer)).send({ rating: 5 })).body.code).toBe('BOOKING_NOT_COMPLETED');
  });

  it('keeps staff tokens out of customer booking routes', async () => {
    const staff = await staffToken(server.baseUrl, 'sc1.shpd');
    expect((await api.get('/api/test-drives/bookings/mine').set(bearer(staff))).status).toBe(403);
  });
});
