import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { LeadsModule } from '../leads/leads.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { OrgModule } from '../org/org.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { TestDriveFleetService } from './test-drive-fleet.service';
import { TestDriveOperationsService } from './test-drive-operations.service';
import { TestDriveStaffController } from './test-drive-staff.controller';
import { TestDrivesController } from './test-drives.controller';
import { TestDrivesService } from './test-drives.service';

@Module({
  imports: [CustomersModule, LeadsModule, LoyaltyModule, OrgModule, VehiclesModule],
  controllers: [TestDrivesController, TestDriveStaffController],
  providers: [TestDriveFleetService, TestDriveOperationsService, TestDrivesService],
  exports: [TestDrivesService],
})
export class TestDrivesModule {}
