import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRunner } from '../../core/jobs/job-runner';
import { KpiFactsService } from './kpi-facts.service';

/** The dashboard's daily figures, brought up to date every ANALYTICS_REFRESH_SECONDS. */
@Injectable()
export class AnalyticsJobs implements OnApplicationBootstrap {
  constructor(
    private readonly facts: KpiFactsService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule('kpi-refresh', this.config.ANALYTICS_REFRESH_SECONDS * 1000, () => this.facts.refresh(), { exclusive: true, what: 'day ranges of KPI facts rebuilt' });
  }
}
