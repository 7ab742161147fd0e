// `pnpm test`: builds what the tests run against, checks types and lint, runs every jest suite
// (unit, API e2e on real MariaDB, browser), then compiles the mini-program with miniprogram-ci.
import { execSync } from 'node:child_process';

const steps = [
  ['build server, admin and H5', 'pnpm build'],
  ['typecheck', 'pnpm typecheck'],
  ['lint', 'pnpm lint'],
  ['jest: unit, e2e, browser', `pnpm --filter test exec jest -c jest.config.js --ci ${process.argv.slice(2).join(' ')}`],
  ['mini-program weapp compile and size check', 'pnpm --filter miniapp check'],
];

for (const [title, command] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${title}: ${command}\n`);
  try {
    execSync(command, { stdio: 'inherit' });
  } catch {
    process.stdout.write(`\n=== FAILED: ${title}\n`);
    process.exit(1);
  }
  process.stdout.write(`=== ${title}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
