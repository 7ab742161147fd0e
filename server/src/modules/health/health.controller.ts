import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../core/auth/access.decorators';
import { PrismaService } from '../../core/database/prisma.service';

const DATABASE_CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /** 200 while the database answers, 503 while it does not; the pool reconnects by itself. */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const databaseUp = await Promise.race([
      this.prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(resolve, DATABASE_CHECK_TIMEOUT_MS, false).unref()),
    ]);
    if (!databaseUp) {
      void reply.status(503);
      return { status: 'error', db: 'down' };
    }
    return { status: 'ok', db: 'ok' };
  }
}
