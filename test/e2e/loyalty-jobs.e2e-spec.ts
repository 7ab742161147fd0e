import { sql } from '../support/database';
import { preparedDatabase, startTestServer, TestDatabase, TestServer } from '../support/test-server';

const MEMBERS = 40;

/**
 * Two instances run the points-expiry job against the same database every second: each expired lot gets
 * exactly one EXPIRE entry, and every member's balance still equals their live lots and their ledger.
 */
describe('points expiry with two instances running the job', () => {
  let database: TestDatabase;
  let instances: TestServer[];

  beforeAll(async () => {
    database = await preparedDatabase();
    const url = database.databaseUrl;
    const mobiles = Array.from({ length: MEMBERS }, (_, index) => `1770000${String(index).padStart(4, '0')}`);
    await sql(url, `INSERT INTO customers (mobile, name, updated_at) VALUES ${mobiles.map(() => "(?, '到期测试', NOW(3))").join(', ')}`, mobiles);
    const customers = await sql<{ id: number }>(url, "SELECT id FROM customers WHERE mobile LIKE '1770000%' ORDER BY id");
    for (const { id } of customers) {
      // Two lots already past their date (100 and 50 points, 30 spent from the first) and one live lot of 70.
      await sql(url, 'INSERT INTO points_accounts (customer_id, balance, updated_at) VALUES (?, 190, NOW(3))', [id]);
      const lots: [number, number, string][] = [
        [100, 70, 'NOW(3) - INTERVAL 2 DAY'],
        [50, 50, 'NOW(3) - INTERVAL 1 HOUR'],
        [70, 70, 'NOW(3) + INTERVAL 200 DAY'],
      ];
      let balance = 0;
      for (const [index, [points, remaining, expires]] of lots.entries()) {
        balance += points;
        await sql(url, "INSERT INTO points_entries (customer_id, type, points, balance_after, reason, source, idempotency_key) VALUES (?, 'EARN', ?, ?, '测试', 'test', ?)", [id, points, balance, `seed:${id}:${index}`]);
        await sql(url, `INSERT INTO points_lots (customer_id, entry_id, points, remaining, expires_at) SELECT ?, id, ?, ?, ${expires} FROM points_entries WHERE idempotency_key = ?`, [id, points, remaining, `seed:${id}:${index}`]);
      }
      // The 30 points spent from the first lot.
      await sql(url, "INSERT INTO points_entries (customer_id, type, points, balance_after, reason, source, idempotency_key) VALUES (?, 'REDEEM', -30, 190, '测试', 'test', ?)", [id, `seed:${id}:spend`]);
    }
    // Five members made gold more than a year ago who earned little since: the yearly review takes them down.
    await sql(url, `UPDATE points_accounts SET tier = 'GOLD', created_at = NOW(3) - INTERVAL 2 YEAR WHERE customer_id IN (${customers.slice(0, 5).map((customer) => customer.id).join(',')})`);
    const env = { ENABLE_JOBS: 'true', POINTS_EXPIRY_SCAN_SECONDS: '1', EVENTS_POLL_SECONDS: '3600' };
    instances = await Promise.all([startTestServer({ database, env }), startTestServer({ database, env })]);
  });
  afterAll(async () => {
    await Promise.all((instances ?? []).map((instance) => instance.stop()));
    await database.drop();
  });

  it('expires every lot once and keeps every balance equal to its live lots and its ledger', async () => {
    const url = database.databaseUrl;
    let pending = MEMBERS;
    for (let attempt = 0; attempt < 100 && pending > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      [{ pending }] = (await sql<{ pending: number }>(url, 'SELECT COUNT(*) AS pending FROM points_lots WHERE remaining > 0 AND expires_at <= NOW(3)')).map((row) => ({ pending: Number(row.pending) }));
    }
    expect(pending).toBe(0);
    // Let both instances run a few more times: nothing more may be written.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const expiries = await sql<{ n: number; points: number }>(url, "SELECT COUNT(*) AS n, SUM(points) AS points FROM points_entries WHERE type = 'EXPIRE'");
    expect(Number(expiries[0].n)).toBe(MEMBERS * 2);
    expect(Number(expiries[0].points)).toBe(-MEMBERS * 120);
    const doubled = await sql(url, "SELECT source_id FROM points_entries WHERE type = 'EXPIRE' GROUP BY source_id HAVING COUNT(*) > 1");
    expect(doubled).toEqual([]);
    const mismatched = await sql(
      url,
      `SELECT a.customer_id FROM points_accounts a
         JOIN (SELECT customer_id, SUM(remaining) AS live FROM points_lots WHERE expires_at > NOW(3) GROUP BY customer_id) l ON l.customer_id = a.customer_id
         JOIN (SELECT customer_id, SUM(points) AS total FROM points_entries GROUP BY customer_id) e ON e.customer_id = a.customer_id
        WHERE a.balance <> 70 OR l.live <> 70 OR e.total <> 70`,
    );
    expect(mismatched).toEqual([]);
  });

  it('reviews tiers once a year: a gold member who earned 220 points in 12 months goes back to 普卡', async () => {
    const url = database.databaseUrl;
    let gold = 5;
    for (let attempt = 0; attempt < 50 && gold > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      gold = Number((await sql<{ n: number }>(url, "SELECT COUNT(*) AS n FROM points_accounts WHERE tier = 'GOLD'"))[0].n);
    }
    expect(gold).toBe(0);
    const reviewed = await sql(url, 'SELECT customer_id FROM points_accounts WHERE tier_reviewed_at IS NOT NULL');
    expect(reviewed).toHaveLength(5);
  });
});
