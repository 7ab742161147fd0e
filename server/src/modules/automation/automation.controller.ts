import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  customerMessagePageSchema,
  customerMessagesQuerySchema,
  outboxMessageSchema,
  outboxPageSchema,
  outboxQuerySchema,
  outboxSummarySchema,
  reminderRuleSchema,
  updateReminderRuleSchema,
} from '../../contracts/automation.contract';

import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { MessagesService } from './messages.service';
import { OutboxService } from './outbox.service';
import { ReminderRulesService } from './reminder-rules.service';
import { IdParam } from '../../core/http/common.dto';
import { LOYALTY, REMINDER_RULE_READERS } from '../../contracts/roles.contract';

class ReminderRuleDto extends createZodDto(reminderRuleSchema, { codec: true }) {}
class ReminderRuleListDto extends createZodDto(z.array(reminderRuleSchema), { codec: true }) {}
class UpdateReminderRuleDto extends createZodDto(updateReminderRuleSchema) {}
class OutboxQuery extends createZodDto(outboxQuerySchema) {}
class OutboxPageDto extends createZodDto(outboxPageSchema, { codec: true }) {}
class OutboxMessageDto extends createZodDto(outboxMessageSchema, { codec: true }) {}
class OutboxSummaryDto extends createZodDto(outboxSummarySchema) {}
class CustomerMessagesQuery extends createZodDto(customerMessagesQuerySchema) {}
class CustomerMessagePageDto extends createZodDto(customerMessagePageSchema, { codec: true }) {}

/** Rules are company-wide settings managers may read; messages name customers of every store, so only all-scope roles read them. */

@ApiTags('automation')
@Controller('automation')
export class AutomationController {
  constructor(
    private readonly rules: ReminderRulesService,
    private readonly outbox: OutboxService,
    private readonly messages: MessagesService,
  ) {}

  @Get('reminder-rules')
  @Roles(...REMINDER_RULE_READERS)
  @ZodResponse({ type: ReminderRuleListDto })
  listRules() {
    return this.rules.list();
  }

  @Patch('reminder-rules/:id')
  @Roles('ADMIN', 'MARKETER')
  @ZodResponse({ type: ReminderRuleDto })
  updateRule(@Param() { id }: IdParam, @Body() body: UpdateReminderRuleDto) {
    return this.rules.update(id, body);
  }

  @Get('outbox')
  @Roles(...LOYALTY)
  @ZodResponse({ type: OutboxPageDto })
  listOutbox(@CurrentCaller() caller: StaffCaller, @Query() query: OutboxQuery) {
    return this.outbox.list(caller, query);
  }

  @Get('outbox/summary')
  @Roles(...LOYALTY)
  @ZodResponse({ type: OutboxSummaryDto })
  outboxSummary() {
    return this.outbox.summary();
  }

  @Post('outbox/:id/resend')
  @HttpCode(200)
  @Roles('ADMIN', 'MARKETER')
  @ZodResponse({ type: OutboxMessageDto })
  resend(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.outbox.resend(caller, id);
  }

  @Get('messages')
  @Roles(...LOYALTY)
  @ZodResponse({ type: CustomerMessagePageDto })
  customerTimeline(@Query() query: CustomerMessagesQuery) {
    return this.messages.timeline(query.customerId, query.page, query.pageSize);
  }
}
