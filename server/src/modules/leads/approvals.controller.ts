import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { pageOf } from '../../contracts/common.contract';
import { approvalListQuerySchema, decideQuoteSchema, quoteSchema } from '../../contracts/leads.contract';
import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { StaffRole } from '../../generated/prisma/enums';
import { QuotesService } from './quotes.service';
import { IdParam } from '../../core/http/common.dto';

const approvalSchema = quoteSchema.extend({ lead: z.object({ id: z.number().int(), name: z.string() }) });

class ApprovalListQuery extends createZodDto(approvalListQuerySchema) {}
class DecideBody extends createZodDto(decideQuoteSchema) {}
class ApprovalDto extends createZodDto(approvalSchema, { codec: true }) {}
class ApprovalPageDto extends createZodDto(pageOf(approvalSchema), { codec: true }) {}

const { ADMIN, DIRECTOR, REGION_MANAGER, STORE_MANAGER } = StaffRole;

/** Discounts above a consultant's limit, decided by the store manager (or above) in the system. */
@ApiTags('leads')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  @Roles(ADMIN, DIRECTOR, REGION_MANAGER, STORE_MANAGER)
  @ZodResponse({ type: ApprovalPageDto })
  list(@CurrentCaller() caller: StaffCaller, @Query() query: ApprovalListQuery) {
    return this.quotes.approvals(caller, query.status, query.page, query.pageSize);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(ADMIN, DIRECTOR, REGION_MANAGER, STORE_MANAGER)
  @ZodResponse({ type: ApprovalDto })
  approve(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: DecideBody) {
    return this.quotes.decide(caller, id, true, body.note);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(ADMIN, DIRECTOR, REGION_MANAGER, STORE_MANAGER)
  @ZodResponse({ type: ApprovalDto })
  reject(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: DecideBody) {
    return this.quotes.decide(caller, id, false, body.note);
  }
}
