import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { taskListQuerySchema, taskSchema } from '../../contracts/leads.contract';
import { AnyStaff, CurrentCaller } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { ExportsService } from '../../core/exports/exports.service';
import { TASK_EXPORT_COLUMNS } from './task-labels';
import { TasksService } from './tasks.service';
import { IdParam } from '../../core/http/common.dto';

class TaskListQuery extends createZodDto(taskListQuerySchema) {}
class TaskDto extends createZodDto(taskSchema, { codec: true }) {}

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly exports: ExportsService,
  ) {}

  @Get('mine')
  @AnyStaff()
  @ZodResponse({ type: [TaskDto] })
  mine(@CurrentCaller() caller: StaffCaller, @Query() query: TaskListQuery) {
    return this.tasks.mine(caller.staffId, query.status, query.due);
  }

  /** The same list as .xlsx, every row (the list stops at 500); audited. */
  @Get('mine/export')
  @AnyStaff()
  async export(@CurrentCaller() caller: StaffCaller, @Query() query: TaskListQuery, @Res() reply: FastifyReply) {
    await this.exports.send(reply, caller, { title: '跟进任务', list: 'tasks', filters: { ...query }, columns: TASK_EXPORT_COLUMNS, batches: this.tasks.exportBatches(caller.staffId, query.status, query.due) });
  }

  @Post(':id/complete')
  @HttpCode(200)
  @AnyStaff()
  @ZodResponse({ type: TaskDto })
  complete(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.tasks.complete(caller.staffId, id);
  }
}
