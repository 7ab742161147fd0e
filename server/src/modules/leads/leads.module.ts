import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { TasksModule } from '../tasks/tasks.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { ApprovalsController } from './approvals.controller';
import { AssignmentController } from './assignment.controller';
import { LeadAssignmentService } from './lead-assignment.service';
import { LeadCaptureService } from './lead-capture.service';
import { LeadHandoverService } from './lead-handover.service';
import { LeadPipelineService } from './lead-pipeline.service';
import { LeadQueriesService } from './lead-queries.service';
import { LeadWebhookController } from './lead-webhook.controller';
import { LeadWebhookService } from './lead-webhook.service';
import { LeadsController } from './leads.controller';
import { QuotesService } from './quotes.service';

@Module({
  imports: [CustomersModule, NotificationsModule, OrgModule, TasksModule, VehiclesModule],
  controllers: [ApprovalsController, AssignmentController, LeadsController, LeadWebhookController],
  providers: [LeadAssignmentService, LeadCaptureService, LeadHandoverService, LeadPipelineService, LeadQueriesService, LeadWebhookService, QuotesService],
  exports: [LeadCaptureService, LeadPipelineService, LeadQueriesService],
})
export class LeadsModule {}
