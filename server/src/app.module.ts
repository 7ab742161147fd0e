import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { AuditModule } from './core/audit/audit.module';
import { AuthCoreModule } from './core/auth/auth-core.module';
import { CapacityModule } from './core/capacity/capacity.module';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { ErrorFilter } from './core/http/error.filter';
import { IdempotencyModule } from './core/idempotency/idempotency.module';
import { JobsModule } from './core/jobs/jobs.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { TimeModule } from './core/time/time.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { AuthModule } from './modules/auth/auth.module';
import { AutomationModule } from './modules/automation/automation.module';
import { FeedbackModule } from './modules/feedback/feedback.module';
import { CustomersModule } from './modules/customers/customers.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { LeadsModule } from './modules/leads/leads.module';
import { LoyaltyModule } from './modules/loyalty/loyalty.module';
import { MarketingModule } from './modules/marketing/marketing.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrgModule } from './modules/org/org.module';
import { ServiceModule } from './modules/service/service.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { TestDrivesModule } from './modules/test-drives/test-drives.module';
import { VehiclesModule } from './modules/vehicles/vehicles.module';

@Module({
  imports: [
    AnalyticsModule,
    AuditModule,
    AuthCoreModule,
    AuthModule,
    AutomationModule,
    CapacityModule,
    ConfigModule,
    CustomersModule,
    DatabaseModule,
    FeedbackModule,
    HealthModule,
    IdempotencyModule,
    ImportsModule,
    IntegrationsModule,
    JobsModule,
    LeadsModule,
    LoyaltyModule,
    MarketingModule,
    NotificationsModule,
    OrgModule,
    ScheduleModule.forRoot(),
    ServiceModule,
    TasksModule,
    TestDrivesModule,
    TimeModule,
    VehiclesModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_PIPE, useClass: ZodValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
  ],
})
export class AppModule {}
