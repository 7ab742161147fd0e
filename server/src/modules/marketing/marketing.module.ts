import { Module } from '@nestjs/common';
import { AutomationModule } from '../automation/automation.module';
import { CustomersModule } from '../customers/customers.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { ServiceModule } from '../service/service.module';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { MarketingJobs } from './marketing.jobs';
import { SegmentsController } from './segments.controller';
import { SegmentsService } from './segments.service';

@Module({
  imports: [AutomationModule, CustomersModule, LoyaltyModule, ServiceModule],
  controllers: [CampaignsController, SegmentsController],
  providers: [CampaignsService, MarketingJobs, SegmentsService],
})
export class MarketingModule {}
