import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { TasksModule } from '../tasks/tasks.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { ApprovalsController } from './approvals.controller';
import { AssignmentController } from './assignment.controller';
import { LeadAssignmentService } from './lead-assignment.service';
import { LeadWebhookController } from './lead-webhook.controller';
import { LeadWebhookService } from './lead-webhook.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';
import { QuotesService } from './quotes.service';

@Module({
  imports: [CustomersModule, NotificationsModule, OrgModule, TasksModule, VehiclesModule],
  controllers: [ApprovalsController, AssignmentController, LeadsController, LeadWebhookController],
  providers: [LeadAssignmentService, LeadsService, LeadWebhookService, QuotesService],
  exports: [LeadsService],
})
export class LeadsModule {}
