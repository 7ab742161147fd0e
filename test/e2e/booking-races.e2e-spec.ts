import fc from 'fast-check';
import request from 'supertest';
import { withVinCheckDigit } from '../../server/src/contracts/vin.rules';
import { bearer, customerToken, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { shanghaiDateIn } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const STORE = 1;
const MODEL = 2;
const SEED = 14;

/**
 * A reschedule fired at the same moment as the booking's cancel, no-show or start (check-in for the
 * workshop): whichever wins, no capacity claim may stay with a closed booking and every live booking holds
 * exactly the claim for its car (or workshop place) and start. Checked over the whole database after each
 * round, so a claim leaked by an earlier round fails the next one too.
 */
describe('reschedule racing cancel, no-show and start', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let consultant: string;
  let advisor: string;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    consultant = await staffToken(server.baseUrl, 'sm.shpd');
    advisor = await staffToken(server.baseUrl, 'sa.shpd');
    // More cars of the model, so the rounds never run out of free cars.
    for (const serial of [1, 2, 3]) {
      const created = await api.post('/api/test-drives/cars').set(bearer(consultant)).send({ storeId: STORE, modelId: MODEL, plate: `沪AR900${serial}`, vin: withVinCheckDigit(`LSJA24U00PR90000${serial}`) });
      expect(created.status).toBe(201);
    }
  });
  afterAll(() => server.stop());

  async function testDriveClaimsMatchLiveBookings(): Promise<void> {
    const mismatched = await sql(
      server.databaseUrl,
      `SELECT b.id, b.status, COUNT(c.id) AS claims FROM test_drive_bookings b
         LEFT JOIN slot_claims c ON c.holder = CONCAT('test-drive:', b.id) AND c.pool = CONCAT('test-drive-cars:', b.store_id) AND c.unit_id = b.car_id AND c.slot_start = b.start_at
        GROUP BY b.id, b.status
       HAVING (b.status IN ('CONFIRMED', 'IN_PROGRESS') AND claims <> 1) OR (b.status IN ('CANCELLED', 'NO_SHOW') AND claims <> 0)`,
    );
    expect(mismatched).toEqual([]);
    // No claim outside those: none on a closed booking, none left at a booking's old slot or car.
    const stray = await sql(
      server.databaseUrl,
      `SELECT c.id, c.holder FROM slot_claims c LEFT JOIN test_drive_bookings b
          ON c.holder = CONCAT('test-drive:', b.id) AND c.unit_id = b.car_id AND c.slot_start = b.start_at AND b.status IN ('CONFIRMED', 'IN_PROGRESS', 'COMPLETED')
        WHERE c.holder LIKE 'test-drive:%' AND b.id IS NULL`,
    );
    expect(stray).toEqual([]);
  }

  async function workshopClaimsMatchLiveBookings(): Promise<void> {
    const mismatched = await sql(
      server.databaseUrl,
      `SELECT b.id, b.status, COUNT(c.id) AS claims FROM service_bookings b
         LEFT JOIN slot_claims c ON c.holder = CONCAT('service-booking:', b.id) AND c.slot_start = b.start_at
        GROUP BY b.id, b.status
       HAVING (b.status IN ('CONFIRMED', 'CHECKED_IN') AND claims <> 1) OR (b.status IN ('CANCELLED', 'NO_SHOW') AND claims <> 0)`,
    );
    expect(mismatched).toEqual([]);
    const stray = await sql(
      server.databaseUrl,
      `SELECT c.id, c.holder FROM slot_claims c LEFT JOIN service_bookings b
          ON c.holder = CONCAT('service-booking:', b.id) AND c.slot_start = b.start_at AND b.status IN ('CONFIRMED', 'CHECKED_IN')
        WHERE c.holder LIKE 'service-booking:%' AND b.id IS NULL`,
    );
    expect(stray).toEqual([]);
  }

  it('leaves test-drive claims equal to the live bookings whatever wins', async () => {
    const days = [3, 4, 5, 6, 7, 8];
    const slotsByDay = await Promise.all(days.map(async (day) => (await api.get(`/api/test-drives/slots?storeId=${STORE}&modelId=${MODEL}&date=${shanghaiDateIn(day)}`)).body as Array<{ startAt: string }>));
    const slots = slotsByDay.flat().map((slot) => slot.startAt);
    expect(slots.length).toBeGreaterThan(40);

    const round = fc.record({
      from: fc.nat(slots.length - 1),
      to: fc.nat(slots.length - 1),
      rivals: fc.subarray(['cancel', 'noShow', 'start'] as const, { minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(round, async ({ from, to, rivals }) => {
        const customer = await customerToken(server.baseUrl);
        const booked = await api.post('/api/test-drives/bookings').set(bearer(customer)).send({ storeId: STORE, modelId: MODEL, startAt: slots[from], contactName: '改约', mobile: uniqueMobile() });
        if (booked.status === 201) {
          const id = booked.body.id as number;
          const calls = [
            api.post(`/api/test-drives/bookings/${id}/reschedule`).set(bearer(customer)).send({ startAt: slots[to] }),
            ...rivals.map((rival) =>
              rival === 'cancel'
                ? api.post(`/api/test-drives/bookings/${id}/cancel`).set(bearer(customer))
                : rival === 'noShow'
                  ? api.post(`/api/test-drives/bookings/${id}/no-show`).set(bearer(consultant))
                  : api.post(`/api/test-drives/bookings/${id}/start`).set(bearer(consultant)).send({ odometerOut: 100, licenceChecked: true }),
            ),
          ];
          const statuses = (await Promise.all(calls)).map((response) => response.status);
          if (statuses.some((status) => status >= 500)) console.log(server.logs().slice(-3000));
          expect(statuses.every((status) => status < 500)).toBe(true);
        }
        await testDriveClaimsMatchLiveBookings();
      }),
      { numRuns: 25, seed: SEED },
    );
  });

  it('leaves workshop claims equal to the live bookings whatever wins', async () => {
    const mobile = uniqueMobile();
    const car = { vin: uniqueVin(), plate: uniquePlate() };
    const registered = await api.post('/api/vehicles').set(bearer(advisor)).send({ ...car, modelId: 1, ownerMobile: mobile, ownerName: '车主', deliveredAt: '2025-11-20', mileage: 1_000 });
    expect(registered.status).toBe(201);
    const owner = await ownerToken(server.baseUrl, mobile);
    expect((await api.post('/api/me/vehicles/bind').set(bearer(owner)).send(car)).status).toBe(201);
    const starts = [3, 4, 5, 6, 7, 8, 9, 10].flatMap((day) => [9, 10, 11, 14, 15, 16].map((hour) => `${shanghaiDateIn(day)}T${String(hour).padStart(2, '0')}:00:00+08:00`));
    let mileage = 2_000;

    const round = fc.record({
      from: fc.nat(starts.length - 1),
      to: fc.nat(starts.length - 1),
      rivals: fc.subarray(['cancel', 'staffCancel', 'checkIn'] as const, { minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(round, async ({ from, to, rivals }) => {
        const booked = await api.post('/api/me/service-bookings').set(bearer(owner)).send({ vehicleId: registered.body.id, storeId: STORE, serviceType: 'INSPECTION', startAt: starts[from], itemIds: [] });
        if (booked.status === 201) {
          const id = booked.body.id as number;
          mileage += 10;
          const calls = [
            api.post(`/api/me/service-bookings/${id}/reschedule`).set(bearer(owner)).send({ startAt: starts[to] }),
            ...rivals.map((rival) =>
              rival === 'cancel'
                ? api.post(`/api/me/service-bookings/${id}/cancel`).set(bearer(owner))
                : rival === 'staffCancel'
                  ? api.post(`/api/service/bookings/${id}/cancel`).set(bearer(advisor))
                  : api.post('/api/service/work-orders').set(bearer(advisor)).send({ bookingId: id, mileage }),
            ),
          ];
          const statuses = (await Promise.all(calls)).map((response) => response.status);
          if (statuses.some((status) => status >= 500)) console.log(server.logs().slice(-3000));
          expect(statuses.every((status) => status < 500)).toBe(true);
        } else {
          expect(booked.body.code).toBe('SLOT_FULL');
        }
        await workshopClaimsMatchLiveBookings();
      }),
      { numRuns: 25, seed: SEED },
    );
  });
});
