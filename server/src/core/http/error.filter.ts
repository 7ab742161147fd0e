import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodSerializationException } from 'nestjs-zod';
import { toErrorBody } from './error-response';

const DEFAULT_RETRY_AFTER_SECONDS = 60;

function retryAfterSeconds(details: unknown): number {
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS;
}

/** The one place an error becomes an HTTP answer. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toErrorBody(error, String(request.id));
    if (body.statusCode >= 500) {
      // A response that does not match its contract names the fields, so the log says what to fix.
      const contractIssues = error instanceof ZodSerializationException ? (error.getZodError() as { issues?: unknown })?.issues : undefined;
      this.logger.error({ err: error, requestId: request.id, ...(contractIssues ? { contractIssues } : {}) }, 'Unhandled error');
    }
    // Every 429 says when to come back: the limit that refused puts its window's rest in details.retryAfterSeconds.
    if (body.statusCode === 429) void reply.header('retry-after', String(retryAfterSeconds(body.details)));
    void reply.status(body.statusCode).send(body);
  }
}
