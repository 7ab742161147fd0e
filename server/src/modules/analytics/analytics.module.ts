import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsJobs } from './analytics.jobs';
import { AnalyticsService } from './analytics.service';
import { KpiFactsService } from './kpi-facts.service';

@Module({
  controllers: [AnalyticsController],
  providers: [AnalyticsJobs, AnalyticsService, KpiFactsService],
})
export class AnalyticsModule {}
