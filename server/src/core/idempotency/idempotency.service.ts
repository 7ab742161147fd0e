import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { isUniqueViolation } from '../database/prisma-errors';
import { HttpError } from '../http/domain-error';

const WAIT_FOR_TWIN_MS = 20_000;
/** A lock older than this belongs to a request whose process died; it no longer blocks the key. */
const STALE_LOCK_MS = 60_000;

/**
 * "Do it once per key": the first request with a key takes a lock row (primary key) and does the work; a
 * copy arriving meanwhile waits for the first one's result and returns it. If the first one fails, its
 * lock is released and the copy does the work itself. The result must be findable by the key afterwards
 * (a unique idempotency column on the record it creates).
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly prisma: PrismaService) {}

  async once<T>(key: string, findResult: () => Promise<T | null>, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + WAIT_FOR_TWIN_MS;
    for (;;) {
      const earlier = await findResult();
      if (earlier) return earlier;
      if (await this.tryLock(key)) {
        try {
          return await work();
        } finally {
          await this.prisma.idempotencyLock.deleteMany({ where: { key } });
        }
      }
      if (Date.now() > deadline) throw new HttpError('CONFLICT', '相同的请求仍在处理中，请稍后查看结果');
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 50));
    }
  }

  private async tryLock(key: string): Promise<boolean> {
    await this.prisma.idempotencyLock.deleteMany({ where: { key, createdAt: { lt: new Date(Date.now() - STALE_LOCK_MS) } } });
    try {
      await this.prisma.idempotencyLock.create({ data: { key }, select: { key: true } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
