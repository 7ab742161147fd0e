import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../support/test-server';

const mainJs = join(repoRoot, 'server', 'dist', 'server', 'src', 'main.js');

async function startWith(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    await promisify(execFile)(process.execPath, [mainJs], { env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, timeout: 15_000 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

describe('production configuration', () => {
  it('refuses to start in production with dev-only settings and names each one', async () => {
    const { code, stderr } = await startWith({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toContain('Refusing to start in production');
    for (const setting of ['WECHAT_MODE=fake', 'SMS_MODE=fixed-code', 'JWT_SECRET', 'SEED_ADMIN_PASSWORD']) expect(stderr).toContain(setting);
  });

  it('names only what is still dev-only', async () => {
    const { code, stderr } = await startWith({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-secret-that-is-long-enough',
      SEED_ADMIN_PASSWORD: 'Str0ng-and-private',
      WECHAT_MODE: 'live',
      WECHAT_APP_ID: 'wx1234567890',
      WECHAT_APP_SECRET: 'secret',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('SMS_MODE=fixed-code');
    expect(stderr).not.toContain('JWT_SECRET');
    expect(stderr).not.toContain('WECHAT_MODE');
  });

  it('refuses invalid settings with the setting named', async () => {
    const { code, stderr } = await startWith({ PORT: 'eighty', DATABASE_URL: 'not a url' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('DATABASE_URL');
  });
});
