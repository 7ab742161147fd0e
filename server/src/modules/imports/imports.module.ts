import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { OrgModule } from '../org/org.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [LeadsModule, OrgModule, VehiclesModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
