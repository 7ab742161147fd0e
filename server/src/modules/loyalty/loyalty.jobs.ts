import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobLock } from '../../core/jobs/job-lock';
import { LoyaltyEventsService } from './loyalty-events.service';
import { PointsLedgerService } from './points-ledger.service';

const EARN_FROM_EVENTS = 'loyalty-earn-from-events';
const EXPIRE_POINTS = 'loyalty-expire-points';
const REVIEW_TIERS = 'loyalty-review-tiers';

/**
 * Earning from business events (every EVENTS_POLL_SECONDS), expiring lots and the yearly tier review (every
 * POINTS_EXPIRY_SCAN_SECONDS), each on one instance at a time.
 */
@Injectable()
export class LoyaltyJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(LoyaltyJobs.name);

  constructor(
    private readonly events: LoyaltyEventsService,
    private readonly ledger: PointsLedgerService,
    private readonly jobLock: JobLock,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.ENABLE_JOBS) return;
    this.scheduler.addInterval(EARN_FROM_EVENTS, setInterval(() => void this.run(EARN_FROM_EVENTS, () => this.events.consume(), 'points earned'), this.config.EVENTS_POLL_SECONDS * 1000));
    this.scheduler.addInterval(EXPIRE_POINTS, setInterval(() => void this.run(EXPIRE_POINTS, () => this.ledger.expireDue(), 'lots expired'), this.config.POINTS_EXPIRY_SCAN_SECONDS * 1000));
    this.scheduler.addInterval(REVIEW_TIERS, setInterval(() => void this.run(REVIEW_TIERS, () => this.ledger.reviewTiers(), 'tiers reviewed'), this.config.POINTS_EXPIRY_SCAN_SECONDS * 1000));
  }

  private async run(job: string, work: () => Promise<number>, what: string): Promise<void> {
    try {
      const count = await this.jobLock.runExclusively(job, work);
      if (count) this.logger.log(`${job}: ${count} ${what}`);
    } catch (error) {
      this.logger.error({ err: error }, `${job} failed`);
    }
  }
}
