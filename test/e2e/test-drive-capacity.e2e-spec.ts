import fc from 'fast-check';
import request from 'supertest';
import { withVinCheckDigit } from '../../server/src/contracts/vin.rules';
import { bearer, customerToken, staffToken, uniqueMobile } from '../support/api';
import { sql } from '../support/database';
import { shanghaiDateIn } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const STORE = 2;
const MODEL = 6;


type Command =
  | { kind: 'book'; slot: number; burst: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'reschedule'; pick: number; slot: number }
  | { kind: 'carOut'; car: number }
  | { kind: 'carIn'; car: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('book' as const), slot: fc.nat(2), burst: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('reschedule' as const), pick: fc.nat(20), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('carOut' as const), car: fc.nat(2) }),
  fc.record({ kind: fc.constant('carIn' as const), car: fc.nat(2) }),
);

/**
 * Random sequences of bookings (in simultaneous bursts), cancellations, reschedules and cars going in and
 * out of service, against the real server and database: after every sequence no car is in two drives at
 * once, no slot holds more drives than cars, and the capacity claims match the live bookings exactly.
 */
describe('test-drive capacity under random operations', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let manager: string;
  let cars: number[];

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    manager = await staffToken(server.baseUrl, 'sm.shmh');
    for (const serial of [1, 2]) {
      const created = await api.post('/api/test-drives/cars').set(bearer(manager)).send({ storeId: STORE, modelId: MODEL, plate: `沪BD1000${serial}`, vin: withVinCheckDigit(`LSJE24U00PC00000${serial}`) });
      expect(created.status).toBe(201);
    }
    cars = (await api.get(`/api/test-drives/cars?storeId=${STORE}`).set(bearer(manager))).body
      .filter((car: { model: { id: number } }) => car.model.id === MODEL)
      .map((car: { id: number }) => car.id);
    expect(cars).toHaveLength(3);
  });
  afterAll(() => server.stop());

  async function invariantsHold(): Promise<void> {
    const doubleBooked = await sql(server.databaseUrl, "SELECT car_id, start_at, COUNT(*) n FROM test_drive_bookings WHERE status IN ('CONFIRMED','IN_PROGRESS') GROUP BY car_id, start_at HAVING n > 1");
    expect(doubleBooked).toEqual([]);
    const overfull = await sql(server.databaseUrl, "SELECT start_at, COUNT(*) n FROM test_drive_bookings WHERE status IN ('CONFIRMED','IN_PROGRESS') AND model_id = ? GROUP BY start_at HAVING n > ?", [MODEL, cars.length]);
    expect(overfull).toEqual([]);
    const onCarsOutOfService = await sql(server.databaseUrl, "SELECT b.id FROM test_drive_bookings b JOIN test_drive_cars c ON c.id = b.car_id WHERE b.status = 'CONFIRMED' AND c.status <> 'AVAILABLE' AND b.start_at > NOW(3)");
    expect(onCarsOutOfService).toEqual([]);
    const mismatched = await sql(
      server.databaseUrl,
      `SELECT b.id FROM test_drive_bookings b LEFT JOIN slot_claims c ON c.holder = CONCAT('test-drive:', b.id)
        WHERE (b.status = 'CONFIRMED' AND (c.id IS NULL OR c.unit_id <> b.car_id OR c.slot_start <> b.start_at))
           OR (b.status IN ('CANCELLED','NO_SHOW') AND c.id IS NOT NULL)`,
    );
    expect(mismatched).toEqual([]);
    const orphanClaims = await sql(server.databaseUrl, "SELECT c.id FROM slot_claims c LEFT JOIN test_drive_bookings b ON c.holder = CONCAT('test-drive:', b.id) WHERE b.id IS NULL");
    expect(orphanClaims).toEqual([]);
  }

  it('never double-books a car or overfills a slot', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 6, maxLength: 12 }), async (commands) => {
        run += 1;
        for (const car of cars) await api.patch(`/api/test-drives/cars/${car}`).set(bearer(manager)).send({ status: 'AVAILABLE' });
        const slots = (await api.get(`/api/test-drives/slots?storeId=${STORE}&modelId=${MODEL}&date=${shanghaiDateIn(1 + (run % 12))}`)).body.slice(0, 3);
        const mine: Array<{ id: number; token: string }> = [];
        for (const step of commands) {
          if (step.kind === 'book') {
            const customers = await Promise.all(Array.from({ length: step.burst }, () => customerToken(server.baseUrl)));
            const responses = await Promise.all(
              customers.map((token) => api.post('/api/test-drives/bookings').set(bearer(token)).send({ storeId: STORE, modelId: MODEL, startAt: slots[step.slot].startAt, contactName: '随机', mobile: uniqueMobile() })),
            );
            for (const [index, response] of responses.entries()) {
              expect([201, 409]).toContain(response.status);
              if (response.status === 201) mine.push({ id: response.body.id, token: customers[index] });
            }
          } else if (step.kind === 'cancel' || step.kind === 'reschedule') {
            const target = mine[step.pick % Math.max(mine.length, 1)];
            if (!target) continue;
            const response =
              step.kind === 'cancel'
                ? await api.post(`/api/test-drives/bookings/${target.id}/cancel`).set(bearer(target.token))
                : await api.post(`/api/test-drives/bookings/${target.id}/reschedule`).set(bearer(target.token)).send({ startAt: slots[step.slot].startAt });
            expect(response.status).toBeLessThan(500);
          } else {
            const response = await api.patch(`/api/test-drives/cars/${cars[step.car]}`).set(bearer(manager)).send({ status: step.kind === 'carOut' ? 'IN_SERVICE' : 'AVAILABLE' });
            expect(response.status).toBe(200);
          }
        }
        await invariantsHold();
      }),
      { numRuns: 10 },
    );
  });
});
