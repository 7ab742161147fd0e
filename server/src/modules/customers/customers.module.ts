import { Module } from '@nestjs/common';
import { CustomersService } from './customers.service';
import { MeController } from './me.controller';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

@Module({ controllers: [MeController, PrivacyController], providers: [CustomersService, PrivacyService], exports: [CustomersService] })
export class CustomersModule {}
