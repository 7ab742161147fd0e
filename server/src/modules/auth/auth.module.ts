import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { OrgModule } from '../org/org.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionCookie } from './session-cookie';

@Module({ imports: [CustomersModule, OrgModule], controllers: [AuthController], providers: [AuthService, SessionCookie] })
export class AuthModule {}
