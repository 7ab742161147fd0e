import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';

const COOKIE_NAME = 'dealer_refresh';
/** Only the auth routes (refresh, logout) ever receive it. */
const COOKIE_PATH = '/api/auth';

/**
 * The admin's refresh token as an httpOnly cookie: a script (an XSS) cannot read it, SameSite=Strict keeps other
 * sites from sending it, and it is Secure whenever the request came over HTTPS (behind TRUST_PROXY too) or in production.
 */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  read(request: FastifyRequest): string | undefined {
    for (const part of (request.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === COOKIE_NAME && value.length > 0) return decodeURIComponent(value.join('='));
    }
    return undefined;
  }

  set(request: FastifyRequest, reply: FastifyReply, refreshToken: string): void {
    void reply.header('set-cookie', this.cookie(request, encodeURIComponent(refreshToken), this.config.REFRESH_TOKEN_TTL_SECONDS));
  }

  clear(request: FastifyRequest, reply: FastifyReply): void {
    void reply.header('set-cookie', this.cookie(request, '', 0));
  }

  private cookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
    const secure = request.protocol === 'https' || this.config.NODE_ENV === 'production';
    return `${COOKIE_NAME}=${value}; Max-Age=${maxAgeSeconds}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }
}
