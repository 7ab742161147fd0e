// Generates the Prisma client when schema.prisma changed since the last run.
// The Prisma CLI downloads a native schema engine before `generate` even though generate does not use it;
// where that download is impossible (offline machines) a stub engine stands in.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(serverDir, '..', 'prisma', 'schema.prisma');
const outputDir = join(serverDir, 'src', 'generated', 'prisma');
const stampPath = join(outputDir, '.schema-hash');

const schemaHash = createHash('sha256').update(readFileSync(schemaPath)).digest('hex');
if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === schemaHash) process.exit(0);

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = join(tmpdir(), 'prisma-schema-engine-stub');
  writeFileSync(stub, '#!/bin/sh\necho "schema engine unavailable offline" >&2\nexit 1\n');
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
execFileSync('pnpm', ['exec', 'prisma', 'generate'], { cwd: serverDir, env, stdio: 'inherit' });
mkdirSync(outputDir, { recursive: true });
writeFileSync(stampPath, schemaHash);
