import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ReminderKind } from '../../generated/prisma/enums';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRunner } from '../../core/jobs/job-runner';
import { TasksService } from '../tasks/tasks.service';
import { DispatcherService } from './dispatcher.service';
import { ReminderRulesService } from './reminder-rules.service';
import { RemindersService } from './reminders.service';

/**
 * Finding due reminders (one instance at a time, every REMINDER_SCAN_MS), sending from the outbox (every
 * instance, every DISPATCH_MS) and escalating overdue follow-up tasks (when that rule is on).
 */
@Injectable()
export class AutomationJobs implements OnApplicationBootstrap {
  constructor(
    private readonly reminders: RemindersService,
    private readonly dispatcher: DispatcherService,
    private readonly rules: ReminderRulesService,
    private readonly tasks: TasksService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule('reminders', this.config.REMINDER_SCAN_MS, async () => (await this.reminders.evaluate()).queued, { exclusive: true, what: 'reminders queued' });
    this.jobs.schedule('dispatch', this.config.DISPATCH_MS, () => this.dispatcher.dispatchDue(), { exclusive: false, what: 'outbox messages handled' });
    this.jobs.schedule('escalate-overdue-tasks', this.config.OVERDUE_SCAN_SECONDS * 1000, async () => ((await this.rules.isEnabled(ReminderKind.TASK_OVERDUE)) ? this.tasks.escalateOverdue() : 0), { exclusive: true, what: 'overdue tasks escalated' });
  }
}
