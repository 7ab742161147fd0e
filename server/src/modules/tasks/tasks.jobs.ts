import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobLock } from '../../core/jobs/job-lock';
import { TasksService } from './tasks.service';

const ESCALATE_OVERDUE_TASKS = 'escalate-overdue-tasks';

/** Every OVERDUE_SCAN_SECONDS (5 min), escalate overdue follow-up tasks, on one instance at a time. */
@Injectable()
export class TasksJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(TasksJobs.name);

  constructor(
    private readonly tasks: TasksService,
    private readonly jobLock: JobLock,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.ENABLE_JOBS) return;
    this.scheduler.addInterval(ESCALATE_OVERDUE_TASKS, setInterval(() => void this.escalateOverdueTasks(), this.config.OVERDUE_SCAN_SECONDS * 1000));
  }

  async escalateOverdueTasks(): Promise<void> {
    try {
      const escalated = await this.jobLock.runExclusively(ESCALATE_OVERDUE_TASKS, () => this.tasks.escalateOverdue());
      if (escalated) this.logger.log(`Escalated ${escalated} overdue tasks`);
    } catch (error) {
      this.logger.error({ err: error }, 'Escalating overdue tasks failed');
    }
  }
}
