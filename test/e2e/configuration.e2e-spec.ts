import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { preparedDatabase, repoRoot, startTestServer, TestDatabase } from '../support/test-server';

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

/** Real values for every dev-only setting (nothing is called at start-up, so the endpoints need not exist). */
const REAL_SETTINGS = {
  JWT_SECRET: 'a-real-secret-that-is-long-enough',
  SEED_ADMIN_PASSWORD: 'Str0ng-and-private',
  WECHAT_MODE: 'live',
  WECHAT_APP_ID: 'wx1234567890',
  WECHAT_APP_SECRET: 'secret',
  SMS_MODE: 'live',
  SMS_API_URL: 'https://sms.example.com/send',
  SMS_API_KEY: 'key',
};

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

describe('dev-only settings need APP_MODE=demo', () => {
  it('refuses to start with NODE_ENV unset and no APP_MODE while dev-only settings are in force, naming each', async () => {
    const { code, stderr } = await startWith({});
    expect(code).toBe(1);
    expect(stderr).toContain('Refusing to start with dev-only settings outside APP_MODE=demo');
    for (const setting of ['WECHAT_MODE=fake', 'SMS_MODE=fixed-code', 'JWT_SECRET', 'SEED_ADMIN_PASSWORD']) expect(stderr).toContain(setting);
  });

  it('refuses a controlled clock outside demo mode', async () => {
    const { code, stderr } = await startWith({ NODE_ENV: 'development', ...REAL_SETTINGS, CLOCK_MODE: 'controlled' });
    expect(code).toBe(1);
    expect(stderr).toContain('CLOCK_MODE=controlled');
    expect(stderr).not.toContain('JWT_SECRET');
  });

  it('refuses APP_MODE=demo in production', async () => {
    const { code, stderr } = await startWith({ NODE_ENV: 'production', APP_MODE: 'demo', ...REAL_SETTINGS });
    expect(code).toBe(1);
    expect(stderr).toContain('Refusing to start in production with APP_MODE=demo');
  });
});

describe('API docs in production', () => {
  let database: TestDatabase;
  const production = () => ({ NODE_ENV: 'production', APP_MODE: 'live', ...REAL_SETTINGS });

  beforeAll(async () => {
    database = await preparedDatabase(production());
  });
  afterAll(() => database.drop());

  it('serves no Swagger UI nor OpenAPI document in production unless API_DOCS=1', async () => {
    const closed = await startTestServer({ database, env: production() });
    try {
      expect((await request(closed.baseUrl).get('/api/docs')).status).toBe(404);
      expect((await request(closed.baseUrl).get('/api/docs-json')).status).toBe(404);
    } finally {
      await closed.stop();
    }
    const opened = await startTestServer({ database, env: { ...production(), API_DOCS: '1' } });
    try {
      expect((await request(opened.baseUrl).get('/api/docs-json')).status).toBe(200);
    } finally {
      await opened.stop();
    }
  });
});
