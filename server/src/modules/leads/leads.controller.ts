import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { dateTimeSchema, revealedMobileSchema } from '../../contracts/common.contract';
import {
  assignLeadSchema,
  changeStageSchema,
  createdLeadSchema,
  createLeadSchema,
  createQuoteSchema,
  handoverResultSchema,
  handoverSchema,
  leadDetailSchema,
  leadListQuerySchema,
  leadPageSchema,
  logFollowUpSchema,
  quoteSchema,
  taskSchema,
} from '../../contracts/leads.contract';
import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { ExportsService } from '../../core/exports/exports.service';
import { LEAD_EXPORT_COLUMNS } from './lead-labels';
import { LeadCaptureService } from './lead-capture.service';
import { LeadHandoverService } from './lead-handover.service';
import { LeadPipelineService } from './lead-pipeline.service';
import { LeadQueriesService } from './lead-queries.service';
import { QuotesService } from './quotes.service';
import { IdParam } from '../../core/http/common.dto';
import { MANAGERS, SALES } from '../../contracts/roles.contract';

class CreateLeadBody extends createZodDto(createLeadSchema) {}
class LeadListQuery extends createZodDto(leadListQuerySchema) {}
class LogFollowUpBody extends createZodDto(logFollowUpSchema) {}
class ChangeStageBody extends createZodDto(changeStageSchema) {}
class AssignLeadBody extends createZodDto(assignLeadSchema) {}
class CreateQuoteBody extends createZodDto(createQuoteSchema) {}
class HandoverBody extends createZodDto(handoverSchema) {}
// Either the lead or only its id (a colleague's lead joined): a union cannot be a class's instance type, so the
// DTO is createZodDto's class itself, named for the OpenAPI document as the other DTOs are.
const CreatedLeadDto = createZodDto(createdLeadSchema, { codec: true });
Object.defineProperty(CreatedLeadDto, 'name', { value: 'CreatedLeadDto' });
class LeadPageDto extends createZodDto(leadPageSchema, { codec: true }) {}
class LeadDetailDto extends createZodDto(leadDetailSchema, { codec: true }) {}
class RevealedMobileDto extends createZodDto(revealedMobileSchema) {}
class QuoteDto extends createZodDto(quoteSchema, { codec: true }) {}
class HandoverResultDto extends createZodDto(handoverResultSchema) {}
class FollowUpResultDto extends createZodDto(
  z.object({
    followUp: z.object({ id: z.number().int(), type: z.string(), outcome: z.string(), note: z.string().nullable(), createdAt: dateTimeSchema }),
    nextTask: taskSchema.nullable(),
  }),
  { codec: true },
) {}


@ApiTags('leads')
@Controller()
export class LeadsController {
  constructor(
    private readonly capture: LeadCaptureService,
    private readonly handovers: LeadHandoverService,
    private readonly pipeline: LeadPipelineService,
    private readonly queries: LeadQueriesService,
    private readonly quotes: QuotesService,
    private readonly exports: ExportsService,
  ) {}

  /**
   * 201 for a new lead; 200 with `joined: true` when it joined the customer's open lead at the store (only
   * `{joined, leadId}` when that lead is out of the caller's scope).
   */
  @Post('leads')
  @Roles(...SALES)
  @ZodResponse({ status: 201, type: CreatedLeadDto })
  async create(@CurrentCaller() caller: StaffCaller, @Body() body: CreateLeadBody, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.capture.captureByStaff(caller, body);
    if (created.joined) void reply.status(200);
    return created;
  }

  @Get('leads')
  @Roles(...SALES)
  @ZodResponse({ type: LeadPageDto })
  list(@CurrentCaller() caller: StaffCaller, @Query() query: LeadListQuery) {
    return this.queries.list(caller, query);
  }

  /** The filtered list as .xlsx (every page), mobiles as the caller's role sees them; audited. */
  @Get('leads/export')
  @Roles(...SALES)
  async export(@CurrentCaller() caller: StaffCaller, @Query() query: LeadListQuery, @Res() reply: FastifyReply) {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    await this.exports.send(reply, caller, { title: '线索', list: 'leads', filters, columns: LEAD_EXPORT_COLUMNS, batches: this.queries.exportBatches(caller, filters) });
  }

  /** 查看完整号码: the full mobile for a role that sees it masked; audited. */
  @Post('leads/:id/reveal-mobile')
  @HttpCode(200)
  @Roles(...SALES)
  @ZodResponse({ type: RevealedMobileDto })
  revealMobile(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.queries.revealMobile(caller, id);
  }

  @Get('leads/:id')
  @Roles(...SALES)
  @ZodResponse({ type: LeadDetailDto })
  detail(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.queries.detail(caller, id);
  }

  @Post('leads/:id/follow-ups')
  @Roles(...SALES)
  @ZodResponse({ status: 201, type: FollowUpResultDto })
  logFollowUp(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: LogFollowUpBody) {
    return this.pipeline.logFollowUp(caller, id, body);
  }

  @Post('leads/:id/stage')
  @HttpCode(200)
  @Roles(...SALES)
  @ZodResponse({ type: LeadDetailDto })
  changeStage(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: ChangeStageBody) {
    return this.pipeline.changeStage(caller, id, body);
  }

  @Post('leads/:id/assign')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ZodResponse({ type: LeadDetailDto })
  assign(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: AssignLeadBody) {
    return this.handovers.assign(caller, id, body.staffId);
  }

  @Post('leads/:id/quotes')
  @Roles(...SALES)
  @ZodResponse({ status: 201, type: QuoteDto })
  createQuote(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: CreateQuoteBody) {
    return this.quotes.create(caller, id, body);
  }

  @Get('leads/:id/quotes')
  @Roles(...SALES)
  @ZodResponse({ type: [QuoteDto] })
  async listQuotes(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return (await this.queries.detail(caller, id)).quotes;
  }

  @Post('staff/:id/handover')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ZodResponse({ type: HandoverResultDto })
  handover(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: HandoverBody) {
    return this.handovers.handover(caller, id, body.toStaffId);
  }
}
