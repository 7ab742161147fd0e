// `pnpm bench`: load-tests the built server with autocannon and compares it with a bare Fastify + mysql2
// route running the same query. Prints req/s, p99 latency and our/bare ratios. Needs `pnpm build` first.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
// The bench serves demo data with the demo settings; every child (server, database CLI) inherits this.
process.env.APP_MODE ??= 'demo';
const serverDist = join(root, 'server/dist/server/src');
const mysqlRoot = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const databaseName = `dealer_bench_${process.pid}`;
const databaseUrl = `${mysqlRoot}/${databaseName}`;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

if (!existsSync(join(serverDist, 'main.js'))) {
  console.error('Build the server first: pnpm --filter server build');
  process.exit(1);
}

function startProcess(script, port, env = {}) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ENABLE_JOBS: 'false', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', process.env.BENCH_SERVER_LOGS ? 'inherit' : 'ignore', 'inherit'],
  });
  return child;
}

async function waitFor(url) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

function load(title, url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({ title, requestsPerSecond: result.requests.average, p99: result.latency.p99 });
    });
  });
}

/** Latency percentiles of `total` GETs sent `concurrency` at a time. */
async function percentiles(url, headers, total = 300, concurrency = 4) {
  const durations = [];
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total) {
        sent += 1;
        const started = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        durations.push(performance.now() - started);
      }
    }),
  );
  durations.sort((a, b) => a - b);
  const at = (share) => durations[Math.min(durations.length - 1, Math.floor(share * durations.length))].toFixed(1);
  return { p50: at(0.5), p95: at(0.95) };
}

async function token(port, username) {
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.SEED_ADMIN_PASSWORD ?? 'Admin@12345' }),
  });
  return (await login.json()).accessToken;
}

/** The lead list at volume: a kept database with BENCH_LEADS leads (seeded once, reused by later runs). */
async function benchLeads() {
  const leadCount = Number(process.env.BENCH_LEADS ?? 200_000);
  const leadsDatabase = `dealer_bench_leads_${leadCount}`;
  const leadsUrl = `${mysqlRoot}/${leadsDatabase}`;
  const connection = await mysql.createConnection(mysqlRoot);
  const [[{ present }]] = await connection.query('SELECT COUNT(*) AS present FROM information_schema.tables WHERE table_schema = ? AND table_name = ?', [leadsDatabase, 'leads']);
  const [[{ have }]] = present ? await connection.query(`SELECT COUNT(*) AS have FROM \`${leadsDatabase}\`.leads`) : [[{ have: 0 }]];
  await connection.end();
  if (Number(have) < leadCount) {
    console.log(`Seeding ${leadCount} leads into ${leadsDatabase} (once; later runs reuse it)...`);
    execFileSync(process.execPath, [join(serverDist, 'core/database/database.cli.js'), 'bulk', String(leadCount - Number(have)), '3'], {
      env: { ...process.env, DATABASE_URL: leadsUrl },
      stdio: 'inherit',
    });
  } else {
    execFileSync(process.execPath, [join(serverDist, 'core/database/database.cli.js'), 'migrate'], { env: { ...process.env, DATABASE_URL: leadsUrl }, stdio: 'ignore' });
  }
  const child = startProcess(join(serverDist, 'main.js'), 3903, { DATABASE_URL: leadsUrl });
  children.push(child);
  await waitFor('http://127.0.0.1:3903/api/health');
  const director = { authorization: `Bearer ${await token(3903, 'director')}` };
  const consultant = { authorization: `Bearer ${await token(3903, 'sc1.shpd')}` };
  const base = 'http://127.0.0.1:3903/api/leads';
  const queries = [
    ['director: first page, all leads', `${base}?page=1&pageSize=20`, director],
    ['director: stage + source + store', `${base}?stage=CONTACTED&source=DOUYIN&storeId=1&pageSize=20`, director],
    ['director: created in a month', `${base}?from=2026-01-01&to=2026-01-31&pageSize=20`, director],
    ['director: search by name', `${base}?q=${encodeURIComponent('王')}&pageSize=20`, director],
    ['director: mobile lookup', `${base}?q=17000000123&pageSize=20`, director],
    ['director: page 200', `${base}?page=200&pageSize=20`, director],
    ['consultant: my open leads by stage', `${base}?stage=NEW&pageSize=20`, consultant],
  ];
  const rows = [];
  for (const [title, url, headers] of queries) rows.push([title, await percentiles(url, headers)]);

  let mobile = 16_000_000_000 + Math.floor(Math.random() * 900_000_000);
  const manager = `Bearer ${await token(3903, 'sm.shpd')}`;
  const creation = await new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        method: 'POST',
        connections: 10,
        duration: Math.min(duration, 10),
        headers: { 'content-type': 'application/json', authorization: manager },
        requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ name: '压测客户', mobile: String((mobile += 1)), source: 'HOTLINE', storeId: 1 }) }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  console.log(`\nLead list on ${leadCount.toLocaleString()} leads (${leadsDatabase}), 300 requests 4 at a time:\n`);
  console.log('| query | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  for (const [title, { p50, p95 }] of rows) console.log(`| ${title} | ${p50} | ${p95} |`);
  console.log(`\nLead creation (assignment under the store lock, first task, notification): ${creation.requests.average.toFixed(0)} leads/s, p99 ${creation.latency.p99} ms, ${creation.non2xx} non-2xx\n`);
}

