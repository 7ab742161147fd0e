import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRunner } from '../../core/jobs/job-runner';
import { CampaignsService } from './campaigns.service';

/** Launching scheduled campaigns (and resuming a launch cut off), every EVENTS_POLL_SECONDS, on one instance. */
@Injectable()
export class MarketingJobs implements OnApplicationBootstrap {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule('campaigns', this.config.EVENTS_POLL_SECONDS * 1000, () => this.campaigns.launchDue(), { exclusive: true, what: 'campaign messages queued' });
  }
}
