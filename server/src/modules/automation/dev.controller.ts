import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { clockSchema, setClockSchema } from '../../contracts/automation.contract';
import { Roles } from '../../core/auth/access.decorators';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRunner } from '../../core/jobs/job-runner';
import { Clock, ControlledClock } from '../../core/time/clock';
import { AutomationError } from './automation.errors';

class ClockDto extends createZodDto(clockSchema, { codec: true }) {}
class SetClockDto extends createZodDto(setClockSchema, { codec: true }) {}
class JobParam extends createZodDto(z.object({ name: z.string().max(64) })) {}
class JobRunDto extends createZodDto(z.object({ name: z.string(), ran: z.boolean(), count: z.number().int() })) {}

/**
 * Dev and test only (CLOCK_MODE=controlled, which production refuses): set the clock and run a job now, so
 * a test can walk a year of reminders in seconds. Otherwise every route here answers 404.
 */
@ApiTags('dev')
@Controller('dev')
export class DevController {
  constructor(
    private readonly clock: Clock,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('clock')
  @Roles('ADMIN')
  @ZodResponse({ type: ClockDto })
  now() {
    return { now: this.clock.now(), speed: this.controlled().speed, controlled: true };
  }

  @Put('clock')
  @Roles('ADMIN')
  @ZodResponse({ type: ClockDto })
  set(@Body() body: SetClockDto) {
    const clock = this.controlled();
    clock.set(body.now, body.speed);
    return { now: clock.now(), speed: clock.speed, controlled: true };
  }

  @Post('jobs/:name/run')
  @HttpCode(200)
  @Roles('ADMIN')
  @ZodResponse({ type: JobRunDto })
  async run(@Param() { name }: JobParam) {
    this.controlled();
    if (!this.jobs.names().includes(name)) throw new AutomationError('JOB_NOT_FOUND', `没有名为 ${name} 的任务（可用：${this.jobs.names().join(', ')}）`);
    const count = await this.jobs.run(name);
    return { name, ran: count !== undefined, count: count ?? 0 };
  }

  private controlled(): ControlledClock {
    if (this.config.CLOCK_MODE !== 'controlled' || !(this.clock instanceof ControlledClock)) throw new AutomationError('CLOCK_NOT_CONTROLLED', '仅在开发/测试模式（CLOCK_MODE=controlled）下可用');
    return this.clock;
  }
}
