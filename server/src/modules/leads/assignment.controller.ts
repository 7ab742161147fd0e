import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';

import { assignmentSettingsSchema, consultantRosterUpdateSchema, storeAssignmentSchema } from '../../contracts/leads.contract';
import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { LeadAssignmentService } from './lead-assignment.service';
import { IdParam } from '../../core/http/common.dto';
import { MANAGERS } from '../../contracts/roles.contract';

class ConsultantParams extends createZodDto(z.object({ storeId: z.coerce.number().int().positive(), staffId: z.coerce.number().int().positive() })) {}
class AssignmentSettingsBody extends createZodDto(assignmentSettingsSchema) {}
class RosterBody extends createZodDto(consultantRosterUpdateSchema) {}
class StoreAssignmentDto extends createZodDto(storeAssignmentSchema) {}


/** 分配规则: how a store assigns leads, and who is on duty with which specialties. */
@ApiTags('leads')
@Controller('stores')
export class AssignmentController {
  constructor(private readonly assignment: LeadAssignmentService) {}

  @Get(':id/assignment')
  @Roles(...MANAGERS)
  @ZodResponse({ type: StoreAssignmentDto })
  async get(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    await this.assignment.assertStoreInScope(caller, id);
    return this.assignment.settings(id);
  }

  @Put(':id/assignment')
  @Roles(...MANAGERS)
  @ZodResponse({ type: StoreAssignmentDto })
  async update(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: AssignmentSettingsBody) {
    await this.assignment.assertStoreInScope(caller, id);
    return this.assignment.updateSettings(id, body);
  }

  @Patch(':storeId/consultants/:staffId')
  @Roles(...MANAGERS)
  @ZodResponse({ type: StoreAssignmentDto })
  async updateConsultant(@CurrentCaller() caller: StaffCaller, @Param() params: ConsultantParams, @Body() body: RosterBody) {
    return this.assignment.updateConsultant(caller, params.storeId, params.staffId, body);
  }

}
