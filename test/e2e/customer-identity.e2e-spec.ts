import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { bearer, customerToken, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { shanghaiDateIn } from '../support/pages';
import { preparedDatabase, repoRoot, startTestServer, TestServer } from '../support/test-server';

/** A mobile belongs to a customer only after an SMS code: what is typed into a booking proves nothing. */
describe('customer identity and test-drive booking limits', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let advisor: string;
  const storeId = 1;

  beforeAll(async () => {
    server = await startTestServer();
    api = request(server.baseUrl);
    advisor = await staffToken(server.baseUrl, 'sa.shpd');
  });
  afterAll(() => server.stop());

  async function slotsOn(date: string, modelId: number) {
    const response = await api.get(`/api/test-drives/slots?storeId=${storeId}&modelId=${modelId}&date=${date}`);
    expect(response.status).toBe(200);
    return (response.body as Array<{ startAt: string; remaining: number }>).filter((slot) => slot.remaining > 0);
  }

  const bookAs = (token: string, body: { modelId: number; startAt: string; mobile: string; contactName?: string }) =>
    api.post('/api/test-drives/bookings').set(bearer(token)).send({ storeId, contactName: '试驾客户', ...body });

  /** The store registers a car for this mobile, as a sale recorded by hand or an old DMS file would. */
  async function registerCar(ownerMobile: string) {
    const car = { vin: uniqueVin(), plate: uniquePlate(), modelId: 1, ownerMobile, ownerName: '车主', deliveredAt: '2025-11-20', mileage: 8_000 };
    const created = await api.post('/api/vehicles').set(bearer(advisor)).send(car);
    expect(created.status).toBe(201);
    return { ...car, id: created.body.id as number };
  }

  const customerIdOf = async (token: string) => (await api.get('/api/me').set(bearer(token))).body.id as number;

  it("keeps someone else's mobile typed into a booking off the booker's account: that person's car, lead and first SMS login stay theirs", async () => {
    const attacker = await customerToken(server.baseUrl);
    const attackerId = await customerIdOf(attacker);
    const victimMobile = uniqueMobile();
    const [slot] = await slotsOn(shanghaiDateIn(3), 2);

    const booked = await bookAs(attacker, { modelId: 2, startAt: slot.startAt, mobile: victimMobile, contactName: '冒用者' });
    expect(booked.status).toBe(201);
    const profile = await api.get('/api/me').set(bearer(attacker));
    expect(profile.body).toMatchObject({ id: attackerId, mobileMasked: null, hasMobile: false, mobileVerified: false });
    // The booking and its lead keep the contact that was typed; the lead is filed under that mobile's own record.
    const [lead] = await sql<{ customerId: number }>(server.databaseUrl, 'SELECT customer_id AS customerId FROM leads WHERE mobile = ?', [victimMobile]);
    expect(lead.customerId).not.toBe(attackerId);
    const [bookingRow] = await sql<{ mobile: string; customerId: number }>(server.databaseUrl, 'SELECT mobile, customer_id AS customerId FROM test_drive_bookings WHERE id = ?', [booked.body.id]);
    expect(bookingRow).toEqual({ mobile: victimMobile, customerId: attackerId });

    const car = await registerCar(victimMobile);
    const [carRow] = await sql<{ ownerId: number }>(server.databaseUrl, 'SELECT owner_id AS ownerId FROM vehicles WHERE id = ?', [car.id]);
    expect(carRow.ownerId).not.toBe(attackerId);

    // The real owner of the mobile signs in by SMS: their own account, with their car to bind.
    const victim = await ownerToken(server.baseUrl, victimMobile);
    const victimId = await customerIdOf(victim);
    expect(victimId).not.toBe(attackerId);
    expect(victimId).toBe(carRow.ownerId);
    expect((await api.post('/api/me/vehicles/bind').set(bearer(victim)).send({ vin: car.vin, plate: car.plate })).status).toBe(201);

    // The booker's WeChat token sees none of it.
    expect((await api.get('/api/me/vehicles').set(bearer(attacker))).body).toEqual([]);
    expect((await api.post('/api/me/vehicles/bind').set(bearer(attacker)).send({ vin: car.vin, plate: car.plate })).body.code).toBe('MOBILE_NOT_VERIFIED');
    expect((await api.get(`/api/me/vehicles/${car.id}`).set(bearer(attacker))).status).toBe(404);
    expect((await api.get('/api/me').set(bearer(attacker))).body).toMatchObject({ id: attackerId, hasMobile: false });
    const attackersBookings = (await api.get('/api/test-drives/bookings/mine').set(bearer(attacker))).body as Array<{ id: number }>;
    expect(attackersBookings.map((item) => item.id)).toEqual([booked.body.id]);
    // A later WeChat login of the booker is still the same mobile-less account.
    expect(await customerIdOf(attacker)).toBe(attackerId);
  });

  it('keeps the bookings, the lead and the cars of a customer who booked with their own mobile and then verified it by SMS', async () => {
    const wechatCode = `own-mobile-${Date.now()}`;
    const wechat = await customerToken(server.baseUrl, wechatCode);
    const wechatId = await customerIdOf(wechat);
    const mobile = uniqueMobile();
    const [slot] = await slotsOn(shanghaiDateIn(4), 2);
    const booked = await bookAs(wechat, { modelId: 2, startAt: slot.startAt, mobile, contactName: '本人' });
    expect(booked.status).toBe(201);
    const car = await registerCar(mobile);

    // The verify step: sms-login with the WeChat bearer moves the WeChat identity onto the mobile's record.
    const sent = await api.post('/api/auth/customer/sms-code').send({ mobile });
    const verified = await api.post('/api/auth/customer/sms-login').set(bearer(wechat)).send({ mobile, code: sent.body.devCode });
    expect(verified.status).toBe(200);
    const owner = verified.body.accessToken as string;
    const ownerId = await customerIdOf(owner);
    expect((await api.get('/api/me').set(bearer(owner))).body).toMatchObject({ hasMobile: true, mobileVerified: true });

    const mine = (await api.get('/api/test-drives/bookings/mine').set(bearer(owner))).body as Array<{ id: number }>;
    expect(mine.map((item) => item.id)).toEqual([booked.body.id]);
    expect((await api.post('/api/me/vehicles/bind').set(bearer(owner)).send({ vin: car.vin, plate: car.plate })).status).toBe(201);
    const [lead] = await sql<{ customerId: number }>(server.databaseUrl, 'SELECT customer_id AS customerId FROM leads WHERE mobile = ?', [mobile]);
    expect(lead.customerId).toBe(ownerId);

    // The next WeChat login opens the verified account, with the booking made before verifying.
    const again = await customerToken(server.baseUrl, wechatCode);
    expect(await customerIdOf(again)).toBe(ownerId);
    expect(((await api.get('/api/test-drives/bookings/mine').set(bearer(again))).body as Array<{ id: number }>).map((item) => item.id)).toEqual([booked.body.id]);
    expect((await api.get('/api/me/vehicles').set(bearer(again))).body).toEqual([expect.objectContaining({ id: car.id })]);
    expect(wechatId).not.toBe(ownerId);
  });

  it('refuses a referrer named by staff in a lead capture: referral credit comes only from the referral rules', async () => {
    const manager = await staffToken(server.baseUrl, 'sm.shpd');
    const member = await ownerToken(server.baseUrl, uniqueMobile());
    const memberId = await customerIdOf(member);
    const mobile = uniqueMobile();
    const response = await api.post('/api/leads').set(bearer(manager)).send({ name: '王五', mobile, source: 'WALK_IN', storeId, referrerCustomerId: memberId });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await sql(server.databaseUrl, 'SELECT id FROM leads WHERE mobile = ?', [mobile])).toEqual([]);
    expect(await sql(server.databaseUrl, 'SELECT id FROM leads WHERE referrer_customer_id = ?', [memberId])).toEqual([]);
  });

  it('lets one customer hold at most 3 upcoming test drives, even when 10 are booked at the same moment', async () => {
    const customer = await customerToken(server.baseUrl);
    const customerId = await customerIdOf(customer);
    const slots = [...(await slotsOn(shanghaiDateIn(5), 3)), ...(await slotsOn(shanghaiDateIn(6), 3))].slice(0, 10);
    expect(slots).toHaveLength(10);

    const responses = await Promise.all(slots.map((slot) => bookAs(customer, { modelId: 3, startAt: slot.startAt, mobile: uniqueMobile() })));
    const statuses = responses.map((response) => response.status);
    if (statuses.includes(500)) console.log(server.logs().slice(-3000));
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(responses.filter((response) => response.status === 409).map((response) => response.body.code)).toEqual(Array(7).fill('BOOKING_LIMIT_REACHED'));
    const [{ open }] = await sql<{ open: number }>(server.databaseUrl, "SELECT COUNT(*) AS open FROM test_drive_bookings WHERE customer_id = ? AND status = 'CONFIRMED'", [customerId]);
    expect(Number(open)).toBe(3);
    // The refused ones hold no car.
    const [{ claims }] = await sql<{ claims: number }>(server.databaseUrl, "SELECT COUNT(*) AS claims FROM slot_claims WHERE holder NOT LIKE 'test-drive:%' AND holder NOT LIKE 'service-booking:%'");
    expect(Number(claims)).toBe(0);

    // Cancelling one frees a place under the limit.
    const first = responses.find((response) => response.status === 201)!;
    expect((await api.post(`/api/test-drives/bookings/${first.body.id}/cancel`).set(bearer(customer))).status).toBe(200);
    const free = slots.find((slot) => !responses.some((response) => response.status === 201 && response.body.startAt === slot.startAt))!;
    expect((await bookAs(customer, { modelId: 3, startAt: free.startAt, mobile: uniqueMobile() })).status).toBe(201);
  });

  it('refuses a second test drive of the same customer at the same start time, for another model too', async () => {
    const customer = await customerToken(server.baseUrl);
    const [slot] = await slotsOn(shanghaiDateIn(7), 4);
    expect((await bookAs(customer, { modelId: 4, startAt: slot.startAt, mobile: uniqueMobile() })).status).toBe(201);
    const twice = await bookAs(customer, { modelId: 6, startAt: slot.startAt, mobile: uniqueMobile() });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('BOOKING_LIMIT_REACHED');

    // Nor can a reschedule stack two drives on one start time.
    const [, other] = await slotsOn(shanghaiDateIn(7), 6);
    const second = await bookAs(customer, { modelId: 6, startAt: other.startAt, mobile: uniqueMobile() });
    expect(second.status).toBe(201);
    const stacked = await api.post(`/api/test-drives/bookings/${second.body.id}/reschedule`).set(bearer(customer)).send({ startAt: slot.startAt });
    expect(stacked.status).toBe(409);
    expect(stacked.body.code).toBe('BOOKING_LIMIT_REACHED');
  });
});

