import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from '../support/database';
import { actualSchema, expectedSchema, schemaDifferences } from '../support/schema-drift';
import { dropDatabase, freshDatabaseUrl, preparedDatabase, repoRoot, TestDatabase } from '../support/test-server';

const databaseCli = join(repoRoot, 'server', 'dist', 'server', 'src', 'core', 'database', 'database.cli.js');
const run = (databaseUrl: string, command: string, env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [databaseCli, command], { env: { ...process.env, ...env, DATABASE_URL: databaseUrl } });

describe('database: migrations, schema agreement and seed', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await preparedDatabase();
  });
  afterAll(() => database.drop());

  it('has exactly the tables, columns, types, nullability and indexes schema.prisma declares', async () => {
    const differences = schemaDifferences(await expectedSchema(), await actualSchema(database.databaseUrl));
    expect(differences).toEqual([]);
  });

  it('notices when the database drifts from schema.prisma', async () => {
    const scratch = await preparedDatabase();
    try {
      await sql(scratch.databaseUrl, 'ALTER TABLE staff MODIFY name VARCHAR(80) NULL, DROP INDEX staff_role_idx');
      const differences = schemaDifferences(await expectedSchema(), await actualSchema(scratch.databaseUrl));
      expect(differences).toEqual(
        expect.arrayContaining([
          'staff.name: schema.prisma says varchar(64), database has varchar(80) NULL',
          'staff: index index(role) missing in the database',
        ]),
      );
    } finally {
      await scratch.drop();
    }
  });

  it('records migrations in _prisma_migrations as prisma migrate deploy does', async () => {
    const rows = await sql<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      database.databaseUrl,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('creates a missing database and applies each migration once, even with two runners at the same moment', async () => {
    const { databaseUrl, databaseName } = freshDatabaseUrl();
    try {
      await Promise.all([run(databaseUrl, 'migrate'), run(databaseUrl, 'migrate')]);
      const rows = await sql<{ migration_name: string }>(databaseUrl, 'SELECT migration_name FROM _prisma_migrations');
      expect(new Set(rows.map((row) => row.migration_name)).size).toBe(rows.length);
      const { stdout } = await run(databaseUrl, 'migrate');
      expect(stdout).toContain('up to date');
    } finally {
      await dropDatabase(databaseName);
    }
  });

  it('refuses to run when an applied migration was edited', async () => {
    const migrationsCopy = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(join(repoRoot, 'prisma', 'migrations'), migrationsCopy, { recursive: true });
    const rows = await sql<{ migration_name: string }>(database.databaseUrl, 'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name LIMIT 1');
    const edited = join(migrationsCopy, rows[0].migration_name, 'migration.sql');
    writeFileSync(edited, '-- edited after landing\nSELECT 1;\n');
    await expect(run(database.databaseUrl, 'migrate', { MIGRATIONS_DIR: migrationsCopy })).rejects.toMatchObject({
      stderr: expect.stringContaining('edited after it was applied'),
    });
  });

  it('seeds demo data once and leaves later edits alone', async () => {
    await sql(database.databaseUrl, "UPDATE stores SET phone = '021-00000000' WHERE code = 'SH-PD'");
    const { stdout } = await run(database.databaseUrl, 'prepare');
    expect(stdout).toContain('already seeded');
    const [store] = await sql<{ phone: string }>(database.databaseUrl, "SELECT phone FROM stores WHERE code = 'SH-PD'");
    expect(store.phone).toBe('021-00000000');
    const [counts] = await sql<{ regions: number; stores: number; models: number; cars: number }>(
      database.databaseUrl,
      'SELECT (SELECT COUNT(*) FROM regions) regions, (SELECT COUNT(*) FROM stores) stores, (SELECT COUNT(*) FROM vehicle_models) models, (SELECT COUNT(*) FROM test_drive_cars) cars',
    );
    expect(counts).toEqual({ regions: 2, stores: 4, models: 6, cars: 24 });
  });

  it('gives every role at least one demo account', async () => {
    const rows = await sql<{ role: string }>(database.databaseUrl, 'SELECT DISTINCT role FROM staff');
    expect(rows.map((row) => row.role).sort()).toEqual(
      ['ADMIN', 'CONSULTANT', 'DIRECTOR', 'MARKETER', 'REGION_MANAGER', 'SERVICE_ADVISOR', 'STORE_MANAGER'],
    );
  });
});
