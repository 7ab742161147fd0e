import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Fixed-window counters shared by every API instance through Redis when REDIS_URL is set;
 * in memory otherwise (fine for a single instance, documented in the README).
 */
interface CounterStore {
  /** Adds one to the key's counter and returns the new count within the window. */
  increment(key: string, windowSeconds: number): Promise<number>;
  read(key: string): Promise<number>;
  close(): Promise<void>;
}

class RedisCounterStore implements CounterStore {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, windowSeconds, 'NX').exec()) as [[null, number]];
    return count;
  }

  async read(key: string): Promise<number> {
    return Number((await this.redis.get(key)) ?? 0);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();

  async increment(key: string, windowSeconds: number): Promise<number> {
    const now = Date.now();
    const current = this.counters.get(key);
    if (!current || current.resetAt <= now) {
      if (this.counters.size > 100_000) this.sweep(now);
      this.counters.set(key, { count: 1, resetAt: now + windowSeconds * 1000 });
      return 1;
    }
    current.count += 1;
    return current.count;
  }

  async read(key: string): Promise<number> {
    const current = this.counters.get(key);
    return current && current.resetAt > Date.now() ? current.count : 0;
  }

  async close(): Promise<void> {}

  private sweep(now: number): void {
    for (const [key, counter] of this.counters) if (counter.resetAt <= now) this.counters.delete(key);
  }
}

@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly store: CounterStore;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.store = config.REDIS_URL ? new RedisCounterStore(config.REDIS_URL) : new MemoryCounterStore();
  }

  /** Counts one event for the key; returns how many happened in the current window. */
  hit(key: string, windowSeconds: number): Promise<number> {
    return this.store.increment(`rl:${key}`, windowSeconds);
  }

  count(key: string): Promise<number> {
    return this.store.read(`rl:${key}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}
