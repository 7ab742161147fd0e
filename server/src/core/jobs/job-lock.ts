import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import mysql from 'mysql2/promise';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { parseDatabaseUrl } from '../database/database-url';

/**
 * Runs a scheduled job on at most one instance at a time with MySQL's GET_LOCK, which belongs to the connection
 * that took it. That connection is a dedicated one (its own small pool, outside Prisma's), held for exactly the
 * job's run and carrying nothing but the lock: no transaction around it, so no timeout can end it half-way.
 * (It used to be an interactive transaction with a 10-minute timeout: a longer run lost its transaction, the
 * RELEASE_LOCK failed, and the lock stayed on a pooled connection, so later runs were skipped.) A connection
 * that breaks is destroyed, and the server frees its locks with it. A run that finds the lock taken is skipped,
 * not queued; a run past JOB_MAX_RUN_SECONDS is logged as an error, and keeps the lock until it ends, since
 * a second copy running beside it is what the lock is for.
 */
@Injectable()
export class JobLock implements OnModuleDestroy {
  private readonly logger = new Logger(JobLock.name);
  private readonly pool: mysql.Pool;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.pool = mysql.createPool({
      ...parseDatabaseUrl(config.DATABASE_URL),
      // One per job that can run at once here; a job waiting for one is better than one more server connection each.
      connectionLimit: 4,
      maxIdle: 1,
      idleTimeout: 60_000,
      enableKeepAlive: true,
      connectTimeout: 3000,
    });
  }

  async runExclusively<T>(jobName: string, work: () => Promise<T>): Promise<T | undefined> {
    // GET_LOCK names are server-wide: the database's name in it keeps two databases on one server (staging and
    // production, parallel test suites) from skipping each other's jobs. A hash keeps it within 64 characters.
    const lockName = `job:${jobName}`;
    const connection = await this.pool.getConnection();
    let healthy = true;
    connection.on('error', () => (healthy = false));
    let acquired: boolean;
    try {
      const [rows] = await connection.query<mysql.RowDataPacket[]>("SELECT GET_LOCK(CONCAT(LEFT(SHA1(DATABASE()), 12), ':', ?), 0) AS acquired", [lockName]);
      acquired = Number(rows[0]?.acquired) === 1;
    } catch (error) {
      connection.destroy();
      throw error;
    }
    if (!acquired) {
      connection.release();
      this.logger.debug(`${jobName}: another instance holds the lock; skipped`);
      return undefined;
    }
    const overrun = setInterval(
      () => this.logger.error(`${jobName}: still running after more than ${this.config.JOB_MAX_RUN_SECONDS} s; other instances skip it until it ends`),
      this.config.JOB_MAX_RUN_SECONDS * 1000,
    );
    try {
      return await work();
    } finally {
      clearInterval(overrun);
      await connection.query("SELECT RELEASE_LOCK(CONCAT(LEFT(SHA1(DATABASE()), 12), ':', ?))", [lockName]).catch((error: unknown) => {
        healthy = false;
        this.logger.warn({ err: error }, `${jobName}: lock not released; its connection is closed instead`);
      });
      // Closing the connection is what frees a lock that could not be released; a healthy one goes back.
      if (healthy) connection.release();
      else connection.destroy();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
