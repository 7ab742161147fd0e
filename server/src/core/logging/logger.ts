import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { maskMobiles } from './mask';

export function createRootLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken', '*.accessToken'], censor: '[redacted]' },
    serializers: {
      req: (request: { id: string; method: string; url: string; ip?: string }) => ({
        id: request.id,
        method: request.method,
        url: maskMobiles(request.url),
        ip: request.ip,
      }),
    },
    hooks: {
      // Mobile numbers never reach the log, whoever writes the message.
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskMobiles(arg) : arg)) as Parameters<typeof method>);
      },
    },
  });
}

/** Lets Nest's Logger write through the same pino instance as Fastify's request logs. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: string, trace?: string): void {
    if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as object), ...(trace ? { trace } : {}) });
    } else {
      this.logger[level]({ context, ...(trace ? { trace } : {}) }, String(message));
    }
  }
}
