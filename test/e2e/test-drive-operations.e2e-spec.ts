import request from 'supertest';
import { bearer, customerToken, hoursFromNow, staffToken, uniqueMobile } from '../support/api';
import { sql } from '../support/database';
import { withVinCheckDigit } from '../../server/src/contracts/vin.rules';
import { shanghaiDateIn } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';


describe('test drives at the store: day board, receiving the customer, fleet', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let manager: string;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    manager = await staffToken(server.baseUrl, 'sm.shpd');
  });
  afterAll(() => server.stop());

  async function firstFreeSlot(modelId: number, daysAhead: number) {
    const slots = await api.get(`/api/test-drives/slots?storeId=1&modelId=${modelId}&date=${shanghaiDateIn(daysAhead)}`);
    return slots.body.find((slot: { remaining: number }) => slot.remaining > 0) as { startAt: string };
  }

  it('books on behalf of a lead, shows it on the day board, and runs the drive through to TEST_DRIVEN', async () => {
    const lead = (await api.post('/api/leads').set(bearer(manager)).send({ name: '到店客户', mobile: uniqueMobile(), source: 'HOTLINE', storeId: 1 })).body;
    const slot = await firstFreeSlot(2, 2);
    const booked = await api.post('/api/test-drives/staff-bookings').set(bearer(manager)).send({ leadId: lead.id, modelId: 2, startAt: slot.startAt });
    expect(booked.status).toBe(201);

    const board = await api.get(`/api/test-drives/schedule?storeId=1&date=${shanghaiDateIn(2)}`).set(bearer(manager));
    expect(board.status).toBe(200);
    expect(board.body.slots.length).toBeGreaterThan(0);
    const onBoard = board.body.cars.flatMap((car: { bookings: Array<{ id: number; leadId: number }> }) => car.bookings);
    expect(onBoard).toEqual(expect.arrayContaining([expect.objectContaining({ id: booked.body.id, leadId: lead.id, status: 'CONFIRMED' })]));
    expect((await api.get(`/api/leads/${lead.id}`).set(bearer(manager))).body.stage).toBe('INVITED');

    const unchecked = await api.post(`/api/test-drives/bookings/${booked.body.id}/start`).set(bearer(manager)).send({ odometerOut: 1200, licenceChecked: false });
    expect(unchecked.body.code).toBe('LICENCE_NOT_CHECKED');
    const started = await api.post(`/api/test-drives/bookings/${booked.body.id}/start`).set(bearer(manager)).send({ odometerOut: 1200, licenceChecked: true });
    expect(started.body).toMatchObject({ status: 'IN_PROGRESS', odometerOut: 1200, licenceChecked: true });
    const backwards = await api.post(`/api/test-drives/bookings/${booked.body.id}/finish`).set(bearer(manager)).send({ odometerIn: 1100, feedback: '好', nextFollowUp: { dueAt: hoursFromNow(24), purpose: '报价' } });
    expect(backwards.body.code).toBe('ODOMETER_INVALID');
    const finished = await api.post(`/api/test-drives/bookings/${booked.body.id}/finish`).set(bearer(manager)).send({ odometerIn: 1215, feedback: '加速有力，内饰满意', nextFollowUp: { dueAt: hoursFromNow(24), purpose: '报价' } });
    expect(finished.body).toMatchObject({ status: 'COMPLETED', odometerIn: 1215, feedback: '加速有力，内饰满意' });
    const detail = (await api.get(`/api/leads/${lead.id}`).set(bearer(manager))).body;
    expect(detail).toMatchObject({ stage: 'TEST_DRIVEN', testDriveFeedback: '加速有力，内饰满意' });
    expect(detail.timeline.some((entry: { kind: string }) => entry.kind === 'TEST_DRIVE')).toBe(true);
  });

  it('marks a no-show and frees the car for the slot', async () => {
    const customer = await customerToken(server.baseUrl);
    const slot = await firstFreeSlot(3, 3);
    const booked = await api.post('/api/test-drives/bookings').set(bearer(customer)).send({ storeId: 1, modelId: 3, startAt: slot.startAt, contactName: '爽约客户', mobile: uniqueMobile() });
    const marked = await api.post(`/api/test-drives/bookings/${booked.body.id}/no-show`).set(bearer(manager));
    expect(marked.body.status).toBe('NO_SHOW');
    const after = await api.get(`/api/test-drives/slots?storeId=1&modelId=3&date=${shanghaiDateIn(3)}`);
    expect(after.body.find((candidate: { startAt: string }) => candidate.startAt === slot.startAt).remaining).toBe(1);
  });

  it('moves a car\'s future drives to another car when it goes into service, and cancels those it cannot move, telling the customer', async () => {
    const cars = await api.get('/api/test-drives/cars?storeId=1').set(bearer(manager));
    const original = cars.body.find((car: { model: { id: number } }) => car.model.id === 1);
    const badVin = await api.post('/api/test-drives/cars').set(bearer(manager)).send({ storeId: 1, modelId: 1, plate: '沪AT0099', vin: 'LSJA24U0IPT000099' });
    expect(badVin.body.details).toEqual([expect.objectContaining({ path: 'vin' })]);
    const badPlate = await api.post('/api/test-drives/cars').set(bearer(manager)).send({ storeId: 1, modelId: 1, plate: 'AB12345', vin: withVinCheckDigit('LSJA24U00PT000099') });
    expect(badPlate.body.details).toEqual([expect.objectContaining({ path: 'plate' })]);
    const spare = await api.post('/api/test-drives/cars').set(bearer(manager)).send({ storeId: 1, modelId: 1, plate: '沪AT0099', vin: withVinCheckDigit('LSJA24U00PT000099') });
    expect(spare.status).toBe(201);
    const duplicate = await api.post('/api/test-drives/cars').set(bearer(manager)).send({ storeId: 1, modelId: 1, plate: '沪AT0099', vin: 'LSJA24U07PA000001' });
    expect(duplicate.status).toBe(409);

    const slotA = await firstFreeSlot(1, 4);
    const customers = await Promise.all([1, 2].map(() => customerToken(server.baseUrl)));
    const bookings = await Promise.all(customers.map((customer) => api.post('/api/test-drives/bookings').set(bearer(customer)).send({ storeId: 1, modelId: 1, startAt: slotA.startAt, contactName: '客户', mobile: uniqueMobile() })));
    expect(bookings.map((booking) => booking.status)).toEqual([201, 201]);

    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    expect((await api.patch(`/api/test-drives/cars/${original.id}`).set(bearer(consultant)).send({ status: 'IN_SERVICE' })).status).toBe(403);
    const outOfService = await api.patch(`/api/test-drives/cars/${original.id}`).set(bearer(manager)).send({ status: 'IN_SERVICE' });
    expect(outOfService.status).toBe(200);
    expect(outOfService.body.car.status).toBe('IN_SERVICE');
    expect(outOfService.body.moved + outOfService.body.cancelled).toBe(1);
    expect(outOfService.body.cancelled).toBe(1);
    const statuses = await sql<{ status: string; car_id: number }>(server.databaseUrl, 'SELECT status, car_id FROM test_drive_bookings WHERE id IN (?, ?)', [bookings[0].body.id, bookings[1].body.id]);
    const active = statuses.filter((booking) => booking.status === 'CONFIRMED');
    expect(active).toHaveLength(1);
    expect(active[0].car_id).not.toBe(original.id);
    expect((await api.get(`/api/test-drives/slots?storeId=1&modelId=1&date=${shanghaiDateIn(4)}`)).body.find((slot: { startAt: string }) => slot.startAt === slotA.startAt).remaining).toBe(0);
  });

  it('offers each store\'s standard routes and refuses another store\'s route', async () => {
    const routes = await api.get('/api/test-drives/routes?storeId=1');
    expect(routes.body).toHaveLength(2);
    const added = await api.post('/api/test-drives/routes').set(bearer(manager)).send({ storeId: 1, name: '郊区长途线', lengthKm: 30, durationMinutes: 50 });
    expect(added.status).toBe(201);
    const otherStoreRoute = (await api.get('/api/test-drives/routes?storeId=3')).body[0];
    const slot = await firstFreeSlot(4, 5);
    const customer = await customerToken(server.baseUrl);
    const refused = await api.post('/api/test-drives/bookings').set(bearer(customer)).send({ storeId: 1, modelId: 4, startAt: slot.startAt, contactName: '路线', mobile: uniqueMobile(), routeId: otherStoreRoute.id });
    expect(refused.body.code).toBe('ROUTE_NOT_FOUND');
    const booked = await api.post('/api/test-drives/bookings').set(bearer(customer)).send({ storeId: 1, modelId: 4, startAt: slot.startAt, contactName: '路线', mobile: uniqueMobile(), routeId: added.body.id });
    expect(booked.body.route).toEqual({ id: added.body.id, name: '郊区长途线' });
  });

  it('lets the store manager set the slot length, window and closed dates, which the slots follow', async () => {
    const closedDay = shanghaiDateIn(9);
    const current = await api.get('/api/test-drives/settings/2').set(bearer(await staffToken(server.baseUrl, 'sm.shmh')));
    expect(current.body).toMatchObject({ slotMinutes: 60, bookingWindowDays: 14, changeCutoffMinutes: 120, closedDates: [] });
    const storeManager = await staffToken(server.baseUrl, 'sm.shmh');
    const consultant = await staffToken(server.baseUrl, 'sc1.shmh');
    const settings = { slotMinutes: 30, bookingWindowDays: 21, changeCutoffMinutes: 60, closedDates: [{ date: closedDay, reason: '店庆闭店' }] };
    expect((await api.put('/api/test-drives/settings/2').set(bearer(consultant)).send(settings)).status).toBe(403);
    expect((await api.put('/api/test-drives/settings/2').set(bearer(manager)).send(settings)).status).toBe(404);
    const saved = await api.put('/api/test-drives/settings/2').set(bearer(storeManager)).send(settings);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...settings, closedDates: [{ date: closedDay, reason: '店庆闭店' }] });
    expect((await api.get(`/api/test-drives/slots?storeId=2&modelId=1&date=${closedDay}`)).body).toEqual([]);
    const halfHours = (await api.get(`/api/test-drives/slots?storeId=2&modelId=1&date=${shanghaiDateIn(10)}`)).body;
    expect(new Date(halfHours[1].startAt).getTime() - new Date(halfHours[0].startAt).getTime()).toBe(30 * 60_000);
    expect((await api.put('/api/test-drives/settings/2').set(bearer(storeManager)).send({ ...settings, slotMinutes: 50 })).status).toBe(400);
  });

  it('keeps another store\'s board out of reach', async () => {
    const otherManager = await staffToken(server.baseUrl, 'sm.hzxh');
    expect((await api.get(`/api/test-drives/schedule?storeId=1&date=${shanghaiDateIn(1)}`).set(bearer(otherManager))).status).toBe(404);
  });
});
