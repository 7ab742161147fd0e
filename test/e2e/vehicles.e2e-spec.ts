import request from 'supertest';
import { bearer, customerToken, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

describe('the vehicle file (一车一档)', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let advisor: string;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    advisor = await staffToken(server.baseUrl, 'sa.shpd');
  });
  afterAll(() => server.stop());

  async function newCar(overrides: Record<string, unknown> = {}) {
    const car = { vin: uniqueVin(), plate: uniquePlate(), modelId: 1, ownerMobile: uniqueMobile(), ownerName: '张伟', deliveredAt: '2025-11-20', mileage: 12_000, ...overrides };
    const response = await api.post('/api/vehicles').set(bearer(advisor)).send(car);
    expect(response.status).toBe(201);
    return { ...car, id: response.body.id as number, body: response.body };
  }

  it('opens a file with the reading history, the schedule and the owner', async () => {
    const car = await newCar({ colour: '珍珠白', options: ['全景天窗'], insuranceCompany: '中国人保', insuranceExpiresOn: '2026-12-20', warrantyEndsOn: '2028-11-20', warrantyKm: 100_000 });
    expect(car.body).toMatchObject({
      vin: car.vin,
      plate: car.plate,
      model: { id: 1 },
      store: { id: 1 },
      owner: { name: '张伟', mobile: car.ownerMobile },
      colour: '珍珠白',
      options: ['全景天窗'],
      mileageKm: 12_000,
      insurance: { company: '中国人保', expiresOn: '2026-12-20' },
      warranty: { endsOn: '2028-11-20', km: 100_000, active: true },
      serviceRecords: [],
    });
    // Registered a year after delivery with 12,000 km: delivery at 0 km plus today's reading give the pace.
    expect(car.body.mileageReadings.map((reading: { km: number; source: string }) => [reading.source, reading.km])).toEqual([
      ['STAFF', 12_000],
      ['DELIVERY', 0],
    ]);
    const oil = car.body.schedule.items.find((item: { code: string }) => item.code === 'OIL_SERVICE');
    expect(oil).toMatchObject({ status: 'DUE', dueKm: 5_000, lastDoneKm: null });
    expect(car.body.schedule.projectedKm).toBeGreaterThanOrEqual(12_000);
  });

  it('refuses a bad VIN naming the field, a known VIN and a taken plate', async () => {
    const bad = await api.post('/api/vehicles').set(bearer(advisor)).send({ vin: 'LSVAE20A1RS000001', modelId: 1, ownerMobile: uniqueMobile(), ownerName: '王五' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'vin' })]);
    const car = await newCar();
    const known = await api.post('/api/vehicles').set(bearer(advisor)).send({ vin: car.vin.toLowerCase(), modelId: 2, ownerMobile: uniqueMobile(), ownerName: '王五' });
    expect(known.status).toBe(409);
    expect(known.body.code).toBe('VEHICLE_EXISTS');
    const plate = await api.post('/api/vehicles').set(bearer(advisor)).send({ vin: uniqueVin(), plate: car.plate, modelId: 2, ownerMobile: uniqueMobile(), ownerName: '王五' });
    expect(plate.status).toBe(409);
    expect(plate.body.code).toBe('PLATE_TAKEN');
    const badPlate = await api.post('/api/vehicles').set(bearer(advisor)).send({ vin: uniqueVin(), plate: '沪I12345', modelId: 2, ownerMobile: uniqueMobile(), ownerName: '王五' });
    expect(badPlate.status).toBe(400);
    expect(badPlate.body.details).toEqual([expect.objectContaining({ path: 'plate' })]);
    const [{ n }] = await sql<{ n: number }>(server.databaseUrl, 'SELECT COUNT(*) n FROM vehicles WHERE vin = ?', [car.vin]);
    expect(Number(n)).toBe(1);
  });

  it('finds a car by VIN, the end of the VIN, plate or mobile, within the caller’s scope', async () => {
    const car = await newCar();
    for (const q of [car.vin, car.vin.slice(-8), car.plate, car.ownerMobile]) {
      const found = await api.get('/api/vehicles').query({ q }).set(bearer(advisor));
      expect(found.status).toBe(200);
      expect(found.body.items.map((item: { id: number }) => item.id)).toEqual([car.id]);
    }
    const otherStore = await staffToken(server.baseUrl, 'sa.hzxh');
    expect((await api.get('/api/vehicles').query({ q: car.vin }).set(bearer(otherStore))).body.items).toEqual([]);
    expect((await api.get(`/api/vehicles/${car.id}`).set(bearer(otherStore))).status).toBe(404);
    const marketer = await staffToken(server.baseUrl, 'marketer');
    const masked = await api.get(`/api/vehicles/${car.id}`).set(bearer(marketer));
    expect(masked.body.owner.mobile).toBe(`${car.ownerMobile.slice(0, 3)}****${car.ownerMobile.slice(7)}`);
  });

  it('keeps mileage from going down unless staff correct it with a reason', async () => {
    const car = await newCar();
    const lower = await api.post(`/api/vehicles/${car.id}/mileage`).set(bearer(advisor)).send({ km: 11_000 });
    expect(lower.status).toBe(409);
    expect(lower.body.code).toBe('MILEAGE_DECREASING');
    const corrected = await api.post(`/api/vehicles/${car.id}/mileage`).set(bearer(advisor)).send({ km: 1_200, reason: '建档时多录了一个 0' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.mileageKm).toBe(1_200);
    expect(corrected.body.mileageReadings[0]).toMatchObject({ km: 1_200, source: 'CORRECTION', reason: '建档时多录了一个 0' });
  });

  describe('an owner binding a car in the mini-program', () => {
    it('binds only with a verified mobile, the right VIN and plate, and never says whether a VIN exists', async () => {
      const car = await newCar();
      const wechatOnly = await customerToken(server.baseUrl);
      const unverified = await api.post('/api/me/vehicles/bind').set(bearer(wechatOnly)).send({ vin: car.vin, plate: car.plate });
      expect(unverified.status).toBe(403);
      expect(unverified.body.code).toBe('MOBILE_NOT_VERIFIED');

      const stranger = await ownerToken(server.baseUrl, uniqueMobile());
      const notTheirs = await api.post('/api/me/vehicles/bind').set(bearer(stranger)).send({ vin: car.vin, plate: car.plate });
      const unknownVin = await api.post('/api/me/vehicles/bind').set(bearer(stranger)).send({ vin: uniqueVin(), plate: car.plate });
      expect([notTheirs.status, unknownVin.status]).toEqual([422, 422]);
      expect(notTheirs.body.message).toBe(unknownVin.body.message);

      const owner = await ownerToken(server.baseUrl, car.ownerMobile);
      const wrongPlate = await api.post('/api/me/vehicles/bind').set(bearer(owner)).send({ vin: car.vin, plate: '沪C00001' });
      expect(wrongPlate.status).toBe(422);
      expect(wrongPlate.body.code).toBe('VEHICLE_NOT_MATCHED');
      expect((await api.get('/api/me/vehicles').set(bearer(owner))).body).toEqual([]);

      const bound = await api.post('/api/me/vehicles/bind').set(bearer(owner)).send({ vin: car.vin.toLowerCase(), plate: car.plate.replace('B', 'b ') });
      expect(bound.status).toBe(201);
      expect(bound.body).toMatchObject({ id: car.id, vin: car.vin, plate: car.plate, mileageKm: 12_000 });
      expect(bound.body.nextDue.byMileage).toMatchObject({ dueKm: expect.any(Number) });

      const mine = await api.get('/api/me/vehicles').set(bearer(owner));
      expect(mine.body.map((vehicle: { id: number }) => vehicle.id)).toEqual([car.id]);
      const file = await api.get(`/api/me/vehicles/${car.id}`).set(bearer(owner));
      expect(file.status).toBe(200);
      expect(file.body).toMatchObject({ id: car.id, schedule: { items: expect.any(Array) }, serviceRecords: [] });
      expect(file.body).not.toHaveProperty('owner');
      expect((await api.get(`/api/me/vehicles/${car.id}`).set(bearer(stranger))).status).toBe(404);

      const reading = await api.post(`/api/me/vehicles/${car.id}/mileage`).set(bearer(owner)).send({ km: 9_000 });
      expect(reading.status).toBe(409);
      expect(reading.body.code).toBe('MILEAGE_DECREASING');
      expect((await api.post(`/api/me/vehicles/${car.id}/mileage`).set(bearer(owner)).send({ km: 12_500 })).body.mileageKm).toBe(12_500);
      const me = await api.get('/api/me').set(bearer(owner));
      expect(me.body.mobileVerified).toBe(true);
    });

    it('links the WeChat account to the owner once the owner proves the mobile by SMS', async () => {
      const car = await newCar();
      const code = `link-${car.vin}`;
      const wechat = await customerToken(server.baseUrl, code);
      expect((await api.post('/api/me/vehicles/bind').set(bearer(wechat)).send({ vin: car.vin, plate: car.plate })).body.code).toBe('MOBILE_NOT_VERIFIED');
      const sent = await api.post('/api/auth/customer/sms-code').send({ mobile: car.ownerMobile });
      const verified = await api.post('/api/auth/customer/sms-login').set(bearer(wechat)).send({ mobile: car.ownerMobile, code: sent.body.devCode });
      expect(verified.status).toBe(200);
      expect((await api.post('/api/me/vehicles/bind').set(bearer(verified.body.accessToken)).send({ vin: car.vin, plate: car.plate })).status).toBe(201);
      // The next WeChat login opens the owner's account, with the car.
      const again = await api.post('/api/auth/customer/wechat').send({ code });
      expect(again.body.customer.id).toBe(verified.body.customer.id);
      expect((await api.get('/api/me/vehicles').set(bearer(again.body.accessToken))).body.map((vehicle: { id: number }) => vehicle.id)).toEqual([car.id]);
    });
  });
});
