/**
 * `node database.cli.js prepare|migrate|seed`
 * prepare = create the database if missing, apply migrations, seed demo data once (what `pnpm start` runs).
 * bulk [leads] [follow-ups per lead] = add volume data (default 1,000,000 leads, 5 follow-ups each on average) for
 *   benchmarks, then bring the dashboard's daily figures up to date.
 * kpi-refresh [--full] = bring the dashboard's daily figures up to date (--full: rebuild every day).
 */
import { seedDemoData } from '../../../../prisma/seed';
import { seedBulkLeads } from '../../../../prisma/seed-bulk';
import { PrismaClient } from '../../generated/prisma/client';
import { KpiFactsService } from '../../modules/analytics/kpi-facts.service';
import { SystemClock } from '../time/clock';
import { loadConfig } from '../config/config';
import { migrationsDir } from '../config/repo-paths';
import { parseDatabaseUrl } from './database-url';
import { applyMigrations, createDatabaseIfMissing } from './migration-runner';
import { mariaDbAdapter, type PrismaService } from './prisma.service';

const DEMO_SEED_KEY = 'demo_seed_version';
const DEMO_SEED_VERSION = '1';

async function migrate(databaseUrl: string, fromDir: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  await createDatabaseIfMissing(target);
  const applied = await applyMigrations(target, fromDir);
  process.stdout.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database schema is up to date\n');
}

async function seedOnce(databaseUrl: string, staffPassword: string, force: boolean): Promise<void> {
  const prisma = new PrismaClient({ adapter: mariaDbAdapter(databaseUrl, 2) });
  try {
    const marker = await prisma.appSetting.findUnique({ where: { key: DEMO_SEED_KEY } });
    if (marker && !force) {
      process.stdout.write('Demo data already seeded\n');
      return;
    }
    await seedDemoData(prisma, { staffPassword });
    await prisma.appSetting.upsert({
      where: { key: DEMO_SEED_KEY },
      create: { key: DEMO_SEED_KEY, value: DEMO_SEED_VERSION },
      update: { value: DEMO_SEED_VERSION },
    });
    process.stdout.write('Demo data seeded\n');
  } finally {
    await prisma.$disconnect();
  }
}

async function seedBulk(databaseUrl: string, leads: number, followUpsPerLead: number): Promise<void> {
  const prisma = new PrismaClient({ adapter: mariaDbAdapter(databaseUrl, 4) });
  const started = Date.now();
  try {
    await seedBulkLeads(prisma, leads, followUpsPerLead, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`Bulk data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await prisma.$disconnect();
  }
  await refreshKpiFacts(databaseUrl, false);
}

async function refreshKpiFacts(databaseUrl: string, full: boolean): Promise<void> {
  const prisma = new PrismaClient({ adapter: mariaDbAdapter(databaseUrl, 2) });
  const facts = new KpiFactsService(prisma as PrismaService, new SystemClock());
  const started = Date.now();
  try {
    if (full) await facts.forgetState();
    const ranges = await facts.refresh();
    process.stdout.write(`KPI facts: ${ranges} day ranges rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await prisma.$disconnect();
  }
}

async function main(command: string | undefined, args: string[]): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'migrate':
      return migrate(config.DATABASE_URL, config.MIGRATIONS_DIR ?? migrationsDir);
    case 'seed':
      return seedOnce(config.DATABASE_URL, config.SEED_ADMIN_PASSWORD, true);
    case 'bulk':
      await migrate(config.DATABASE_URL, config.MIGRATIONS_DIR ?? migrationsDir);
      await seedOnce(config.DATABASE_URL, config.SEED_ADMIN_PASSWORD, false);
      return seedBulk(config.DATABASE_URL, Number(args[0] ?? 1_000_000), Number(args[1] ?? 5));
    case 'kpi-refresh':
      await migrate(config.DATABASE_URL, config.MIGRATIONS_DIR ?? migrationsDir);
      return refreshKpiFacts(config.DATABASE_URL, args.includes('--full'));
    case 'prepare':
      await migrate(config.DATABASE_URL, config.MIGRATIONS_DIR ?? migrationsDir);
      return seedOnce(config.DATABASE_URL, config.SEED_ADMIN_PASSWORD, false);
    default:
      throw new Error('Usage: database.cli.js prepare|migrate|seed|bulk [leads] [follow-ups per lead]|kpi-refresh [--full]');
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
