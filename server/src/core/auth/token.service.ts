import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { HttpError } from '../http/domain-error';

export type TokenSubject = 'staff' | 'customer';

interface TokenClaims {
  sub: string;
  typ: TokenSubject;
  use: 'access' | 'refresh';
  /** Token version: raising it on the staff or customer row revokes every token issued before. */
  ver: number;
  /** Refresh tokens only: the id of its row in refresh_tokens (single use, one family per sign-in). */
  jti?: string;
}

export interface VerifiedToken {
  subject: TokenSubject;
  id: number;
  version: number;
}

export interface VerifiedRefreshToken extends VerifiedToken {
  jti: string;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issueAccessToken(subject: TokenSubject, id: number, version = 0): Promise<string> {
    return this.sign({ sub: String(id), typ: subject, use: 'access', ver: version }, this.config.ACCESS_TOKEN_TTL_SECONDS);
  }

  issueRefreshToken(subject: TokenSubject, id: number, version: number, jti: string): Promise<string> {
    return this.sign({ sub: String(id), typ: subject, use: 'refresh', ver: version, jti }, this.config.REFRESH_TOKEN_TTL_SECONDS);
  }

  async verifyAccessToken(token: string): Promise<VerifiedToken> {
    return (await this.verify(token, 'access', false)).verified;
  }

  /** `ignoreExpiration` for logout: an expired refresh token still names the family to revoke. */
  async verifyRefreshToken(token: string, options: { ignoreExpiration?: boolean } = {}): Promise<VerifiedRefreshToken> {
    const { claims, verified } = await this.verify(token, 'refresh', options.ignoreExpiration ?? false);
    if (typeof claims.jti !== 'string' || claims.jti.length === 0) throw new HttpError('UNAUTHORIZED', '登录凭证无效，请重新登录');
    return { ...verified, jti: claims.jti };
  }

  private sign(claims: TokenClaims, ttlSeconds: number): Promise<string> {
    return this.jwt.signAsync(claims, { secret: this.config.JWT_SECRET, expiresIn: ttlSeconds, algorithm: 'HS256' });
  }

  private async verify(token: string, use: TokenClaims['use'], ignoreExpiration: boolean): Promise<{ claims: TokenClaims; verified: VerifiedToken }> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.config.JWT_SECRET, algorithms: ['HS256'], ignoreExpiration });
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw new HttpError('TOKEN_EXPIRED', '登录已过期，请重新登录');
      throw new HttpError('UNAUTHORIZED', '登录凭证无效，请重新登录');
    }
    const id = Number(claims.sub);
    if (claims.use !== use || (claims.typ !== 'staff' && claims.typ !== 'customer') || !Number.isInteger(id)) {
      throw new HttpError('UNAUTHORIZED', '登录凭证无效，请重新登录');
    }
    return { claims, verified: { subject: claims.typ, id, version: claims.ver ?? 0 } };
  }
}
