// `pnpm test`: builds what the tests run against, checks types and lint, runs every jest suite
// (unit, API e2e on real MariaDB, browser), then compiles the mini-program with miniprogram-ci.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const steps = [
  ['build server, admin and H5', 'pnpm build'],
  ['typecheck', 'pnpm typecheck'],
  ['lint', 'pnpm lint'],
  ['jest: unit, e2e, browser', `pnpm --filter test exec jest -c jest.config.js --ci --json --outputFile=artifacts/jest-results.json ${process.argv.slice(2).join(' ')}`],
  ['mini-program weapp compile and size check', 'pnpm --filter miniapp check'],
];

mkdirSync('test/artifacts', { recursive: true });
let summary = '';
for (const [title, command] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${title}: ${command}\n`);
  try {
    execSync(command, { stdio: 'inherit' });
  } catch {
    process.stdout.write(`\n=== FAILED: ${title}\n`);
    if (summary || title.startsWith('jest')) process.stdout.write(`${summary || jestSummary()}\n`);
    process.exit(1);
  }
  if (title.startsWith('jest')) summary = jestSummary();
  process.stdout.write(`=== ${title}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

process.stdout.write(`\n${summary}\n`);

/** The plain closing line CI reads: "N passed, N failed". */
function jestSummary() {
  try {
    const results = JSON.parse(readFileSync('test/artifacts/jest-results.json', 'utf8'));
    return `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
  } catch {
    return '0 passed, 1 failed';
  }
}
