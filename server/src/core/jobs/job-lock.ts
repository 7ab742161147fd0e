import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/**
 * Runs a scheduled job on at most one instance at a time: MySQL's GET_LOCK belongs to one connection, so
 * the lock is taken and released inside one interactive transaction that pins a pool connection while the
 * job's own queries run on others. A run that finds the lock taken is skipped, not queued.
 */
@Injectable()
export class JobLock {
  private readonly logger = new Logger(JobLock.name);

  constructor(private readonly prisma: PrismaService) {}

  async runExclusively<T>(jobName: string, work: () => Promise<T>, maxDurationMs = 10 * 60 * 1000): Promise<T | undefined> {
    // GET_LOCK names are server-wide: the database's name in it keeps two databases on one server (staging and
    // production, parallel test suites) from skipping each other's jobs. A hash keeps it within 64 characters.
    const lockName = `job:${jobName}`;
    return this.prisma.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<Array<{ acquired: number | bigint | null }>>`SELECT GET_LOCK(CONCAT(LEFT(SHA1(DATABASE()), 12), ':', ${lockName}), 0) AS acquired`;
        if (Number(row?.acquired) !== 1) {
          this.logger.debug(`${jobName}: another instance holds the lock; skipped`);
          return undefined;
        }
        try {
          return await work();
        } finally {
          await tx.$queryRaw`SELECT RELEASE_LOCK(CONCAT(LEFT(SHA1(DATABASE()), 12), ':', ${lockName}))`;
        }
      },
      { timeout: maxDurationMs, maxWait: 10_000 },
    );
  }
}
