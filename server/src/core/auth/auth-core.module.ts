import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessGuard } from './access.guard';
import { RateLimiter } from './rate-limiter';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [TokenService, RateLimiter, SessionService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenService, RateLimiter, SessionService],
})
export class AuthCoreModule {}
