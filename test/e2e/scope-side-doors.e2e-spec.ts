import request from 'supertest';
import { bearer, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { shanghaiDateIn } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Side doors into another store's data: every endpoint that takes a customer, vehicle, lead, staff, store, booking
 * or work order id in its body, query or path, tried by callers of store 1 (上海浦东, 上海区域) with the records of
 * store 3 (杭州西湖, 杭州区域). Out of scope is a 404 (403 where the role may not call at all) and nothing is written.
 */
const OURS = 1;
const THEIRS = 3;

type Caller = 'consultant' | 'storeManager' | 'advisor' | 'marketer' | 'regionManager';
const USERNAMES: Record<Caller, string> = { consultant: 'sc1.shpd', storeManager: 'sm.shpd', advisor: 'sa.shpd', marketer: 'marketer', regionManager: 'rm.sh' };

/** Everything an endpoint in the table could write; compared before and after each attempt. */
const FOOTPRINT = `SELECT
  (SELECT COUNT(*) FROM complaints) AS complaints,
  (SELECT COUNT(*) FROM leads) AS leads,
  (SELECT COUNT(*) FROM lead_touches) AS leadTouches,
  (SELECT COUNT(*) FROM lead_assignments) AS leadAssignments,
  (SELECT COALESCE(SUM(assignee_id), 0) FROM leads) AS assignees,
  (SELECT COUNT(*) FROM vehicles) AS vehicles,
  (SELECT COUNT(*) FROM service_bookings) AS serviceBookings,
  (SELECT COUNT(*) FROM service_bookings WHERE status = 'CONFIRMED') AS confirmedBookings,
  (SELECT COUNT(*) FROM work_orders) AS workOrders,
  (SELECT COUNT(*) FROM part_stock_movements) AS partMovements,
  (SELECT COUNT(*) FROM test_drive_cars) AS testDriveCars,
  (SELECT COUNT(*) FROM test_drive_routes) AS testDriveRoutes,
  (SELECT COUNT(*) FROM test_drive_bookings) AS testDriveBookings,
  (SELECT COUNT(*) FROM campaigns) AS campaigns,
  (SELECT COUNT(*) FROM points_entries) AS pointsEntries,
  (SELECT COUNT(*) FROM staff WHERE on_duty) AS onDuty,
  (SELECT COUNT(*) FROM consultant_specialties) AS specialties,
  (SELECT COUNT(*) FROM store_settings) AS storeSettings,
  (SELECT COALESCE(SUM(slot_minutes + labour_rate_fen), 0) FROM store_settings) AS settingValues,
  (SELECT COUNT(*) FROM store_closed_dates) AS closedDates,
  (SELECT COUNT(*) FROM service_bays WHERE active) AS activeBays`;

interface Attempt {
  caller: Caller;
  method: 'get' | 'post' | 'put' | 'patch';
  path: string;
  body?: Record<string, unknown>;
  status: 403 | 404;
  code?: string;
}

describe('data scopes through side doors', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  const tokens = {} as Record<Caller, string>;
  let admin: string;
  const theirs = { mobile: uniqueMobile(), vin: uniqueVin(), leadId: 0, customerId: 0, vehicleId: 0, workOrderId: 0, complaintId: 0, bookingId: 0, consultantId: 0 };
  const ours = { mobile: uniqueMobile(), vehicleId: 0, customerId: 0, colleagueLead: { id: 0, mobile: uniqueMobile() }, colleagueId: 0, consultantId: 0 };

  /** The first bookable workshop slot of store 3 in the coming week. */
  async function freeWorkshopSlot(): Promise<string> {
    for (let days = 1; days <= 7; days += 1) {
      const slots = await api.get(`/api/service/slots?storeId=${THEIRS}&date=${shanghaiDateIn(days)}`);
      const free = (slots.body as Array<{ startAt: string; remaining: number }>).find((slot) => slot.remaining > 0);
      if (free) return free.startAt;
    }
    throw new Error('no free workshop slot at store 3 this week');
  }

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    admin = await staffToken(server.baseUrl, 'admin');
    for (const caller of Object.keys(USERNAMES) as Caller[]) tokens[caller] = await staffToken(server.baseUrl, USERNAMES[caller]);
    const staffIds = new Map((await sql<{ id: number; username: string }>(server.databaseUrl, 'SELECT id, username FROM staff')).map((row) => [row.username, Number(row.id)]));
    theirs.consultantId = staffIds.get('sc1.hzxh')!;
    ours.colleagueId = staffIds.get('sc2.shpd')!;
    ours.consultantId = staffIds.get('sc1.shpd')!;

    const lead = await api.post('/api/leads').set(bearer(admin)).send({ name: '西湖客户', mobile: theirs.mobile, source: 'HOTLINE', storeId: THEIRS });
    expect(lead.status).toBe(201);
    theirs.leadId = lead.body.id;
    theirs.customerId = lead.body.customer.id;
    const vehicle = await api.post('/api/vehicles').set(bearer(admin)).send({ vin: theirs.vin, plate: uniquePlate(), modelId: 1, ownerMobile: theirs.mobile, ownerName: '西湖客户', storeId: THEIRS, mileage: 5_000 });
    expect(vehicle.status).toBe(201);
    theirs.vehicleId = vehicle.body.id;
    const workOrder = await api.post('/api/service/work-orders').set(bearer(admin)).send({ vehicleId: theirs.vehicleId, storeId: THEIRS, serviceType: 'REPAIR', mileage: 5_100 });
    expect(workOrder.status).toBe(201);
    theirs.workOrderId = workOrder.body.id;
    const complaint = await api.post('/api/complaints').set(bearer(admin)).send({ customerId: theirs.customerId, storeId: THEIRS, category: 'WAITING', content: '等了两个小时没人理' });
    expect(complaint.status).toBe(201);
    theirs.complaintId = complaint.body.id;
    const booking = await api.post('/api/service/bookings').set(bearer(admin)).send({ vehicleId: theirs.vehicleId, storeId: THEIRS, serviceType: 'MAINTENANCE', startAt: await freeWorkshopSlot() });
    expect(booking.status).toBe(201);
    theirs.bookingId = booking.body.id;

    const ourVehicle = await api.post('/api/vehicles').set(bearer(admin)).send({ vin: uniqueVin(), plate: uniquePlate(), modelId: 1, ownerMobile: ours.mobile, ownerName: '浦东车主', storeId: OURS, mileage: 8_000 });
    expect(ourVehicle.status).toBe(201);
    ours.vehicleId = ourVehicle.body.id;
    ours.customerId = ourVehicle.body.owner.id;
    const colleagueLead = await api.post('/api/leads').set(bearer(admin)).send({ name: '同事的客户', mobile: ours.colleagueLead.mobile, source: 'HOTLINE', storeId: OURS });
    ours.colleagueLead.id = colleagueLead.body.id;
    expect((await api.post(`/api/leads/${ours.colleagueLead.id}/assign`).set(bearer(admin)).send({ staffId: ours.colleagueId })).status).toBe(200);
  });
  afterAll(() => server.stop());

  const footprint = async () => (await sql<Record<string, unknown>>(server.databaseUrl, FOOTPRINT))[0];

  async function attempt({ caller, method, path, body }: Attempt) {
    const call = api[method](path).set(bearer(tokens[caller]));
    return body ? call.send(body) : call;
  }

  /** Tries each attempt in turn: the answer (and its code), no trace of the other store's record, nothing written. */
  async function expectRefused(attempts: Attempt[], leaked: string[] = []) {
    for (const entry of attempts) {
      const before = await footprint();
      const response = await attempt(entry);
      const label = `${entry.caller} ${entry.method.toUpperCase()} ${entry.path} ${JSON.stringify(entry.body ?? {})}`;
      expect({ label, status: response.status }).toEqual({ label, status: entry.status });
      if (entry.code) expect({ label, code: response.body.code }).toEqual({ label, code: entry.code });
      for (const secret of [theirs.mobile, theirs.vin, '西湖客户', ...leaked]) expect({ label, leaked: JSON.stringify(response.body).includes(secret) }).toEqual({ label, leaked: false });
      expect({ label, written: await footprint() }).toEqual({ label, written: before });
    }
  }

  const each = (callers: Caller[], rest: Omit<Attempt, 'caller'>): Attempt[] => callers.map((caller) => ({ caller, ...rest }));
  const complaintBody = (customerId: number, storeId: number) => ({ customerId, storeId, category: 'ATTITUDE', content: '服务态度很差劲' });
  const nextWeek = () => `${shanghaiDateIn(7)}T10:00:00+08:00`;

  it('refuses a complaint about a customer outside the caller\'s scope, and about one of an out-of-scope store', async () => {
    await expectRefused([
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'post', path: '/api/complaints', body: complaintBody(theirs.customerId, OURS), status: 404, code: 'CUSTOMER_NOT_FOUND' }),
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'post', path: '/api/complaints', body: complaintBody(ours.customerId, THEIRS), status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(['consultant', 'marketer'], { method: 'post', path: '/api/complaints', body: complaintBody(theirs.customerId, OURS), status: 403 }),
    ]);
  });

  it('records a complaint about a customer the caller\'s store or region serves', async () => {
    const before = Number((await footprint()).complaints);
    // A car at the store, and a lead at the store: either puts the customer in the store's scope.
    const [colleaguesCustomer] = await sql<{ customerId: number }>(server.databaseUrl, 'SELECT customer_id AS customerId FROM leads WHERE id = ?', [ours.colleagueLead.id]);
    for (const [caller, customerId] of [['advisor', ours.customerId], ['storeManager', Number(colleaguesCustomer.customerId)], ['regionManager', ours.customerId]] as const) {
      const recorded = await api.post('/api/complaints').set(bearer(tokens[caller])).send(complaintBody(customerId, OURS));
      expect(recorded.status).toBe(201);
      expect(recorded.body.customer.id).toBe(customerId);
    }
    expect(Number((await footprint()).complaints)).toBe(before + 3);
  });

  it('refuses store, vehicle, lead and booking ids of another store in the body of every write', async () => {
    const workshop: Caller[] = ['storeManager', 'advisor', 'regionManager'];
    const sales: Caller[] = ['consultant', 'storeManager', 'regionManager'];
    const lead = { name: '越权客户', mobile: uniqueMobile(), source: 'WALK_IN' };
    await expectRefused([
      ...each(sales, { method: 'post', path: '/api/leads', body: { ...lead, storeId: THEIRS }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(['advisor', 'marketer'], { method: 'post', path: '/api/leads', body: { ...lead, storeId: OURS }, status: 403 }),
      ...each(['consultant', ...workshop], { method: 'post', path: '/api/vehicles', body: { vin: uniqueVin(), plate: uniquePlate(), modelId: 1, ownerMobile: uniqueMobile(), ownerName: '越权车主', storeId: THEIRS }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(workshop, { method: 'post', path: '/api/service/bookings', body: { vehicleId: theirs.vehicleId, storeId: OURS, serviceType: 'MAINTENANCE', startAt: nextWeek() }, status: 404, code: 'VEHICLE_NOT_FOUND' }),
      ...each(workshop, { method: 'post', path: '/api/service/bookings', body: { vehicleId: ours.vehicleId, storeId: THEIRS, serviceType: 'MAINTENANCE', startAt: nextWeek() }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(['consultant', 'marketer'], { method: 'post', path: '/api/service/bookings', body: { vehicleId: ours.vehicleId, storeId: OURS, serviceType: 'MAINTENANCE', startAt: nextWeek() }, status: 403 }),
      ...each(workshop, { method: 'post', path: '/api/service/work-orders', body: { vehicleId: theirs.vehicleId, storeId: OURS, serviceType: 'REPAIR', mileage: 9_000 }, status: 404, code: 'VEHICLE_NOT_FOUND' }),
      ...each(workshop, { method: 'post', path: '/api/service/work-orders', body: { vehicleId: ours.vehicleId, storeId: THEIRS, serviceType: 'REPAIR', mileage: 9_000 }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(workshop, { method: 'post', path: '/api/service/work-orders', body: { bookingId: theirs.bookingId, mileage: 9_000 }, status: 404, code: 'BOOKING_NOT_FOUND' }),
      ...each(workshop, { method: 'post', path: `/api/service/bookings/${theirs.bookingId}/cancel`, status: 404 }),
      ...each(workshop, { method: 'post', path: '/api/service/parts/receive', body: { storeId: THEIRS, partId: 1, quantity: 5 }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(sales, { method: 'post', path: '/api/test-drives/staff-bookings', body: { leadId: theirs.leadId, modelId: 1, startAt: nextWeek() }, status: 404, code: 'LEAD_NOT_FOUND' }),
      { caller: 'consultant', method: 'post', path: '/api/test-drives/staff-bookings', body: { leadId: ours.colleagueLead.id, modelId: 1, startAt: nextWeek() }, status: 404, code: 'LEAD_NOT_FOUND' },
      ...each(['advisor', 'marketer'], { method: 'post', path: '/api/test-drives/staff-bookings', body: { leadId: theirs.leadId, modelId: 1, startAt: nextWeek() }, status: 403 }),
      ...each(['storeManager', 'regionManager'], { method: 'post', path: '/api/test-drives/cars', body: { storeId: THEIRS, modelId: 1, plate: uniquePlate(), vin: uniqueVin() }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(['storeManager', 'regionManager'], { method: 'post', path: '/api/test-drives/routes', body: { storeId: THEIRS, name: '越权路线', lengthKm: 10, durationMinutes: 30 }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(['consultant', 'advisor'], { method: 'post', path: '/api/test-drives/routes', body: { storeId: OURS, name: '越权路线', lengthKm: 10, durationMinutes: 30 }, status: 403 }),
      ...each(['storeManager', 'regionManager'], { method: 'put', path: `/api/test-drives/settings/${THEIRS}`, body: { slotMinutes: 30, bookingWindowDays: 2, changeCutoffMinutes: 0, closedDates: [{ date: shanghaiDateIn(2) }] }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(['storeManager', 'regionManager'], { method: 'put', path: `/api/service/settings/${THEIRS}`, body: { serviceSlotMinutes: 15, serviceBookingWindowDays: 1, serviceJobsPerAdvisor: 1, labourRateFen: 0, bayCount: 0 }, status: 404, code: 'STORE_NOT_FOUND' }),
    ]);
  });

  it('refuses a staff member of another store as the one to take a lead, a handover or a consultant setting', async () => {
    await expectRefused([
      ...each(['storeManager', 'regionManager'], { method: 'post', path: `/api/leads/${ours.colleagueLead.id}/assign`, body: { staffId: theirs.consultantId }, status: 404, code: 'STAFF_NOT_FOUND' }),
      ...each(['storeManager', 'regionManager'], { method: 'post', path: `/api/staff/${ours.consultantId}/handover`, body: { toStaffId: theirs.consultantId }, status: 404, code: 'STAFF_NOT_FOUND' }),
      ...each(['storeManager', 'regionManager'], { method: 'post', path: `/api/staff/${theirs.consultantId}/handover`, body: {}, status: 404, code: 'STAFF_NOT_FOUND' }),
      ...each(['storeManager', 'regionManager'], { method: 'patch', path: `/api/stores/${OURS}/consultants/${theirs.consultantId}`, body: { onDuty: false }, status: 404, code: 'STAFF_NOT_FOUND' }),
      ...each(['storeManager', 'regionManager'], { method: 'patch', path: `/api/stores/${THEIRS}/consultants/${theirs.consultantId}`, body: { onDuty: false }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(['storeManager', 'regionManager'], { method: 'put', path: `/api/stores/${THEIRS}/assignment`, body: { assignmentMode: 'ROUND_ROBIN', consultantOpenLeadCap: 5, consultantDiscountLimitBp: 100 }, status: 404, code: 'STORE_NOT_FOUND' }),
      ...each(['consultant', 'advisor', 'marketer'], { method: 'post', path: `/api/leads/${ours.colleagueLead.id}/assign`, body: { staffId: ours.consultantId }, status: 403 }),
    ]);
  });

  it('keeps customer ids, segments and campaigns to the roles that see every member', async () => {
    await expectRefused([
      ...each(['consultant', 'storeManager', 'advisor', 'regionManager'], { method: 'post', path: '/api/loyalty/adjustments', body: { customerId: theirs.customerId, points: 100, reason: '越权', idempotencyKey: 'side-door-1' }, status: 403 }),
      ...each(['consultant', 'storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/automation/messages?customerId=${theirs.customerId}`, status: 403 }),
      ...each(['consultant', 'storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/automation/outbox?customerId=${theirs.customerId}`, status: 403 }),
      ...each(['consultant', 'storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/loyalty/members/${theirs.customerId}`, status: 403 }),
      ...each(['consultant', 'storeManager', 'advisor', 'regionManager'], { method: 'post', path: '/api/marketing/campaigns', body: { name: '越权活动', segmentId: 1, channel: 'IN_APP', title: 't', content: 'c' }, status: 403 }),
    ]);
  });

  it('answers 404 for another store\'s records by id in the path or a store id in the query', async () => {
    const date = shanghaiDateIn(1);
    await expectRefused([
      ...each(['consultant', 'storeManager', 'regionManager'], { method: 'get', path: `/api/leads/${theirs.leadId}`, status: 404 }),
      ...each(['consultant', 'storeManager', 'regionManager'], { method: 'post', path: `/api/leads/${theirs.leadId}/reveal-mobile`, status: 404 }),
      ...each(['consultant', 'storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/vehicles/${theirs.vehicleId}`, status: 404 }),
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/service/work-orders/${theirs.workOrderId}`, status: 404 }),
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/complaints/${theirs.complaintId}`, status: 404 }),
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/service/board?storeId=${THEIRS}`, status: 404 }),
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/service/bookings?storeId=${THEIRS}&from=${date}&to=${shanghaiDateIn(7)}`, status: 404 }),
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/service/parts?storeId=${THEIRS}`, status: 404 }),
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/service/parts/movements?storeId=${THEIRS}`, status: 404 }),
      ...each(['storeManager', 'advisor', 'regionManager'], { method: 'get', path: `/api/service/settings/${THEIRS}`, status: 404 }),
      ...each(['consultant', 'storeManager', 'regionManager'], { method: 'get', path: `/api/test-drives/schedule?storeId=${THEIRS}&date=${date}`, status: 404 }),
      ...each(['consultant', 'storeManager', 'regionManager'], { method: 'get', path: `/api/test-drives/cars?storeId=${THEIRS}`, status: 404 }),
      ...each(['consultant', 'storeManager', 'regionManager'], { method: 'get', path: `/api/test-drives/settings/${THEIRS}`, status: 404 }),
      ...each(['storeManager', 'regionManager'], { method: 'get', path: `/api/stores/${THEIRS}/assignment`, status: 404 }),
    ]);
  });

  it('finds nothing of another store by mobile, VIN or name in any search', async () => {
    const searches: Array<{ path: string; callers: Caller[] }> = [
      { path: `/api/leads?q=${theirs.mobile}`, callers: ['consultant', 'storeManager', 'regionManager'] },
      { path: `/api/leads?storeId=${THEIRS}`, callers: ['consultant', 'storeManager', 'regionManager'] },
      { path: `/api/vehicles?q=${theirs.mobile}`, callers: ['consultant', 'storeManager', 'advisor', 'regionManager'] },
      { path: `/api/vehicles?q=${theirs.vin}`, callers: ['consultant', 'storeManager', 'advisor', 'regionManager'] },
      { path: `/api/complaints?q=${theirs.mobile}`, callers: ['storeManager', 'advisor', 'regionManager'] },
      { path: `/api/service/work-orders?q=${theirs.mobile}`, callers: ['storeManager', 'advisor', 'regionManager'] },
      { path: `/api/staff?q=sc1.hzxh`, callers: ['storeManager', 'regionManager'] },
    ];
    for (const { path, callers } of searches) {
      // The same search by the admin finds the record, so an empty answer means the scope, not the query.
      expect((await api.get(path).set(bearer(admin))).body.total).toBeGreaterThan(0);
      for (const caller of callers) {
        const found = await api.get(path).set(bearer(tokens[caller]));
        expect({ path, caller, status: found.status, total: found.body.total }).toEqual({ path, caller, status: 200, total: 0 });
      }
    }
  });

  describe('capture joining an open lead', () => {
    const capture = (caller: Caller | 'colleague', name: string) =>
      api
        .post('/api/leads')
        .set(bearer(caller === 'colleague' ? colleagueToken : tokens[caller]))
        .send({ name, mobile: ours.colleagueLead.mobile, source: 'WALK_IN', storeId: OURS });
    let colleagueToken: string;
    beforeAll(async () => {
      colleagueToken = await staffToken(server.baseUrl, 'sc2.shpd');
    });
    const touches = async () => Number((await sql<{ count: number }>(server.databaseUrl, 'SELECT COUNT(*) AS count FROM lead_touches WHERE lead_id = ?', [ours.colleagueLead.id]))[0].count);

    it('tells a consultant only that the capture joined a colleague\'s lead, and logs the touch on it', async () => {
      const before = await touches();
      const joined = await capture('consultant', '路过的客户');
      expect(joined.status).toBe(200);
      expect(joined.body).toEqual({ joined: true, leadId: ours.colleagueLead.id });
      expect(await touches()).toBe(before + 1);
    });

    it('answers the whole lead to its own consultant and to the store manager', async () => {
      for (const caller of ['colleague', 'storeManager'] as const) {
        const joined = await capture(caller, '同事的客户');
        expect(joined.status).toBe(200);
        expect(joined.body).toMatchObject({ id: ours.colleagueLead.id, joined: true, name: '同事的客户', mobile: ours.colleagueLead.mobile, assignedTo: { id: ours.colleagueId } });
      }
    });
  });
});
