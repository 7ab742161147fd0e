import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRunner } from '../../core/jobs/job-runner';
import { LoyaltyEventsService } from './loyalty-events.service';
import { PointsLedgerService } from './points-ledger.service';

/** Earning from business events (every EVENTS_POLL_SECONDS), expiring lots and the yearly tier review (every POINTS_EXPIRY_SCAN_SECONDS). */
@Injectable()
export class LoyaltyJobs implements OnApplicationBootstrap {
  constructor(
    private readonly events: LoyaltyEventsService,
    private readonly ledger: PointsLedgerService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule('loyalty-earn-from-events', this.config.EVENTS_POLL_SECONDS * 1000, () => this.events.consume(), { exclusive: true, what: 'points earned' });
    this.jobs.schedule('loyalty-expire-points', this.config.POINTS_EXPIRY_SCAN_SECONDS * 1000, () => this.ledger.expireDue(), { exclusive: true, what: 'lots expired' });
    this.jobs.schedule('loyalty-review-tiers', this.config.POINTS_EXPIRY_SCAN_SECONDS * 1000, () => this.ledger.reviewTiers(), { exclusive: true, what: 'tiers reviewed' });
  }
}
