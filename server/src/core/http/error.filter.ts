import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
      this.logger.error({ err: error, requestId: request.id }, 'Unhandled error');
    }
    void reply.status(body.statusCode).send(body);
  }
}
