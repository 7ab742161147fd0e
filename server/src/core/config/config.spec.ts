import { apiDocsEnabled, parseConfig } from './config';

const REAL = {
  JWT_SECRET: 'a-real-secret-that-is-long-enough',
  SEED_ADMIN_PASSWORD: 'Str0ng-and-private',
  WECHAT_MODE: 'live',
  WECHAT_APP_ID: 'wx1234567890',
  WECHAT_APP_SECRET: 'secret',
  SMS_MODE: 'live',
  SMS_API_URL: 'https://sms.example.com/send',
  SMS_API_KEY: 'key',
};

describe('parseConfig', () => {
  it('refuses the dev-only defaults when APP_MODE is not demo, whatever NODE_ENV says', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      expect(() => parseConfig({ NODE_ENV })).toThrow(/outside APP_MODE=demo[\s\S]*WECHAT_MODE=fake[\s\S]*JWT_SECRET/);
    }
  });

  it('starts a demo with the dev-only defaults, and a live server with real values', () => {
    expect(parseConfig({ APP_MODE: 'demo' }).WECHAT_MODE).toBe('fake');
    expect(parseConfig({ ...REAL }).APP_MODE).toBe('live');
  });

  it('refuses demo mode in production even with real values', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', APP_MODE: 'demo', ...REAL })).toThrow(/production with APP_MODE=demo/);
  });

  it('serves API docs in demo, and elsewhere only when API_DOCS asks', () => {
    expect(apiDocsEnabled(parseConfig({ APP_MODE: 'demo' }))).toBe(true);
    expect(apiDocsEnabled(parseConfig({ NODE_ENV: 'production', ...REAL }))).toBe(false);
    expect(apiDocsEnabled(parseConfig({ NODE_ENV: 'production', API_DOCS: '1', ...REAL }))).toBe(true);
  });
});
