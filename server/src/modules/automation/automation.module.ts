import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { ServiceModule } from '../service/service.module';
import { TasksModule } from '../tasks/tasks.module';
import { TestDrivesModule } from '../test-drives/test-drives.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { AutomationController } from './automation.controller';
import { AutomationJobs } from './automation.jobs';
import { DevController } from './dev.controller';
import { DispatcherService } from './dispatcher.service';
import { MessagesService } from './messages.service';
import { MyMessagesController } from './my-messages.controller';
import { OutboxService } from './outbox.service';
import { ReminderRulesService } from './reminder-rules.service';
import { RemindersService } from './reminders.service';

@Module({
  imports: [CustomersModule, LoyaltyModule, NotificationsModule, OrgModule, ServiceModule, TasksModule, TestDrivesModule, VehiclesModule],
  controllers: [AutomationController, DevController, MyMessagesController],
  providers: [AutomationJobs, DispatcherService, MessagesService, OutboxService, ReminderRulesService, RemindersService],
  exports: [OutboxService, RemindersService, DispatcherService],
})
export class AutomationModule {}
