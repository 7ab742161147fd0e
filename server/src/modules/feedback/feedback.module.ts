import { Module } from '@nestjs/common';
import { AutomationModule } from '../automation/automation.module';
import { CustomersModule } from '../customers/customers.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { ComplaintsService } from './complaints.service';
import { FeedbackController } from './feedback.controller';
import { FeedbackJobs } from './feedback.jobs';
import { MyFeedbackController } from './my-feedback.controller';
import { SurveysService } from './surveys.service';

@Module({
  imports: [AutomationModule, CustomersModule, LoyaltyModule, NotificationsModule, OrgModule, VehiclesModule],
  controllers: [FeedbackController, MyFeedbackController],
  providers: [ComplaintsService, FeedbackJobs, SurveysService],
})
export class FeedbackModule {}
