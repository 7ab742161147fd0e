import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { LeadsModule } from '../leads/leads.module';
import { TestDrivesController } from './test-drives.controller';
import { TestDrivesService } from './test-drives.service';

@Module({ imports: [CustomersModule, LeadsModule], controllers: [TestDrivesController], providers: [TestDrivesService] })
export class TestDrivesModule {}