/**
 * The dashboard at volume: a kept database with BENCH_KPI_LEADS (1,000,000) leads and about five follow-ups
 * each (`pnpm seed:bulk`, seeded once), the daily facts rebuilt, then dashboard latency per scope and period.
 */
async function benchDashboard() {
  const leadCount = Number(process.env.BENCH_KPI_LEADS ?? 1_000_000);
  const kpiDatabase = `dealer_bench_kpi_${leadCount}`;
  const kpiUrl = `${mysqlRoot}/${kpiDatabase}`;
  const cli = (args) => execFileSync(process.execPath, [join(serverDist, 'core/database/database.cli.js'), ...args], { env: { ...process.env, DATABASE_URL: kpiUrl }, encoding: 'utf8' });
  const connection = await mysql.createConnection(mysqlRoot);
  const count = async (table) => {
    const [[{ present }]] = await connection.query('SELECT COUNT(*) AS present FROM information_schema.tables WHERE table_schema = ? AND table_name = ?', [kpiDatabase, table]);
    if (!present) return 0;
    const [[{ total }]] = await connection.query(`SELECT COUNT(*) AS total FROM \`${kpiDatabase}\`.${table}`);
    return Number(total);
  };
  const timed = (args) => {
    const started = performance.now();
    const output = cli(args);
    return { seconds: (performance.now() - started) / 1000, output: output.trim().split('\n').pop() };
  };
  const have = await count('leads');
  if (have < leadCount) {
    console.log(`Seeding ${leadCount} leads with ~5 follow-ups each into ${kpiDatabase} (once; later runs reuse it)...`);
    const seeded = timed(['bulk', String(leadCount - have), '5']);
    console.log(`  seeded in ${seeded.seconds.toFixed(0)} s`);
  }
  const full = process.env.BENCH_KPI_FULL || have < leadCount ? timed(['kpi-refresh', '--full']) : null;
  const unchanged = timed(['kpi-refresh']);
  // A day's work: one lead in twenty of the last two months moves on (the lead's own day and today rebuild).
  const [{ affectedRows: changed }] = await connection.query(
    `UPDATE \`${kpiDatabase}\`.leads SET updated_at = NOW(3), first_contacted_at = COALESCE(first_contacted_at, created_at + INTERVAL 1 HOUR) WHERE created_at >= NOW() - INTERVAL 60 DAY AND id % 20 = 7`,
  );
  const afterChanges = timed(['kpi-refresh']);
  const [leads, followUps, facts] = [await count('leads'), await count('follow_ups'), await count('kpi_daily_facts')];
  await connection.end();

  const port = 3904;
  const child = startProcess(join(serverDist, 'main.js'), port, { DATABASE_URL: kpiUrl });
  children.push(child);
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  const as = async (username) => ({ authorization: `Bearer ${await token(port, username)}` });
  const [director, regionManager, manager, consultant] = [await as('director'), await as('rm.sh'), await as('sm.shpd'), await as('sc1.shpd')];
  const consultantId = (await (await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: consultant })).json()).id;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const daysAgo = (days) => new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
  const url = (days, extra = '') => `http://127.0.0.1:${port}/api/analytics/dashboard?from=${daysAgo(days)}&to=${today}${extra}`;
  const queries = [
    ['director: last 30 days, all stores', url(30), director],
    ['director: last 12 months, all stores', url(365), director],
    ['director: last 2 years, all stores', url(730), director],
    ['director: last 12 months, one store', url(365, '&storeId=1'), director],
    ['region manager: last 12 months', url(365), regionManager],
    ['store manager: 12 months, one consultant', url(365, `&consultantId=${consultantId}`), manager],
    ['consultant: last 12 months (own)', url(365), consultant],
  ];
  const rows = [];
  for (const [title, address, headers] of queries) rows.push([title, await percentiles(address, headers, 200, 4)]);
  console.log(`\nDashboard on ${leads.toLocaleString()} leads and ${followUps.toLocaleString()} follow-ups (${kpiDatabase}; ${facts.toLocaleString()} fact rows), 200 requests 4 at a time:\n`);
  console.log('| query | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  for (const [title, { p50, p95 }] of rows) console.log(`| ${title} | ${p50} | ${p95} |`);
  console.log('\n| facts refresh | seconds |');
  console.log('|---|---:|');
  if (full) console.log(`| full rebuild (every day) | ${full.seconds.toFixed(1)} |`);
  console.log(`| nothing changed | ${unchanged.seconds.toFixed(1)} |`);
  console.log(`| a day's changes (${Number(changed).toLocaleString()} leads of the last 60 days updated) | ${afterChanges.seconds.toFixed(1)} |`);
}

