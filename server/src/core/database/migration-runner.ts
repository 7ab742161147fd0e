import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { DatabaseTarget } from './database-url';

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records each in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, sha256 checksum of the file),
 * so a team online can switch to the Prisma CLI at any time. Runs under the same advisory lock name
 * as Prisma, so two instances starting together apply each migration once.
 */
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
    \`id\` VARCHAR(36) NOT NULL,
    \`checksum\` VARCHAR(64) NOT NULL,
    \`finished_at\` DATETIME(3) NULL,
    \`migration_name\` VARCHAR(255) NOT NULL,
    \`logs\` TEXT NULL,
    \`rolled_back_at\` DATETIME(3) NULL,
    \`started_at\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`applied_steps_count\` INTEGER UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

const LOCK_NAME = 'prisma_migrate';
const LOCK_TIMEOUT_SECONDS = 60;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function readMigrations(migrationsDir: string): MigrationFile[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export async function createDatabaseIfMissing(target: DatabaseTarget): Promise<void> {
  const connection = await mysql.createConnection({ ...target, database: undefined });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** Applies pending migrations; returns the names applied now. */
export async function applyMigrations(target: DatabaseTarget, migrationsDir: string): Promise<string[]> {
  const migrations = readMigrations(migrationsDir);
  const connection = await mysql.createConnection({ ...target, multipleStatements: true });
  try {
    const [lockRows] = await connection.query('SELECT GET_LOCK(?, ?) AS acquired', [LOCK_NAME, LOCK_TIMEOUT_SECONDS]);
    if ((lockRows as Array<{ acquired: number }>)[0]?.acquired !== 1) {
      throw new MigrationError(`Could not take the ${LOCK_NAME} lock within ${LOCK_TIMEOUT_SECONDS}s`);
    }
    await connection.query(MIGRATIONS_TABLE_DDL);
    const [rows] = await connection.query(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL',
    );
    const applied = new Map(
      (rows as Array<{ migration_name: string; checksum: string; finished_at: Date | null }>).map((row) => [
        row.migration_name,
        row,
      ]),
    );
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous) {
        if (!previous.finished_at) {
          throw new MigrationError(
            `Migration ${migration.name} started earlier and did not finish: fix the database by hand, then mark it rolled back`,
          );
        }
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was edited after it was applied; migrations are append-only`);
        }
        continue;
      }
      const id = randomUUID();
      await connection.query(
        'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)',
        [id, migration.checksum, migration.name],
      );
      try {
        await connection.query(migration.sql);
      } catch (error) {
        await connection.query('UPDATE _prisma_migrations SET logs = ? WHERE id = ?', [String(error), id]);
        throw new MigrationError(`Migration ${migration.name} failed: ${String(error)}`);
      }
      await connection.query('UPDATE _prisma_migrations SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?', [id]);
      appliedNow.push(migration.name);
    }
    return appliedNow;
  } finally {
    await connection.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]).catch(() => undefined);
    await connection.end();
  }
}
