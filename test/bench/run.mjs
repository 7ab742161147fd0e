// `pnpm bench`: load-tests the built server with autocannon and compares it with a bare Fastify + mysql2
// route running the same query. Prints req/s, p99 latency and our/bare ratios. Needs `pnpm build` first.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
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
    stdio: ['ignore', 'ignore', 'inherit'],
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

const children = [];
try {
  execFileSync(process.execPath, [join(serverDist, 'core/database/database.cli.js'), 'prepare'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });
  children.push(startProcess(join(serverDist, 'main.js'), 3901), startProcess(join(here, 'bare-server.mjs'), 3902));
  await Promise.all([waitFor('http://127.0.0.1:3901/api/health'), waitFor('http://127.0.0.1:3902/bare/vehicle-models')]);
  const login = await fetch('http://127.0.0.1:3901/api/auth/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: process.env.SEED_ADMIN_PASSWORD ?? 'Admin@12345' }),
  });
  const { accessToken } = await login.json();

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
} finally {
  for (const child of children) child.kill('SIGTERM');
  const connection = await mysql.createConnection(mysqlRoot);
  await connection.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
  await connection.end();
}
