import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';

export const repoRoot = join(__dirname, '..', '..');
const serverDist = join(repoRoot, 'server', 'dist', 'server', 'src');
const mainJs = join(serverDist, 'main.js');
const databaseCli = join(serverDist, 'core', 'database', 'database.cli.js');
const mysqlRoot = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestServer {
  baseUrl: string;
  databaseUrl: string;
  databaseName: string;
  /** The server's process id (to read its memory from /proc). */
  pid: number;
  /** Output the server wrote, for diagnosing a failing test. */
  logs(): string;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL), as a crash would; the database stays. */
  crash(): Promise<void>;
}

export interface TestDatabase {
  databaseUrl: string;
  databaseName: string;
  drop(): Promise<void>;
}

let databaseCounter = 0;

/** A new, empty database name for this test process. */
export function freshDatabaseUrl(): { databaseUrl: string; databaseName: string } {
  databaseCounter += 1;
  const databaseName = `dealer_test_${process.pid}_${Date.now().toString(36)}_${databaseCounter}`;
  return { databaseUrl: `${mysqlRoot}/${databaseName}`, databaseName };
}

export async function dropDatabase(databaseName: string): Promise<void> {
  const connection = await mysql.createConnection(mysqlRoot);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
  } finally {
    await connection.end();
  }
}

/**
 * What every test process runs with unless a suite says otherwise: demo mode (fake WeChat, the fixed SMS code, the
 * seeded demo password), and per-address SMS limits raised, since every suite speaks from 127.0.0.1.
 */
const TEST_ENV: Record<string, string> = {
  APP_MODE: 'demo',
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  ENABLE_JOBS: 'false',
  SMS_SENDS_PER_IP_PER_HOUR: '100000',
  SMS_LOGINS_PER_IP_PER_10_MINUTES: '100000',
};

/** Creates, migrates and seeds a fresh database with the built database CLI. */
export async function preparedDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  assertBuilt();
  const { databaseUrl, databaseName } = freshDatabaseUrl();
  await promisify(execFile)(process.execPath, [databaseCli, 'prepare'], { env: { ...process.env, ...TEST_ENV, ...env, DATABASE_URL: databaseUrl } });
  return { databaseUrl, databaseName, drop: () => dropDatabase(databaseName) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function assertBuilt(): void {
  if (!existsSync(mainJs)) throw new Error(`The server is not built (${mainJs} missing): run pnpm build first`);
}

export interface StartOptions {
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** Reuse a database (for several instances on one database). */
  database?: TestDatabase;
}

/** Starts the built server as its own process on a fresh, migrated and seeded database. */
export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  assertBuilt();
  const ownsDatabase = !options.database;
  const database = options.database ?? (await preparedDatabase(options.env));
  const port = await freePort();
  const child = spawn(process.execPath, [mainJs], {
    env: {
      ...process.env,
      ...TEST_ENV,
      ...options.env,
      DATABASE_URL: database.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(baseUrl, child, () => output);
  return {
    baseUrl,
    databaseUrl: database.databaseUrl,
    databaseName: database.databaseName,
    pid: child.pid!,
    logs: () => output,
    stop: async () => {
      await stopProcess(child);
      if (ownsDatabase) await database.drop();
    },
    crash: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${logs()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill('SIGKILL');
  throw new Error(`Server did not become healthy within 30 s:\n${logs()}`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
