import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { shanghaiDateIn } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const STORE = 1;
const at = (days: number, hour: number) => `${shanghaiDateIn(days)}T${String(hour).padStart(2, '0')}:00:00+08:00`;

describe('service booking and the workshop', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let advisor: string;
  let items: Map<string, number>;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    advisor = await staffToken(server.baseUrl, 'sa.shpd');
    const catalogue = await api.get('/api/service/items?modelId=1');
    items = new Map(catalogue.body.map((item: { code: string; id: number }) => [item.code, item.id]));
  });
  afterAll(() => server.stop());

  /** A car of store 1 bound by its owner, who is signed in by SMS. */
  async function ownedCar(modelId = 1) {
    const mobile = uniqueMobile();
    const plate = uniquePlate();
    const vin = uniqueVin();
    const created = await api.post('/api/vehicles').set(bearer(advisor)).send({ vin, plate, modelId, ownerMobile: mobile, ownerName: '陈车主', deliveredAt: '2025-12-01', mileage: 9_000 });
    expect(created.status).toBe(201);
    const token = await ownerToken(server.baseUrl, mobile);
    expect((await api.post('/api/me/vehicles/bind').set(bearer(token)).send({ vin, plate })).status).toBe(201);
    return { id: created.body.id as number, token, mobile };
  }

  const book = (car: { id: number; token: string }, startAt: string, extra: Record<string, unknown> = {}, key?: string) => {
    const call = api.post('/api/me/service-bookings').set(bearer(car.token));
    if (key) call.set('Idempotency-Key', key);
    return call.send({ vehicleId: car.id, storeId: STORE, serviceType: 'MAINTENANCE', startAt, itemIds: [items.get('OIL_SERVICE')], ...extra });
  };

  it('lists the catalogue for a model: its schedule items and the general ones, not another model’s', async () => {
    const electric = await api.get('/api/service/items?modelId=5');
    const codes = electric.body.map((item: { code: string }) => item.code);
    expect(codes).toEqual(expect.arrayContaining(['HV_BATTERY_CHECK', 'TYRE_ROTATION', 'WHEEL_ALIGNMENT']));
    expect(codes).not.toContain('OIL_SERVICE');
    expect(electric.body.find((item: { code: string }) => item.code === 'CABIN_FILTER').parts).toEqual([expect.objectContaining({ code: 'CABIN-FILTER', quantity: 1, priceFen: 15_800 })]);
  });

  it('books a slot once per Idempotency-Key, one upcoming booking per car, and lets the owner reschedule and cancel', async () => {
    const car = await ownedCar();
    const slots = await api.get(`/api/service/slots?storeId=${STORE}&date=${shanghaiDateIn(2)}`);
    expect(slots.status).toBe(200);
    // 4 bays, one advisor on duty receiving 2 cars a slot: 2 places.
    expect(slots.body[0]).toMatchObject({ remaining: 2 });

    const [first, replay] = await Promise.all([book(car, at(2, 9), { note: '右前轮异响' }, 'k-1'), book(car, at(2, 9), { note: '右前轮异响' }, 'k-1')]);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ status: 'CONFIRMED', serviceType: 'MAINTENANCE', items: [{ name: '更换机油及机滤' }], customerNote: '右前轮异响', vehicle: { id: car.id }, workOrderId: null });
    const second = await book(car, at(2, 10), {}, 'k-2');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('VEHICLE_ALREADY_BOOKED');
    expect((await api.get(`/api/service/slots?storeId=${STORE}&date=${shanghaiDateIn(2)}`)).body[0].remaining).toBe(1);

    const moved = await api.post(`/api/me/service-bookings/${first.body.id}/reschedule`).set(bearer(car.token)).send({ startAt: at(2, 14) });
    expect(moved.status).toBe(200);
    expect(new Date(moved.body.startAt).toISOString()).toBe(new Date(at(2, 14)).toISOString());
    const slotsAfter = await api.get(`/api/service/slots?storeId=${STORE}&date=${shanghaiDateIn(2)}`);
    expect(slotsAfter.body.find((slot: { startAt: string }) => slot.startAt === new Date(at(2, 9)).toISOString()).remaining).toBe(2);
    expect(slotsAfter.body.find((slot: { startAt: string }) => slot.startAt === new Date(at(2, 14)).toISOString()).remaining).toBe(1);

    const cancelled = await api.post(`/api/me/service-bookings/${first.body.id}/cancel`).set(bearer(car.token));
    expect(cancelled.body.status).toBe('CANCELLED');
    expect((await book(car, at(2, 10), {}, 'k-3')).status).toBe(201);
    const mine = await api.get('/api/me/service-bookings').set(bearer(car.token));
    expect(mine.body.map((booking: { status: string }) => booking.status).sort()).toEqual(['CANCELLED', 'CONFIRMED']);
  });

  it('refuses what cannot be booked with clear codes', async () => {
    const car = await ownedCar();
    expect((await book(car, at(2, 7))).body.code).toBe('OUTSIDE_OPENING_HOURS');
    expect((await book(car, at(-1, 10))).body.code).toBe('SLOT_IN_PAST');
    expect((await book(car, at(40, 10))).body.code).toBe('BEYOND_BOOKING_WINDOW');
    expect((await book(car, at(2, 10), { itemIds: [9999] })).body.code).toBe('ITEM_NOT_FOUND');
    const other = await ownedCar();
    const notMine = await book({ id: other.id, token: car.token }, at(2, 10));
    expect(notMine.status).toBe(404);
    expect(notMine.body.code).toBe('VEHICLE_NOT_FOUND');
    expect((await book(car, at(2, 10), { serviceType: 'CAR_WASH' })).status).toBe(400);
  });

  it('never gives a slot more cars than its places, however many owners press at once', async () => {
    const cars = await Promise.all(Array.from({ length: 12 }, () => ownedCar()));
    const results = await Promise.all(cars.map((car, index) => book(car, at(3, 11), {}, `race-${index}`)));
    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    expect(results.filter((result) => result.status === 409).every((result) => result.body.code === 'SLOT_FULL')).toBe(true);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const [{ n }] = await sql<{ n: number }>(server.databaseUrl, "SELECT COUNT(*) n FROM service_bookings WHERE store_id = ? AND start_at = ? AND status = 'CONFIRMED'", [STORE, new Date(at(3, 11))]);
    expect(Number(n)).toBe(2);
    const [{ claims }] = await sql<{ claims: number }>(server.databaseUrl, 'SELECT COUNT(*) claims FROM slot_claims WHERE pool = ? AND slot_start = ?', [`service-slots:${STORE}`, new Date(at(3, 11))]);
    expect(Number(claims)).toBe(2);
  });

  it('shows tomorrow’s arrivals with the car, the recommendation and whether the parts are ready', async () => {
    await sql(server.databaseUrl, "UPDATE part_stocks s JOIN parts p ON p.id = s.part_id SET s.quantity = 1 WHERE s.store_id = ? AND p.code = 'OIL-FILTER'", [STORE]);
    const early = await ownedCar();
    const late = await ownedCar();
    const earlyBooking = await book(early, at(1, 9), { note: '顺便看下空调' });
    expect(earlyBooking.status).toBe(201);
    expect((await book(late, at(1, 10))).status).toBe(201);

    const board = await api.get(`/api/service/board?storeId=${STORE}`).set(bearer(advisor));
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ storeId: STORE, date: shanghaiDateIn(1), capacityPerSlot: 2 });
    const [first, second] = board.body.arrivals;
    expect(first).toMatchObject({
      booking: { id: earlyBooking.body.id, customerNote: '顺便看下空调', mobile: early.mobile },
      customer: { vehicleCount: 1 },
      vehicle: { id: early.id, mileageKm: 9_000, warrantyActive: false },
      requestedItems: [{ name: '更换机油及机滤' }],
      parts: { ready: true },
      lastVisit: null,
    });
    expect(first.recommended).toEqual(expect.arrayContaining([expect.objectContaining({ name: '更换机油及机滤', status: 'DUE' })]));
    // The one oil filter on the shelf goes to the earlier car.
    expect(second.parts).toEqual({ ready: false, lines: expect.arrayContaining([expect.objectContaining({ code: 'OIL-FILTER', needed: 1, available: 0, short: 1 })]) });
    const stock = await api.get(`/api/service/parts?storeId=${STORE}&q=OIL-FILTER`).set(bearer(advisor));
    expect(stock.body).toEqual([expect.objectContaining({ code: 'OIL-FILTER', quantity: 1, neededTomorrow: 2 })]);
    expect((await api.get(`/api/service/board?storeId=3`).set(bearer(advisor))).status).toBe(404);
    await sql(server.databaseUrl, "UPDATE part_stocks s JOIN parts p ON p.id = s.part_id SET s.quantity = 40 WHERE s.store_id = ? AND p.code = 'OIL-FILTER'", [STORE]);
  });

  it('runs a work order from check-in to settlement and writes the visit into the vehicle file', async () => {
    const car = await ownedCar();
    const booking = await book(car, at(1, 15), { itemIds: [items.get('OIL_SERVICE'), items.get('CABIN_FILTER')] });
    const checkedIn = await api.post('/api/service/work-orders').set(bearer(advisor)).send({ bookingId: booking.body.id, mileage: 9_800 });
    expect(checkedIn.status).toBe(201);
    const order = checkedIn.body;
    // Labour 0.5 h + 0.2 h at 300 CNY; parts 4 L oil, an oil filter, a cabin filter.
    expect(order).toMatchObject({ status: 'CHECKED_IN', checkInMileage: 9_800, labourFen: 21_000, partsFen: 4 * 9_800 + 6_800 + 15_800, allowedNext: ['IN_PROGRESS'] });
    expect(order.items.map((item: { name: string }) => item.name)).toEqual(['更换机油及机滤', '更换空调滤清器']);
    expect((await api.post('/api/service/work-orders').set(bearer(advisor)).send({ bookingId: booking.body.id, mileage: 9_800 })).body.code).toBe('ALREADY_CHECKED_IN');
    const lowerMileage = await api.post('/api/service/work-orders').set(bearer(advisor)).send({ vehicleId: car.id, storeId: STORE, serviceType: 'REPAIR', mileage: 100 });
    expect(lowerMileage.body.code).toBe('MILEAGE_DECREASING');

    const edited = await api.put(`/api/service/work-orders/${order.id}/items`).set(bearer(advisor)).send({
      items: [{ itemId: items.get('OIL_SERVICE') }, { name: '检查右前轮异响', labourHundredths: 100 }, { itemId: items.get('WIPER'), parts: [{ partId: order.items[0].parts[1].partId, quantity: 1 }] }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.labourFen).toBe(15_000 + 30_000 + 3_000);
    expect(edited.body.totalFen).toBe(edited.body.labourFen + edited.body.partsFen);

    const move = (status: string) => api.post(`/api/service/work-orders/${order.id}/status`).set(bearer(advisor)).send({ status });
    expect((await move('READY')).body.code).toBe('STATUS_TRANSITION_INVALID');
    expect((await move('IN_PROGRESS')).body.status).toBe('IN_PROGRESS');
    expect((await move('QUALITY_CHECK')).body.allowedNext).toEqual(['READY', 'IN_PROGRESS']);
    expect((await move('IN_PROGRESS')).body.status).toBe('IN_PROGRESS');
    await move('QUALITY_CHECK');
    const progress = await api.get('/api/me/work-orders').set(bearer(car.token));
    expect(progress.body[0]).toMatchObject({ id: order.id, status: 'QUALITY_CHECK', items: ['更换机油及机滤', '检查右前轮异响', '更换雨刮片'] });
    expect((await move('READY')).body.status).toBe('READY');

    const [before] = await sql<{ quantity: number }>(server.databaseUrl, "SELECT quantity FROM part_stocks s JOIN parts p ON p.id = s.part_id WHERE s.store_id = ? AND p.code = 'OIL-FILTER'", [STORE]);
    const settled = await move('SETTLED');
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({ status: 'SETTLED', totalFen: edited.body.totalFen, allowedNext: [] });
    expect(settled.body.settledAt).not.toBeNull();
    const [after] = await sql<{ quantity: number }>(server.databaseUrl, "SELECT quantity FROM part_stocks s JOIN parts p ON p.id = s.part_id WHERE s.store_id = ? AND p.code = 'OIL-FILTER'", [STORE]);
    expect(after.quantity).toBe(before.quantity - 2);
    expect((await move('IN_PROGRESS')).body.code).toBe('STATUS_TRANSITION_INVALID');
    expect((await api.put(`/api/service/work-orders/${order.id}/items`).set(bearer(advisor)).send({ items: [] })).body.code).toBe('WORK_ORDER_SETTLED');

    const file = await api.get(`/api/vehicles/${car.id}`).set(bearer(advisor));
    expect(file.body.serviceRecords).toEqual([expect.objectContaining({ workOrderId: order.id, mileageKm: 9_800, totalFen: edited.body.totalFen, serviceType: 'MAINTENANCE' })]);
    expect(file.body.serviceRecords[0].lines.map((line: { name: string }) => line.name)).toEqual(['更换机油及机滤', '检查右前轮异响', '更换雨刮片']);
    // The oil change is done at 9,800 km: next due at 19,800 km.
    expect(file.body.schedule.items.find((item: { code: string }) => item.code === 'OIL_SERVICE')).toMatchObject({ lastDoneKm: 9_800, dueKm: 19_800 });
    const events = await sql<{ type: string; payload: object }>(server.databaseUrl, 'SELECT type, payload FROM domain_events WHERE subject_id = ?', [order.id]);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('service.settled');
    expect(typeof events[0].payload === 'string' ? JSON.parse(events[0].payload) : events[0].payload).toMatchObject({ workOrderId: order.id, vehicleId: car.id, totalFen: edited.body.totalFen });
    const ownerView = await api.get(`/api/me/vehicles/${car.id}`).set(bearer(car.token));
    expect(ownerView.body.serviceRecords).toHaveLength(1);
  });

  it('never takes stock below zero when settlements race for the last parts', async () => {
    await sql(server.databaseUrl, "UPDATE part_stocks s JOIN parts p ON p.id = s.part_id SET s.quantity = 3 WHERE s.store_id = ? AND p.code = 'OIL-FILTER'", [STORE]);
    const orders: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const car = await ownedCar();
      const order = await api.post('/api/service/work-orders').set(bearer(advisor)).send({ vehicleId: car.id, storeId: STORE, serviceType: 'MAINTENANCE', mileage: 10_000 });
      expect(order.status).toBe(201);
      await api.put(`/api/service/work-orders/${order.body.id}/items`).set(bearer(advisor)).send({ items: [{ itemId: items.get('OIL_SERVICE') }] });
      for (const status of ['IN_PROGRESS', 'QUALITY_CHECK', 'READY']) await api.post(`/api/service/work-orders/${order.body.id}/status`).set(bearer(advisor)).send({ status });
      orders.push(order.body.id);
    }
    const results = await Promise.all(orders.map((id) => api.post(`/api/service/work-orders/${id}/status`).set(bearer(advisor)).send({ status: 'SETTLED' })));
    expect(results.filter((result) => result.status === 200)).toHaveLength(3);
    const refused = results.filter((result) => result.status !== 200);
    expect(refused.map((result) => [result.status, result.body.code])).toEqual(Array(3).fill([409, 'PARTS_OUT_OF_STOCK']));
    expect(refused[0].body.details).toEqual([expect.objectContaining({ path: 'OIL-FILTER' })]);
    const [stock] = await sql<{ quantity: number }>(server.databaseUrl, "SELECT quantity FROM part_stocks s JOIN parts p ON p.id = s.part_id WHERE s.store_id = ? AND p.code = 'OIL-FILTER'", [STORE]);
    expect(stock.quantity).toBe(0);
    // A refused settlement left nothing behind: no record, no event, no movement, still READY.
    const [{ records }] = await sql<{ records: number }>(server.databaseUrl, `SELECT COUNT(*) records FROM service_records WHERE work_order_id IN (${orders.join(',')})`);
    const [{ events }] = await sql<{ events: number }>(server.databaseUrl, `SELECT COUNT(*) events FROM domain_events WHERE subject_id IN (${orders.join(',')})`);
    const [{ moves }] = await sql<{ moves: number }>(server.databaseUrl, `SELECT COUNT(*) moves FROM part_stock_movements WHERE work_order_id IN (${orders.join(',')}) AND part_id = (SELECT id FROM parts WHERE code = 'OIL-FILTER')`);
    expect([Number(records), Number(events), Number(moves)]).toEqual([3, 3, 3]);
    const ready = await sql(server.databaseUrl, `SELECT id FROM work_orders WHERE id IN (${orders.join(',')}) AND status = 'READY'`);
    expect(ready).toHaveLength(3);

    const [oilFilter] = await sql<{ id: number }>(server.databaseUrl, "SELECT id FROM parts WHERE code = 'OIL-FILTER'");
    const received = await api.post('/api/service/parts/receive').set(bearer(advisor)).send({ storeId: STORE, partId: oilFilter.id, quantity: 10, reason: '供应商到货' });
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({ code: 'OIL-FILTER', quantity: 10 });
    const movements = await api.get(`/api/service/parts/movements?storeId=${STORE}`).set(bearer(advisor));
    expect(movements.body[0]).toMatchObject({ delta: 10, reason: '供应商到货', part: { code: 'OIL-FILTER' } });
  });

  it('lets staff book by phone, see the calendar, record a no-show, and keeps other stores out', async () => {
    const car = await ownedCar();
    const phoned = await api.post('/api/service/bookings').set(bearer(advisor)).send({ vehicleId: car.id, storeId: STORE, serviceType: 'INSPECTION', startAt: at(4, 16), itemIds: [] });
    expect(phoned.status).toBe(201);
    const calendar = await api.get(`/api/service/bookings?storeId=${STORE}&from=${shanghaiDateIn(4)}&to=${shanghaiDateIn(4)}`).set(bearer(advisor));
    expect(calendar.body.map((booking: { id: number }) => booking.id)).toContain(phoned.body.id);
    expect((await api.post(`/api/service/bookings/${phoned.body.id}/no-show`).set(bearer(advisor))).body.code).toBe('NO_SHOW_TOO_EARLY');
    await sql(server.databaseUrl, 'UPDATE service_bookings SET start_at = start_at - INTERVAL 5 DAY, end_at = end_at - INTERVAL 5 DAY WHERE id = ?', [phoned.body.id]);
    expect((await api.post(`/api/service/bookings/${phoned.body.id}/no-show`).set(bearer(advisor))).body.status).toBe('NO_SHOW');
    expect((await api.get('/api/me/service-bookings').set(bearer(car.token))).body[0]).toMatchObject({ id: phoned.body.id, status: 'NO_SHOW' });

    const otherStore = await staffToken(server.baseUrl, 'sa.hzxh');
    expect((await api.get(`/api/service/bookings?storeId=${STORE}&from=${shanghaiDateIn(4)}&to=${shanghaiDateIn(4)}`).set(bearer(otherStore))).status).toBe(404);
    const orders = await api.get('/api/service/work-orders').set(bearer(otherStore));
    expect(orders.body.total).toBe(0);
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    expect((await api.get(`/api/service/board?storeId=${STORE}`).set(bearer(consultant))).status).toBe(403);
    const list = await api.get(`/api/service/work-orders?storeId=${STORE}&status=SETTLED`).set(bearer(advisor));
    expect(list.body.items.every((item: { status: string }) => item.status === 'SETTLED')).toBe(true);
  });

  it('lets a manager set up the workshop: more bays and advisors’ jobs open more places', async () => {
    const manager = await staffToken(server.baseUrl, 'sm.shmh');
    const before = await api.get('/api/service/settings/2').set(bearer(manager));
    expect(before.body).toMatchObject({ storeId: 2, bayCount: 4, advisorsOnDuty: 1, serviceJobsPerAdvisor: 2, capacityPerSlot: 2, labourRateFen: 30_000 });
    const saved = await api.put('/api/service/settings/2').set(bearer(manager)).send({ ...before.body, storeId: undefined, advisorsOnDuty: undefined, capacityPerSlot: undefined, serviceJobsPerAdvisor: 6, bayCount: 5 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ bayCount: 5, capacityPerSlot: 5 });
    expect((await api.get(`/api/service/slots?storeId=2&date=${shanghaiDateIn(2)}`)).body[0].remaining).toBe(5);
    const fewer = await api.put('/api/service/settings/2').set(bearer(manager)).send({ serviceSlotMinutes: 60, serviceBookingWindowDays: 30, serviceJobsPerAdvisor: 6, labourRateFen: 32_000, bayCount: 3 });
    expect(fewer.body).toMatchObject({ bayCount: 3, capacityPerSlot: 3, labourRateFen: 32_000 });
    expect((await api.put('/api/service/settings/2').set(bearer(advisor)).send(fewer.body)).status).toBe(403);
    expect((await api.put('/api/service/settings/1').set(bearer(manager)).send({ serviceSlotMinutes: 60, serviceBookingWindowDays: 30, serviceJobsPerAdvisor: 6, labourRateFen: 32_000, bayCount: 3 })).status).toBe(404);
  });
});
