import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { idParamSchema } from '../../contracts/common.contract';
import { taskListQuerySchema, taskSchema } from '../../contracts/leads.contract';
import { AnyStaff, CurrentCaller } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { TasksService } from './tasks.service';

class IdParam extends createZodDto(idParamSchema) {}
class TaskListQuery extends createZodDto(taskListQuerySchema) {}
class TaskDto extends createZodDto(taskSchema, { codec: true }) {}

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('mine')
  @AnyStaff()
  @ZodResponse({ type: [TaskDto] })
  mine(@CurrentCaller() caller: StaffCaller, @Query() query: TaskListQuery) {
    return this.tasks.mine(caller.staffId, query.status, query.due);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @AnyStaff()
  @ZodResponse({ type: TaskDto })
  complete(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.tasks.complete(caller.staffId, id);
  }
}