/** Framework overhead: our routes against the same query on a bare Fastify + mysql2 route. */
async function benchHttp(accessToken) {
  // Warm-up so JIT and pools are steady before measuring.
  await load('warm-up', 'http://127.0.0.1:3901/api/vehicle-models');
  const results = [];
  results.push(await load('bare Fastify + mysql2: vehicle models', 'http://127.0.0.1:3902/bare/vehicle-models'));
  results.push(await load('ours: GET /api/vehicle-models', 'http://127.0.0.1:3901/api/vehicle-models'));
  results.push(await load('ours: GET /api/auth/me (token)', 'http://127.0.0.1:3901/api/auth/me', { authorization: `Bearer ${accessToken}` }));

  const bare = results[0].requestsPerSecond;
  console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${connections} connections, ${duration} s each; client and servers share the machine.\n`);
  console.log('| route | req/s | p99 ms | ours/bare |');
  console.log('|---|---:|---:|---:|');
  for (const result of results) {
    console.log(`| ${result.title} | ${result.requestsPerSecond.toFixed(0)} | ${result.p99} | ${(result.requestsPerSecond / bare).toFixed(2)} |`);
  }
}

/** 2,000 booking attempts at once over 20 slots of a model with 5 cars: how many got through, overbookings, p99. */
async function benchBookingStorm(port) {
  const base = `http://127.0.0.1:${port}`;
  const connection = await mysql.createConnection(databaseUrl);
  const values = [1, 2, 3, 4].map((serial) => `(1, 1, 'BENCH${serial}', 'BENCHVIN00000000${serial}', 'AVAILABLE', NOW(3))`).join(', ');
  await connection.query(`INSERT INTO test_drive_cars (store_id, model_id, plate, vin, status, updated_at) VALUES ${values}`);
  const slots = [];
  for (let day = 1; slots.length < 20; day += 1) {
    const date = new Date(Date.now() + 8 * 3_600_000 + day * 86_400_000).toISOString().slice(0, 10);
    const daySlots = await (await fetch(`${base}/api/test-drives/slots?storeId=1&modelId=1&date=${date}`)).json();
    slots.push(...daySlots.slice(0, 20 - slots.length));
  }
  const tokens = [];
  for (let index = 0; index < 2000; index += 50) {
    const batch = await Promise.all(
      Array.from({ length: 50 }, (_, offset) =>
        fetch(`${base}/api/auth/customer/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `storm-${index + offset}` }) }).then((response) => response.json()),
      ),
    );
    tokens.push(...batch.map((body) => body.accessToken));
  }
  const started = performance.now();
  const latencies = [];
  const outcomes = await Promise.all(
    tokens.map(async (token, index) => {
      const sent = performance.now();
      const response = await fetch(`${base}/api/test-drives/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ storeId: 1, modelId: 1, startAt: slots[index % 20].startAt, contactName: '压测', mobile: String(15_000_000_000 + index) }),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      return response.status;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const [[{ overbooked }]] = await connection.query(
    "SELECT COUNT(*) AS overbooked FROM (SELECT start_at FROM test_drive_bookings WHERE model_id = 1 AND store_id = 1 AND status = 'CONFIRMED' GROUP BY start_at HAVING COUNT(*) > 5) t",
  );
  const [[{ doubleCars }]] = await connection.query(
    "SELECT COUNT(*) AS doubleCars FROM (SELECT car_id, start_at FROM test_drive_bookings WHERE status = 'CONFIRMED' GROUP BY car_id, start_at HAVING COUNT(*) > 1) t",
  );
  await connection.end();
  const count = (status) => outcomes.filter((outcome) => outcome === status).length;
  console.log(`\nBooking storm: 2,000 simultaneous attempts over 20 slots × 5 cars (capacity 100):`);
  console.log(`  booked ${count(201)}, full 409 ${count(409)}, other ${outcomes.length - count(201) - count(409)}; overbooked slots ${overbooked}, cars in two drives ${doubleCars}`);
  console.log(`  ${(outcomes.length / seconds).toFixed(0)} attempts/s, p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(0)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)].toFixed(0)} ms\n`);
}

/** Inserts rows in batches of 1,000 (one multi-row INSERT each). */
async function insertRows(connection, table, columns, rows) {
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    await connection.query(`INSERT INTO ${table} (${columns.map((column) => `\`${column}\``).join(', ')}) VALUES ?`, [batch]);
  }
}

/**
 * The service advisor's board for a store with 5,000 cars (each with readings and two past visits) and a busy
 * day tomorrow of 80 arrivals: the board, a plate search and a vehicle file, as p50/p95 latencies.
 */
async function benchWorkshop(port) {
  const cars = 5_000;
  const arrivals = 80;
  const connection = await mysql.createConnection(databaseUrl);
  const now = new Date();
  const [[{ firstCustomer }]] = await connection.query('SELECT COALESCE(MAX(id), 0) + 1 AS firstCustomer FROM customers');
  await insertRows(connection, 'customers', ['id', 'mobile', 'name', 'mobile_verified_at', 'updated_at'], Array.from({ length: cars }, (_, index) => [firstCustomer + index, String(16_600_000_000 + index), `车主${index}`, now, now]));
  const [[{ firstVehicle }]] = await connection.query('SELECT COALESCE(MAX(id), 0) + 1 AS firstVehicle FROM vehicles');
  const vehicles = Array.from({ length: cars }, (_, index) => {
    const deliveredAt = new Date(now.getTime() - (60 + (index % 1400)) * 86_400_000);
    return [firstVehicle + index, `BENCHVIN${String(index).padStart(9, '0')}`, `沪K${String(index).padStart(5, '0')}`, 1 + (index % 6), firstCustomer + index, 1, deliveredAt, 8_000 + (index % 90) * 1_000, now, now];
  });
  await insertRows(connection, 'vehicles', ['id', 'vin', 'plate', 'model_id', 'owner_id', 'store_id', 'delivered_at', 'mileage_km', 'mileage_read_at', 'updated_at'], vehicles);
  await insertRows(connection, 'mileage_readings', ['vehicle_id', 'km', 'source', 'read_at'], vehicles.flatMap(([id, , , , , , deliveredAt, km]) => [[id, 0, 'DELIVERY', deliveredAt], [id, km, 'OWNER', now]]));
  const [items] = await connection.query("SELECT id, name FROM service_items WHERE code IN ('OIL_SERVICE', 'CABIN_FILTER')");
  const [[{ firstRecord }]] = await connection.query('SELECT COALESCE(MAX(id), 0) + 1 AS firstRecord FROM service_records');
  const lines = JSON.stringify(items.map((item) => ({ name: item.name, labourFen: 15_000, parts: [] })));
  const records = vehicles.flatMap(([id, , , , , , deliveredAt, km], index) =>
    [0.3, 0.7].map((share, visit) => [firstRecord + index * 2 + visit, id, 1, 'MAINTENANCE', Math.round(km * share), new Date(deliveredAt.getTime() + (now - deliveredAt) * share), 30_000, 40_000, 70_000, lines]),
  );
  await insertRows(connection, 'service_records', ['id', 'vehicle_id', 'store_id', 'service_type', 'mileage_km', 'serviced_at', 'labour_fen', 'parts_fen', 'total_fen', 'lines'], records);
  await insertRows(connection, 'service_record_items', ['record_id', 'vehicle_id', 'item_id'], records.flatMap(([recordId, vehicleId]) => items.map((item) => [recordId, vehicleId, item.id])));
  const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  const bookings = Array.from({ length: arrivals }, (_, index) => {
    const startAt = new Date(`${tomorrow}T${String(9 + (index % 8)).padStart(2, '0')}:00:00+08:00`);
    const vehicleId = firstVehicle + index * 61;
    return [vehicleId - firstVehicle + firstCustomer, vehicleId, 1, 'MAINTENANCE', startAt, new Date(startAt.getTime() + 3_600_000), JSON.stringify(items.map((item) => item.id)), '车主', '16600000000', now];
  });
  await insertRows(connection, 'service_bookings', ['customer_id', 'vehicle_id', 'store_id', 'service_type', 'start_at', 'end_at', 'item_ids', 'contact_name', 'mobile', 'updated_at'], bookings);
  await connection.end();

  const advisor = { authorization: `Bearer ${await token(port, 'sa.shpd')}` };
  const base = `http://127.0.0.1:${port}/api`;
  const rows = [
    ['SA board, tomorrow (80 arrivals)', await percentiles(`${base}/service/board?storeId=1`, advisor, 100, 2)],
    ['vehicle search by plate', await percentiles(`${base}/vehicles?q=${encodeURIComponent('沪K04321')}`, advisor)],
    ['vehicle search by VIN end', await percentiles(`${base}/vehicles?q=000004321`, advisor)],
    ['vehicle file', await percentiles(`${base}/vehicles/${firstVehicle + 4321}`, advisor)],
  ];
  console.log(`\nWorkshop: store 1 with ${cars.toLocaleString()} cars, ${(cars * 2).toLocaleString()} past visits, ${arrivals} arrivals tomorrow:\n`);
  console.log('| request | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  for (const [title, { p50, p95 }] of rows) console.log(`| ${title} | ${p50} | ${p95} |`);
}

/**
 * Redemption throughput: 200 members with points, 20 clients redeeming a 100-point reward for random members for
 * BENCH_SECONDS; then the ledger is checked (no balance below zero, every balance equal to its live lots).
 */
async function benchRedemptions(port) {
  const base = `http://127.0.0.1:${port}`;
  const json = (response) => response.json();
  const members = [];
  for (let index = 0; index < 200; index += 50) {
    const batch = await Promise.all(
      Array.from({ length: 50 }, (_, offset) =>
        fetch(`${base}/api/auth/customer/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `points-${index + offset}` }) }).then(json),
      ),
    );
    members.push(...batch.map((body) => ({ token: body.accessToken, customerId: body.customer.id })));
  }
  const marketer = `Bearer ${await token(port, 'marketer')}`;
  for (const member of members) {
    await fetch(`${base}/api/loyalty/adjustments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: marketer },
      body: JSON.stringify({ customerId: member.customerId, points: 5_000, reason: '压测', idempotencyKey: `bench-${member.customerId}` }),
    });
  }
  const connection = await mysql.createConnection(databaseUrl);
  await connection.query("INSERT INTO rewards (code, name, kind, points, stock, description, updated_at) VALUES ('BENCH', '压测礼品', 'WASH_COUPON', 100, 1000000, '压测', NOW(3))");
  const [[{ rewardId }]] = await connection.query("SELECT id AS rewardId FROM rewards WHERE code = 'BENCH'");
  const latencies = [];
  const outcomes = new Map();
  const deadline = Date.now() + duration * 1000;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (Date.now() < deadline) {
        const member = members[Math.floor(Math.random() * members.length)];
        const sent = performance.now();
        const response = await fetch(`${base}/api/me/points/redemptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${member.token}`, 'idempotency-key': `bench-${(sequence += 1)}` },
          body: JSON.stringify({ rewardId }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const [[{ negative }]] = await connection.query('SELECT COUNT(*) AS negative FROM points_accounts WHERE balance < 0');
  const [[{ mismatched }]] = await connection.query(
    'SELECT COUNT(*) AS mismatched FROM points_accounts a LEFT JOIN (SELECT customer_id, SUM(remaining) AS live FROM points_lots WHERE expires_at > NOW(3) GROUP BY customer_id) l ON l.customer_id = a.customer_id WHERE a.balance <> COALESCE(l.live, 0)',
  );
  await connection.end();
  const ok = outcomes.get(201) ?? 0;
  console.log(`\nRedemptions: 20 clients, 200 members with 5,000 points each, a 100-point reward, ${duration} s:`);
  console.log(`  ${(ok / duration).toFixed(0)} redemptions/s, p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(0)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)].toFixed(0)} ms; statuses ${JSON.stringify(Object.fromEntries(outcomes))}`);
  console.log(`  balances below zero: ${negative}; balances not equal to their live lots: ${mismatched}\n`);
}

/** 人群 counts over 100,000 members with accounts and 60,000 cars: p50/p95 of the live count per filter. */
async function benchSegments(port) {
  const members = 100_000;
  const connection = await mysql.createConnection(databaseUrl);
  const now = new Date();
  const [[{ firstCustomer }]] = await connection.query('SELECT COALESCE(MAX(id), 0) + 1 AS firstCustomer FROM customers');
  const day = 86_400_000;
  await insertRows(connection, 'customers', ['id', 'mobile', 'name', 'consent_at', 'updated_at'], Array.from({ length: members }, (_, index) => [firstCustomer + index, String(15_500_000_000 + index), `会员${index}`, now, now]));
  const tiers = ['STANDARD', 'STANDARD', 'STANDARD', 'SILVER', 'SILVER', 'GOLD', 'BLACK'];
  await insertRows(connection, 'points_accounts', ['customer_id', 'balance', 'tier', 'updated_at'], Array.from({ length: members }, (_, index) => [firstCustomer + index, (index * 37) % 20_000, tiers[index % tiers.length], now]));
  const [[{ maxVehicle }]] = await connection.query('SELECT COALESCE(MAX(id), 0) AS maxVehicle FROM vehicles');
  await insertRows(
    connection,
    'vehicles',
    ['id', 'vin', 'model_id', 'owner_id', 'store_id', 'delivered_at', 'mileage_km', 'mileage_read_at', 'last_service_at', 'insurance_expires_on', 'updated_at'],
    Array.from({ length: 60_000 }, (_, index) => {
      const deliveredAt = new Date(now.getTime() - (30 + (index % 2_000)) * day);
      return [maxVehicle + 1 + index, `SEGVIN${String(index).padStart(11, '0')}`, 1 + (index % 6), firstCustomer + index, 1 + (index % 4), deliveredAt, 10_000, now, index % 3 ? new Date(now.getTime() - (index % 400) * day) : null, new Date(now.getTime() + ((index % 365) - 30) * day), now];
    }),
  );
  await connection.end();
  const marketer = { authorization: `Bearer ${await token(port, 'marketer')}`, 'content-type': 'application/json' };
  const filters = [
    ['all members', {}],
    ['gold and black', { tiers: ['GOLD', 'BLACK'] }],
    ['insurance expiring in 30 days', { insuranceExpiringWithinDays: 30 }],
    ['no visit in 180 days, car 3+ years old', { daysSinceLastService: { min: 180 }, vehicleAgeMonths: { min: 36 } }],
    ['model 5 at store 1 or 2, 1,000+ points', { modelIds: [5], storeIds: [1, 2], pointsBalance: { min: 1_000 } }],
  ];
  console.log(`\n人群 live counts over ${members.toLocaleString()} members and 60,000 cars (20 requests each, one at a time):\n`);
  console.log('| filter | count | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  for (const [title, filter] of filters) {
    const durations = [];
    let result = 0;
    for (let run = 0; run < 20; run += 1) {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/marketing/segments/count`, { method: 'POST', headers: marketer, body: JSON.stringify({ filter }) });
      result = (await response.json()).count;
      durations.push(performance.now() - started);
    }
    durations.sort((a, b) => a - b);
    console.log(`| ${title} | ${result.toLocaleString()} | ${durations[10].toFixed(0)} | ${durations[18].toFixed(0)} |`);
  }
}

/**
 * Reminders over 100,000 cars: one scan of every rule (the maintenance rule works out every car's schedule),
 * a rerun (which must write nothing), and the dispatcher draining what the scan wrote. Times per run.
 */
async function benchReminders() {
  const cars = 100_000;
  const connection = await mysql.createConnection(databaseUrl);
  const now = new Date();
  const day = 86_400_000;
  const [[{ firstCustomer }]] = await connection.query('SELECT COALESCE(MAX(id), 0) + 1 AS firstCustomer FROM customers');
  await insertRows(connection, 'customers', ['id', 'mobile', 'name', 'openid', 'birthday', 'updated_at'], Array.from({ length: cars }, (_, index) => [firstCustomer + index, String(14_400_000_000 + index), `车主${index}`, index % 2 ? `bench-openid-${index}` : null, new Date(Date.UTC(1970 + (index % 40), index % 12, 1 + (index % 28))), now]));
  const [[{ firstVehicle }]] = await connection.query('SELECT COALESCE(MAX(id), 0) + 1 AS firstVehicle FROM vehicles');
  const vehicles = Array.from({ length: cars }, (_, index) => {
    const deliveredAt = new Date(now.getTime() - (20 + (index % 1800)) * day);
    const lastService = index % 4 ? new Date(now.getTime() - (index % 500) * day) : null;
    return [firstVehicle + index, `REMVIN${String(index).padStart(11, '0')}`, 1 + (index % 6), firstCustomer + index, 1 + (index % 4), deliveredAt, 5_000 + (index % 60) * 1_000, now, lastService, new Date(now.getTime() + (index % 400) * day), new Date(now.getTime() + (index % 1500) * day), now];
  });
  await insertRows(connection, 'vehicles', ['id', 'vin', 'model_id', 'owner_id', 'store_id', 'delivered_at', 'mileage_km', 'mileage_read_at', 'last_service_at', 'insurance_expires_on', 'warranty_ends_on', 'updated_at'], vehicles);
  await insertRows(connection, 'mileage_readings', ['vehicle_id', 'km', 'source', 'read_at'], vehicles.flatMap(([id, , , , , deliveredAt, km]) => [[id, 0, 'DELIVERY', deliveredAt], [id, km, 'OWNER', now]]));
  const [[{ total }]] = await connection.query('SELECT COUNT(*) AS total FROM vehicles');
  const port = 3903;
  const server = startProcess(join(serverDist, 'main.js'), port, { CLOCK_MODE: 'controlled', DISPATCH_BATCH: '500' });
  children.push(server);
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  const admin = { authorization: `Bearer ${await token(port, 'admin')}` };
  const runJob = async (job) => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/dev/jobs/${job}/run`, { method: 'POST', headers: admin });
    const body = await response.json();
    if (!response.ok) throw new Error(`${job}: ${response.status} ${JSON.stringify(body)}`);
    return { seconds: (performance.now() - started) / 1000, count: body.count };
  };
  const first = await runJob('reminders');
  const [[{ queued }]] = await connection.query('SELECT COUNT(*) AS queued FROM outbox_messages');
  const rerun = await runJob('reminders');
  const [[{ queuedAfterRerun }]] = await connection.query('SELECT COUNT(*) AS queuedAfterRerun FROM outbox_messages');
  const dispatchStarted = performance.now();
  let handled = 0;
  for (;;) {
    const { count } = await runJob('dispatch');
    if (count === 0) break;
    handled += count;
  }
  const dispatchSeconds = (performance.now() - dispatchStarted) / 1000;
  await connection.end();
  console.log(`\nReminders over ${Number(total).toLocaleString()} cars (every rule; the maintenance rule works out each car's schedule):\n`);
  console.log('| run | seconds | cars evaluated / s | outbox rows |');
  console.log('|---|---:|---:|---:|');
  console.log(`| first scan | ${first.seconds.toFixed(1)} | ${Math.round(Number(total) / first.seconds).toLocaleString()} | ${Number(queued).toLocaleString()} written |`);
  console.log(`| rerun (same day) | ${rerun.seconds.toFixed(1)} | ${Math.round(Number(total) / rerun.seconds).toLocaleString()} | ${Number(queuedAfterRerun) - Number(queued)} new |`);
  console.log(`| dispatch (dev channels) | ${dispatchSeconds.toFixed(1)} | | ${handled.toLocaleString()} sent, ${Math.round(handled / dispatchSeconds).toLocaleString()} / s |`);
}

/**
 * Excel import at volume: a 100,000-row 客户与车辆 file (a legacy DMS export) uploaded to a server process of
 * its own, dry run to VALIDATED, commit to COMMITTED (one transaction); seconds, rows/s and that process's peak RSS.
 */
async function benchImports() {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const ExcelJS = require('exceljs');
  const { withVinCheckDigit } = require(join(serverDist, 'contracts/vin.rules.js'));
  const work = mkdtempSync(join(tmpdir(), 'bench-imports-'));
  const filePath = join(work, 'dms-export.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: false, useSharedStrings: false });
  const sheet = writer.addWorksheet('导入数据');
  sheet.addRow(['姓名*', '手机号*', 'VIN*', '车牌', '车型*', '交车日期*', '当前里程(公里)', '门店编码']).commit();
  const models = ['曙光 L 轿车', '远峰 X SUV', '微风 S 两厢', '和悦 混动 MPV', '电跃 E5', '电跃 P7 插混 SUV'];
  const stores = ['SH-PD', 'SH-MH', 'HZ-XH', 'HZ-BJ'];
  for (let index = 0; index < rows; index += 1) {
    const day = new Date(Date.UTC(2019, 0, 1) + (index % 2_000) * 86_400_000).toISOString().slice(0, 10);
    sheet
      .addRow([
        `车主${index}`,
        String(16_000_000_000 + index),
        withVinCheckDigit(`LBENCH000R${String(index).padStart(7, '0')}`),
        index % 3 === 0 ? `浙A${String(index / 3).padStart(5, '0')}` : null,
        models[index % models.length],
        day,
        (index * 37) % 150_000,
        stores[index % stores.length],
      ])
      .commit();
  }
  sheet.commit();
  await writer.commit();
  const fileMb = statSync(filePath).size / 1024 / 1024;

  const port = 3904;
  const server = startProcess(join(serverDist, 'main.js'), port, { IMPORT_DIR: work });
  children.push(server);
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  const admin = { authorization: `Bearer ${await token(port, 'admin')}` };
  const base = `http://127.0.0.1:${port}/api/imports`;
  const statusOf = () => readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(statusOf())[1]);
  const rssAtStart = kb('VmRSS');
  const until = async (id, done) => {
    for (;;) {
      const job = await (await fetch(`${base}/${id}`, { headers: admin })).json();
      if (done.includes(job.status) || job.status === 'FAILED') return job;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  const started = performance.now();
  const form = new FormData();
  form.append('file', new Blob([readFileSync(filePath)]), 'dms-export.xlsx');
  const uploaded = await fetch(`${base}/customer-vehicles`, { method: 'POST', headers: admin, body: form });
  if (uploaded.status !== 202) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
  const { id } = await uploaded.json();
  const validated = await until(id, ['VALIDATED']);
  const dryRunSeconds = (performance.now() - started) / 1000;
  const peakAfterDryRun = kb('VmHWM');
  if (validated.status !== 'VALIDATED' || validated.errorCount > 0) throw new Error(`dry run: ${JSON.stringify(validated).slice(0, 500)}`);
  const commitStarted = performance.now();
  const commit = await fetch(`${base}/${id}/commit`, { method: 'POST', headers: admin });
  if (commit.status !== 202) throw new Error(`commit: ${commit.status} ${await commit.text()}`);
  const committed = await until(id, ['COMMITTED']);
  const commitSeconds = (performance.now() - commitStarted) / 1000;
  if (committed.status !== 'COMMITTED') throw new Error(`commit: ${committed.failureMessage}`);
  const peakMb = kb('VmHWM') / 1024;
  const connection = await mysql.createConnection(databaseUrl);
  const [[{ cars }]] = await connection.query("SELECT COUNT(*) AS cars FROM vehicles WHERE vin LIKE 'LBENCH%'");
  await connection.end();
  rmSync(work, { recursive: true, force: true });
  const total = dryRunSeconds + commitSeconds;
  console.log(`\nImport: ${rows.toLocaleString()} 客户与车辆 rows (${fileMb.toFixed(1)} MB .xlsx) into a server process of its own:\n`);
  console.log('| step | seconds | rows/s |');
  console.log('|---|---:|---:|');
  console.log(`| dry run (upload → VALIDATED) | ${dryRunSeconds.toFixed(1)} | ${Math.round(rows / dryRunSeconds).toLocaleString()} |`);
  console.log(`| commit (→ COMMITTED, one transaction) | ${commitSeconds.toFixed(1)} | ${Math.round(rows / commitSeconds).toLocaleString()} |`);
  console.log(`| total | ${total.toFixed(1)} | ${Math.round(rows / total).toLocaleString()} |`);
  console.log(`\n  created ${committed.createdCount.toLocaleString()}, cars in the database ${Number(cars).toLocaleString()}; server RSS ${(rssAtStart / 1024).toFixed(0)} MB at start, peak (VmHWM) ${(peakAfterDryRun / 1024).toFixed(0)} MB by the end of the dry run and ${peakMb.toFixed(0)} MB overall (budget: 60 s, 512 MB)\n`);
}

const children = [];
try {
  execFileSync(process.execPath, [join(serverDist, 'core/database/database.cli.js'), 'prepare'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });
  children.push(startProcess(join(serverDist, 'main.js'), 3901), startProcess(join(here, 'bare-server.mjs'), 3902));
  await Promise.all([waitFor('http://127.0.0.1:3901/api/health'), waitFor('http://127.0.0.1:3902/bare/vehicle-models')]);
  // BENCH_ONLY=http|storm|workshop|points|segments|reminders|leads|dashboard runs one part.
  const runs = (part) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === part;
  const login = await fetch('http://127.0.0.1:3901/api/auth/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: process.env.SEED_ADMIN_PASSWORD ?? 'Admin@12345' }),
  });
  const { accessToken } = await login.json();

  if (runs('http')) await benchHttp(accessToken);
  if (runs('storm')) await benchBookingStorm(3901);
  if (runs('workshop')) await benchWorkshop(3901);
  if (runs('points')) await benchRedemptions(3901);
  if (runs('segments')) await benchSegments(3901);
  if (runs('reminders')) await benchReminders();
  if (runs('leads')) await benchLeads();
  if (runs('imports')) await benchImports();
  if (runs('dashboard')) await benchDashboard();
} finally {
  for (const child of children) child.kill('SIGTERM');
  const connection = await mysql.createConnection(mysqlRoot);
  await connection.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
  await connection.end();
}