describe('migration 20261207020000_verified_mobiles', () => {
  const migration = '20261207020000_verified_mobiles';
  const databaseCli = join(repoRoot, 'server', 'dist', 'server', 'src', 'core', 'database', 'database.cli.js');

  it('gives a mobile a WeChat account got from a booking to a contact record, with its leads and cars; the bookings stay', async () => {
    // A database as it was before this migration, holding rows the old booking code wrote.
    const previous = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(join(repoRoot, 'prisma', 'migrations'), previous, { recursive: true });
    rmSync(join(previous, migration), { recursive: true });
    const database = await preparedDatabase({ MIGRATIONS_DIR: previous });
    const url = database.databaseUrl;
    try {
      const [poisonedMobile, verifiedMobile, contactMobile] = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
      await sql(url, "INSERT INTO customers (openid, mobile, name, became_owner_at, updated_at) VALUES ('wx-poisoned', ?, '冒用者', NOW(3), NOW(3))", [poisonedMobile]);
      await sql(url, "INSERT INTO customers (openid, mobile, mobile_verified_at, updated_at) VALUES ('wx-verified', ?, NOW(3), NOW(3))", [verifiedMobile]);
      await sql(url, "INSERT INTO customers (mobile, name, updated_at) VALUES (?, '老客户', NOW(3))", [contactMobile]);
      const [poisoned] = await sql<{ id: number }>(url, "SELECT id FROM customers WHERE openid = 'wx-poisoned'");
      const [verified] = await sql<{ id: number }>(url, "SELECT id FROM customers WHERE openid = 'wx-verified'");
      await sql(url, "INSERT INTO leads (customer_id, store_id, name, mobile, source, stage, open_key, updated_at) VALUES (?, 1, '受害人', ?, 'MINI_PROGRAM', 'INVITED', ?, NOW(3))", [poisoned.id, poisonedMobile, `${poisoned.id}:1`]);
      await sql(url, "INSERT INTO leads (customer_id, store_id, name, mobile, source, stage, open_key, updated_at) VALUES (?, 2, '受害人', ?, 'WALK_IN', 'LOST', NULL, NOW(3))", [poisoned.id, poisonedMobile]);
      await sql(url, "INSERT INTO vehicles (vin, model_id, owner_id, store_id, delivered_at, mileage_read_at, updated_at) VALUES (?, 1, ?, 1, NOW(3), NOW(3), NOW(3))", [uniqueVin(), poisoned.id]);
      const [car] = await sql<{ id: number; modelId: number }>(url, 'SELECT id, model_id AS modelId FROM test_drive_cars WHERE store_id = 1 ORDER BY id LIMIT 1');
      await sql(
        url,
        "INSERT INTO test_drive_bookings (customer_id, store_id, model_id, car_id, start_at, end_at, contact_name, mobile, updated_at) VALUES (?, 1, ?, ?, NOW(3) + INTERVAL 2 DAY, NOW(3) + INTERVAL 2 DAY + INTERVAL 1 HOUR, '受害人', ?, NOW(3))",
        [poisoned.id, car.modelId, car.id, poisonedMobile],
      );
      const before = await sql(url, 'SELECT id, openid, mobile, name, mobile_verified_at FROM customers WHERE id <> ? ORDER BY id', [poisoned.id]);

      const { stdout } = await promisify(execFile)(process.execPath, [databaseCli, 'migrate'], { env: { ...process.env, DATABASE_URL: url } });
      expect(stdout).toContain(migration);

      const [wechat] = await sql<{ mobile: string | null; openid: string; becameOwnerAt: Date | null }>(url, 'SELECT mobile, openid, became_owner_at AS becameOwnerAt FROM customers WHERE id = ?', [poisoned.id]);
      expect(wechat).toEqual({ mobile: null, openid: 'wx-poisoned', becameOwnerAt: null });
      const [contact] = await sql<{ id: number; openid: string | null; name: string; verifiedAt: Date | null; becameOwnerAt: Date | null }>(
        url,
        'SELECT id, openid, name, mobile_verified_at AS verifiedAt, became_owner_at AS becameOwnerAt FROM customers WHERE mobile = ?',
        [poisonedMobile],
      );
      expect(contact).toMatchObject({ openid: null, name: '受害人', verifiedAt: null, becameOwnerAt: expect.any(Date) });
      const leads = await sql<{ customerId: number; openKey: string | null }>(url, 'SELECT customer_id AS customerId, open_key AS openKey FROM leads WHERE mobile = ? ORDER BY id', [poisonedMobile]);
      expect(leads).toEqual([
        { customerId: contact.id, openKey: `${contact.id}:1` },
        { customerId: contact.id, openKey: null },
      ]);
      expect(await sql(url, 'SELECT owner_id AS ownerId FROM vehicles WHERE owner_id IN (?, ?)', [poisoned.id, contact.id])).toEqual([{ ownerId: contact.id }]);
      expect(await sql(url, 'SELECT customer_id AS customerId, mobile FROM test_drive_bookings WHERE mobile = ?', [poisonedMobile])).toEqual([{ customerId: poisoned.id, mobile: poisonedMobile }]);
      // Rows that were right are left as they were; the verified account keeps its mobile.
      const after = await sql(url, 'SELECT id, openid, mobile, name, mobile_verified_at FROM customers WHERE id NOT IN (?, ?) ORDER BY id', [poisoned.id, contact.id]);
      expect(after).toEqual(before);
      expect(after).toContainEqual(expect.objectContaining({ id: verified.id, mobile: verifiedMobile }));
    } finally {
      rmSync(previous, { recursive: true, force: true });
      await database.drop();
    }
  });
});
