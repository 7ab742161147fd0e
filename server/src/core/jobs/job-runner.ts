import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobLock } from './job-lock';

interface Job {
  work: () => Promise<number>;
  /** Exclusive jobs run on one instance at a time (GET_LOCK); the others (the dispatcher) on all at once. */
  exclusive: boolean;
  what: string;
  running: boolean;
}

/**
 * Every scheduled job in one place: registered by its module's `*.jobs.ts`, run on an interval when
 * ENABLE_JOBS is on, never twice at once in one process, and runnable by name (the dev endpoint, tests).
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly jobLock: JobLock,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  schedule(name: string, everyMs: number, work: () => Promise<number>, options: { exclusive: boolean; what: string }): void {
    this.jobs.set(name, { work, ...options, running: false });
    if (this.config.ENABLE_JOBS) this.scheduler.addInterval(name, setInterval(() => void this.runLogged(name), everyMs));
  }

  names(): string[] {
    return [...this.jobs.keys()].sort();
  }

  /** Runs a job now; undefined when it is not registered, or is already running here or (exclusive) elsewhere. */
  async run(name: string): Promise<number | undefined> {
    const job = this.jobs.get(name);
    if (!job || job.running) return undefined;
    job.running = true;
    try {
      return job.exclusive ? await this.jobLock.runExclusively(name, job.work) : await job.work();
    } finally {
      job.running = false;
    }
  }

  private async runLogged(name: string): Promise<void> {
    try {
      const count = await this.run(name);
      if (count) this.logger.log(`${name}: ${count} ${this.jobs.get(name)!.what}`);
    } catch (error) {
      this.logger.error({ err: error }, `${name} failed`);
    }
  }
}
