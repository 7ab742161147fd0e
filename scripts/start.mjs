// `pnpm start`: builds whatever is not built yet, creates and migrates the database, seeds demo data
// once, then serves the API at /api, the admin at /admin and the mini-program H5 at /h5.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A demo: fake WeChat, the fixed SMS code and the demo admin password are allowed only in APP_MODE=demo.
const env = { ...process.env, APP_MODE: process.env.APP_MODE ?? 'demo' };
const serverMain = join(root, 'server/dist/server/src/main.js');
const databaseCli = join(root, 'server/dist/server/src/core/database/database.cli.js');

const builds = [
  [serverMain, 'pnpm --filter server build'],
  [join(root, 'admin/dist/index.html'), 'pnpm --filter admin build'],
  [join(root, 'miniapp/dist/h5/index.html'), 'pnpm --filter miniapp build:h5'],
];
for (const [output, command] of builds) {
  if (existsSync(output)) continue;
  process.stdout.write(`Building: ${command}\n`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

try {
  execSync(`"${process.execPath}" "${databaseCli}" prepare`, { cwd: root, stdio: 'inherit', env });
} catch {
  // The database CLI has already said what is wrong (configuration, database unreachable).
  process.exit(1);
}

const server = spawn(process.execPath, [serverMain], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
server.on('spawn', () => process.stdout.write(`Serving on http://localhost:${process.env.PORT ?? 3000} (/api, /admin, /h5; API docs at /api/docs)\n`));
