import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRunner } from '../../core/jobs/job-runner';
import { ComplaintsService } from './complaints.service';
import { SurveysService } from './surveys.service';

/** Surveys after settlements and test drives (every EVENTS_POLL_SECONDS); late complaints escalated (every OVERDUE_SCAN_SECONDS). */
@Injectable()
export class FeedbackJobs implements OnApplicationBootstrap {
  constructor(
    private readonly surveys: SurveysService,
    private readonly complaints: ComplaintsService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule('surveys', this.config.EVENTS_POLL_SECONDS * 1000, () => this.surveys.sendFromEvents(), { exclusive: true, what: 'surveys queued' });
    this.jobs.schedule('escalate-late-complaints', this.config.OVERDUE_SCAN_SECONDS * 1000, () => this.complaints.escalateLate(), { exclusive: true, what: 'complaints escalated' });
  }
}
