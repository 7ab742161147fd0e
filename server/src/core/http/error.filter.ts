import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodSerializationException } from 'nestjs-zod';
import { toErrorBody } from './error-response';

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
    void reply.status(body.statusCode).send(body);
  }
}
