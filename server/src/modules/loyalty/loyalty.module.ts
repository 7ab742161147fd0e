import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { LeadsModule } from '../leads/leads.module';
import { CouponsService } from './coupons.service';
import { LoyaltyAdminService } from './loyalty-admin.service';
import { LoyaltyEventsService } from './loyalty-events.service';
import { LoyaltyController } from './loyalty.controller';
import { LoyaltyJobs } from './loyalty.jobs';
import { LoyaltyService } from './loyalty.service';
import { MyPointsController } from './my-points.controller';
import { PointsLedgerService } from './points-ledger.service';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [CustomersModule, LeadsModule],
  controllers: [LoyaltyController, MyPointsController],
  providers: [CouponsService, LoyaltyAdminService, LoyaltyEventsService, LoyaltyJobs, LoyaltyService, PointsLedgerService, ReferralsService],
  exports: [CouponsService, LoyaltyAdminService, LoyaltyService, PointsLedgerService, ReferralsService],
})
export class LoyaltyModule {}
