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
  /** Staff token version: raising it on the staff row revokes every token issued before. */
  ver: number;
}

export interface VerifiedToken {
  subject: TokenSubject;
  id: number;
  version: number;
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

  issueRefreshToken(subject: TokenSubject, id: number, version = 0): Promise<string> {
    return this.sign({ sub: String(id), typ: subject, use: 'refresh', ver: version }, this.config.REFRESH_TOKEN_TTL_SECONDS);
  }

  verifyAccessToken(token: string): Promise<VerifiedToken> {
    return this.verify(token, 'access');
  }

  verifyRefreshToken(token: string): Promise<VerifiedToken> {
    return this.verify(token, 'refresh');
  }

  private sign(claims: TokenClaims, ttlSeconds: number): Promise<string> {
    return this.jwt.signAsync(claims, { secret: this.config.JWT_SECRET, expiresIn: ttlSeconds, algorithm: 'HS256' });
  }

  private async verify(token: string, use: TokenClaims['use']): Promise<VerifiedToken> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.config.JWT_SECRET, algorithms: ['HS256'] });
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw new HttpError('TOKEN_EXPIRED', '登录已过期，请重新登录');
      throw new HttpError('UNAUTHORIZED', '登录凭证无效，请重新登录');
    }
    const id = Number(claims.sub);
    if (claims.use !== use || (claims.typ !== 'staff' && claims.typ !== 'customer') || !Number.isInteger(id)) {
      throw new HttpError('UNAUTHORIZED', '登录凭证无效，请重新登录');
    }
    return { subject: claims.typ, id, version: claims.ver ?? 0 };
  }
}
