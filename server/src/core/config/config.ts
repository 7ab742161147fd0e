import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';
export const DEV_ADMIN_PASSWORD = 'Admin@12345';
export const DEV_SMS_CODE = '123456';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /**
   * `demo` (set by `pnpm start` and the test server) is the only way to run with dev-only settings; without it a
   * server that still has any refuses to start, so an unset NODE_ENV on a real server never means fake WeChat.
   */
  APP_MODE: z.enum(['demo', 'live']).default('live'),
  /** Swagger UI at /api/docs and the document at /api/docs-json: on in demo, off otherwise unless API_DOCS=1. */
  API_DOCS: booleanFlag.optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().default('mysql://root@127.0.0.1:3306/dealer'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.string().url().optional(),
  JWT_SECRET: z.string().min(16).default(DEV_JWT_SECRET),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(2 * 60 * 60),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(14 * 24 * 60 * 60),
  SEED_ADMIN_PASSWORD: z.string().min(8).default(DEV_ADMIN_PASSWORD),
  WECHAT_MODE: z.enum(['fake', 'live']).default('fake'),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  SMS_MODE: z.enum(['fixed-code', 'live']).default('fixed-code'),
  SMS_API_URL: z.string().url().optional(),
  SMS_API_KEY: z.string().optional(),
  SMS_SIGN_NAME: z.string().default('4S店客户服务'),
  /** Per client address: SMS codes sent an hour, and SMS sign-in tries per 10 minutes (the test server raises both: every suite speaks from 127.0.0.1). */
  SMS_SENDS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  SMS_LOGINS_PER_IP_PER_10_MINUTES: z.coerce.number().int().min(1).default(30),
  ENABLE_JOBS: booleanFlag.default(true),
  /** A job run longer than this is logged as an error (again each time this passes); it keeps its lock until it ends. */
  JOB_MAX_RUN_SECONDS: z.coerce.number().int().min(1).default(10 * 60),
  OVERDUE_SCAN_SECONDS: z.coerce.number().int().min(1).default(300),
  /** How often consumers (loyalty) read new domain events, and how often expired points lots are swept. */
  EVENTS_POLL_SECONDS: z.coerce.number().int().min(1).default(10),
  POINTS_EXPIRY_SCAN_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** How often the dashboard's daily figures are brought up to date with what changed since the last run. */
  ANALYTICS_REFRESH_SECONDS: z.coerce.number().int().min(1).default(300),
  /** What one loyalty point is worth in fen, for the outstanding points liability. */
  POINT_VALUE_FEN: z.coerce.number().min(0).default(1),
  /** `controlled`: a dev/test clock set through PUT /api/dev/clock (or CLOCK_START/CLOCK_SPEED); production refuses it. */
  CLOCK_MODE: z.enum(['system', 'controlled']).default('system'),
  CLOCK_START: z.iso.datetime().optional(),
  CLOCK_SPEED: z.coerce.number().min(0).default(1),
  /** How often due reminders are looked for, and how often each instance sends what is due from the outbox. */
  REMINDER_SCAN_MS: z.coerce.number().int().min(50).default(10 * 60 * 1000),
  DISPATCH_MS: z.coerce.number().int().min(50).default(5000),
  DISPATCH_BATCH: z.coerce.number().int().min(1).max(500).default(50),
  DISPATCH_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(8),
  /** A claimed message not finished within this (real) time is reconciled by another dispatcher. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).default(120),
  /** Dev/test channels append every send to this file (one JSON line each), shared by instances. */
  DEV_CHANNEL_LOG: z.string().optional(),
  DEV_CHANNEL_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  /** Dev/test channels fail every send to these recipients (comma-separated mobiles or openids), to exercise retries. */
  DEV_CHANNEL_FAILING_RECIPIENTS: z.string().default(''),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: booleanFlag.default(false),
  /** Uploaded Excel imports wait here between the dry run and the commit (removed once committed or failed). */
  IMPORT_DIR: z.string().default(join(tmpdir(), 'dealer-crm-imports')),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(30 * 1024 * 1024),
  /** What an upload may inflate to (all zip entries together), read from its zip directory before parsing. */
  IMPORT_MAX_UNCOMPRESSED_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
  /** Data rows per import file; a larger file is refused (split it). */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(200_000),
  MIGRATIONS_DIR: z.string().optional(),
  ADMIN_DIST_DIR: z.string().optional(),
  H5_DIST_DIR: z.string().optional(),
});

export type AppConfig = z.infer<typeof configSchema>;

/** Whether /api/docs is served: asked for with API_DOCS, else only in demo. */
export function apiDocsEnabled(config: AppConfig): boolean {
  return config.API_DOCS ?? config.APP_MODE === 'demo';
}

export class ConfigError extends Error {}

/** The dev-only settings still in force; only APP_MODE=demo outside production may start with any of them. */
export function devOnlySettings(config: AppConfig): string[] {
  const found: string[] = [];
  if (config.WECHAT_MODE === 'fake') found.push('WECHAT_MODE=fake (fake code→openid)');
  if (config.SMS_MODE === 'fixed-code') found.push(`SMS_MODE=fixed-code (every SMS code is ${DEV_SMS_CODE})`);
  if (config.JWT_SECRET === DEV_JWT_SECRET) found.push('JWT_SECRET is the default dev secret');
  if (config.SEED_ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) found.push('SEED_ADMIN_PASSWORD is the default admin password');
  if (config.CLOCK_MODE === 'controlled') found.push('CLOCK_MODE=controlled (a settable clock)');
  return found;
}

export function parseConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = parsed.data;
  const devSettings = devOnlySettings(config);
  if (config.NODE_ENV === 'production') {
    if (devSettings.length > 0) {
      throw new ConfigError(`Refusing to start in production with dev-only settings:\n  ${devSettings.join('\n  ')}`);
    }
    if (config.APP_MODE === 'demo') throw new ConfigError('Refusing to start in production with APP_MODE=demo');
  } else if (config.APP_MODE !== 'demo' && devSettings.length > 0) {
    throw new ConfigError(
      `Refusing to start with dev-only settings outside APP_MODE=demo (set APP_MODE=demo for a demo, or give each a real value):\n  ${devSettings.join('\n  ')}`,
    );
  }
  if (config.WECHAT_MODE === 'live' && (!config.WECHAT_APP_ID || !config.WECHAT_APP_SECRET)) {
    throw new ConfigError('WECHAT_MODE=live needs WECHAT_APP_ID and WECHAT_APP_SECRET');
  }
  if (config.SMS_MODE === 'live' && (!config.SMS_API_URL || !config.SMS_API_KEY)) {
    throw new ConfigError('SMS_MODE=live needs SMS_API_URL and SMS_API_KEY');
  }
  return config;
}

let loaded: AppConfig | undefined;

/** The process's configuration, parsed once from the environment. */
export function loadConfig(): AppConfig {
  loaded ??= parseConfig(process.env);
  return loaded;
}
