import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PrismaService } from '../database/prisma.service';
import { retryOnConflict } from '../database/prisma-errors';

/** A fixed-window limit: at most `limit` tries per `windowSeconds` for one key. */
export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Tries counted in the current window, this one included. */
  count: number;
  /** Seconds until the window ends and the count starts again. */
  retryAfterSeconds: number;
}

interface CounterStore {
  /** Adds one to the key's counter atomically and returns the new count with the seconds its window has left. */
  increment(key: string, windowSeconds: number): Promise<{ count: number; secondsLeft: number }>;
  /** Takes one back (a try that turned out not to count), never below zero. */
  decrement(key: string): Promise<void>;
  remove(key: string): Promise<void>;
  close(): Promise<void>;
}

class RedisCounterStore implements CounterStore {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  }

  async increment(key: string, windowSeconds: number) {
    const results = (await this.redis.multi().incr(key).expire(key, windowSeconds, 'NX').ttl(key).exec()) as Array<[Error | null, number]>;
    return { count: results[0][1], secondsLeft: Math.max(1, results[2][1]) };
  }

  async decrement(key: string): Promise<void> {
    await this.redis.eval("if (tonumber(redis.call('get', KEYS[1]) or '0') > 0) then return redis.call('decr', KEYS[1]) end return 0", 1, key);
  }

  async remove(key: string): Promise<void> {
    await this.redis.del(key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Counters in the `rate_limit_counters` table, shared by every instance on the database. A key's row is created
 * on its own first (INSERT IGNORE, autocommitted: simultaneous first tries of one key then wait for each other
 * instead of deadlocking on the gap, as an upsert inside a transaction does), then counted by an UPDATE that
 * takes the row's lock and read back in the same transaction, so 50 simultaneous tries get 50 different counts.
 */
class DatabaseCounterStore implements CounterStore {
  private readonly logger = new Logger('RateLimiter');
  private lastSweepAt = Date.now();

  constructor(private readonly prisma: PrismaService) {}

  async increment(key: string, windowSeconds: number): Promise<{ count: number; secondsLeft: number }> {
    this.sweepNowAndThen();
    await this.prisma.$executeRaw`INSERT IGNORE INTO rate_limit_counters (\`key\`, count, expires_at) VALUES (${key}, 0, NOW(3) + INTERVAL ${windowSeconds} SECOND)`;
    const [row] = await retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        // `count` is assigned before `expires_at`, so both IFs see the old window.
        await tx.$executeRaw`
          UPDATE rate_limit_counters SET
            count = IF(expires_at <= NOW(3), 1, count + 1),
            expires_at = IF(expires_at <= NOW(3), NOW(3) + INTERVAL ${windowSeconds} SECOND, expires_at)
          WHERE \`key\` = ${key}`;
        return tx.$queryRaw<Array<{ count: number | bigint; msLeft: number | bigint }>>`
          SELECT count, TIMESTAMPDIFF(MICROSECOND, NOW(3), expires_at) DIV 1000 AS msLeft FROM rate_limit_counters WHERE \`key\` = ${key}`;
      }),
    );
    // Swept in between (its window had ended): count again from a new row.
    if (!row) return this.increment(key, windowSeconds);
    return { count: Number(row.count), secondsLeft: Math.max(1, Math.ceil(Number(row.msLeft) / 1000)) };
  }

  async decrement(key: string): Promise<void> {
    await this.prisma.$executeRaw`UPDATE rate_limit_counters SET count = count - 1 WHERE \`key\` = ${key} AND count > 0 AND expires_at > NOW(3)`;
  }

  async remove(key: string): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM rate_limit_counters WHERE \`key\` = ${key}`;
  }

  async close(): Promise<void> {}

  /** Keys of finished windows are dead weight (one per address that ever tried); any instance clears them now and then. */
  private sweepNowAndThen(): void {
    if (Date.now() - this.lastSweepAt < SWEEP_EVERY_MS) return;
    this.lastSweepAt = Date.now();
    this.prisma.$executeRaw`DELETE FROM rate_limit_counters WHERE expires_at < NOW(3) LIMIT 5000`.catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Sweeping expired rate-limit counters failed'),
    );
  }
}

/**
 * Fixed-window limits shared by every API instance: in Redis when REDIS_URL is set, else in the database.
 * A try is counted before the work it guards (reserve, then act), so a burst cannot slip past the limit.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly store: CounterStore;
  private readonly keySecret: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig, prisma: PrismaService) {
    this.store = config.REDIS_URL ? new RedisCounterStore(config.REDIS_URL) : new DatabaseCounterStore(prisma);
    this.keySecret = config.JWT_SECRET;
  }

  /** Counts one try against the limit; `allowed` is false once the window holds more than `limit` tries. */
  async take(limit: RateLimit): Promise<RateLimitDecision> {
    const { count, secondsLeft } = await this.store.increment(this.storeKey(limit.key), limit.windowSeconds);
    return { allowed: count <= limit.limit, count, retryAfterSeconds: secondsLeft };
  }

  /** Gives back a try taken with `take` that should not count (a login that succeeded). */
  release(key: string): Promise<void> {
    return this.store.decrement(this.storeKey(key));
  }

  /** Starts the key's count again from zero. */
  reset(key: string): Promise<void> {
    return this.store.remove(this.storeKey(key));
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }

  /**
   * The stored key names the limit (`sms:hour`, `login:pair`) but no person: its subject — a mobile, a username,
   * an address — is kept only as a keyed hash (PIPL: a counter lives up to a day, and a deleted account's mobile
   * must not be found in it meanwhile); the hash also keeps every key within the column.
   */
  private storeKey(key: string): string {
    const [kind, scope = '', ...subject] = key.split(':');
    return `rl:${kind}:${scope}:${createHmac('sha256', this.keySecret).update(subject.join(':')).digest('hex').slice(0, 40)}`;
  }
}
