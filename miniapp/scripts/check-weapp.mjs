// Compiles the built weapp (dist/weapp) with miniprogram-ci the way WeChat DevTools does before an
// upload, offline, and fails when the main package exceeds our 1 MB budget (WeChat allows 2 MB; the rest is headroom).
// Run after `pnpm build:weapp` (the `check` script does both).
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ci from 'miniprogram-ci';

const PROJECT_PATH = fileURLToPath(new URL('../dist/weapp/', import.meta.url));
const PLACEHOLDER_APPID = 'wx0000000000000000';
const MAIN_PACKAGE_LIMIT_BYTES = 1024 * 1024;
const UNREACHABLE_PROXY = 'http://127.0.0.1:9';

// What the WeChat server would answer for a normal mini-program; passing it as `attr` keeps
// miniprogram-ci from asking the server (which needs a real appid and key) for it.
const OFFLINE_PROJECT_ATTR = {
  platform: false,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {
    MaxCodeSize: 2,
    MaxSubpackageSubCodeSize: 2,
    MaxSubpackageFullCodeSize: 20,
    NavigateMiniprogramLimit: 10,
    MaxSubPackageLimit: 100,
    MinTabbarCount: 2,
    MaxTabbarCount: 5,
    MaxCustomTabbarCount: 10,
    MaxTabbarIconSize: 40,
  },
};

// The key only signs requests to the WeChat server, which this offline check never makes.
function throwawayPrivateKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

function subpackageRoots() {
  const appJson = JSON.parse(readFileSync(new URL('app.json', `file://${PROJECT_PATH}`), 'utf8'));
  const subpackages = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])];
  return subpackages.map(({ root }) => (root.endsWith('/') ? root : `${root}/`));
}

function formatKilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (!existsSync(`${PROJECT_PATH}app.json`)) {
  console.error(`No weapp build in ${PROJECT_PATH}: run \`pnpm build:weapp\` first.`);
  process.exit(1);
}

// Everything miniprogram-ci would fetch goes to a closed local port, so the check never waits on the
// network. Its one lookup (WeChat's allowlist of file extensions) then falls back to the built-in list.
ci.proxy(UNREACHABLE_PROXY);
console.log('miniprogram-ci runs offline: an error about the file-extension allowlist below is expected.');

const project = new ci.Project({
  appid: PLACEHOLDER_APPID,
  type: 'miniProgram',
  projectPath: PROJECT_PATH,
  privateKey: throwawayPrivateKey(),
  attr: async () => OFFLINE_PROJECT_ATTR,
});

const startedAt = Date.now();
const compiledFiles = await ci.getCompiledResult({
  project,
  version: '0.0.0',
  setting: { es6: true, minify: true, autoPrefixWXSS: true },
  onProgressUpdate: () => {},
});

const roots = subpackageRoots();
let mainPackageBytes = 0;
for (const [filePath, content] of Object.entries(compiledFiles)) {
  if (roots.some((root) => filePath.startsWith(root))) continue;
  mainPackageBytes += Buffer.byteLength(content);
}

const fileCount = Object.keys(compiledFiles).length;
const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
console.log(
  `weapp compiled by miniprogram-ci in ${seconds}s: ${fileCount} files, main package ${formatKilobytes(mainPackageBytes)}` +
    ` (limit ${formatKilobytes(MAIN_PACKAGE_LIMIT_BYTES)})`,
);
const withinLimit = mainPackageBytes <= MAIN_PACKAGE_LIMIT_BYTES;
if (!withinLimit) {
  console.error('Main package exceeds its 1 MB budget: move pages into subpackages or trim dependencies.');
}
// miniprogram-ci leaves its compiler process running; exit explicitly rather than wait for it.
process.exit(withinLimit ? 0 : 1);
