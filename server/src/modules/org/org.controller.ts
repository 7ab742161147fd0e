import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import {
  createStaffSchema,
  regionSchema,
  staffListQuerySchema,
  staffPageSchema,
  staffSchema,
  storeSchema,
  updateStaffSchema,
} from '../../contracts/org.contract';
import { CurrentCaller, Public, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { StaffRole } from '../../generated/prisma/enums';
import { StaffService } from './staff.service';
import { StoresService } from './stores.service';
import { IdParam } from '../../core/http/common.dto';

class CreateStaffBody extends createZodDto(createStaffSchema) {}
class UpdateStaffBody extends createZodDto(updateStaffSchema) {}
class StaffListQuery extends createZodDto(staffListQuerySchema) {}
class StaffDto extends createZodDto(staffSchema, { codec: true }) {}
class StaffPageDto extends createZodDto(staffPageSchema, { codec: true }) {}
class StoreDto extends createZodDto(storeSchema) {}
class RegionDto extends createZodDto(regionSchema) {}

const { ADMIN, DIRECTOR, REGION_MANAGER, STORE_MANAGER } = StaffRole;

@ApiTags('org')
@Controller()
export class OrgController {
  constructor(
    private readonly staff: StaffService,
    private readonly stores: StoresService,
  ) {}

  @Get('stores')
  @Public()
  @ZodResponse({ type: [StoreDto] })
  listStores() {
    return this.stores.listActiveStores();
  }

  @Get('regions')
  @Public()
  @ZodResponse({ type: [RegionDto] })
  listRegions() {
    return this.stores.listRegions();
  }

  @Get('staff')
  @Roles(ADMIN, DIRECTOR, REGION_MANAGER, STORE_MANAGER)
  @ZodResponse({ type: StaffPageDto })
  listStaff(@CurrentCaller() caller: StaffCaller, @Query() query: StaffListQuery) {
    return this.staff.list(caller, query);
  }

  @Post('staff')
  @Roles(ADMIN)
  @ZodResponse({ status: 201, type: StaffDto })
  createStaff(@CurrentCaller() caller: StaffCaller, @Body() body: CreateStaffBody) {
    return this.staff.create(caller, body);
  }

  @Patch('staff/:id')
  @Roles(ADMIN)
  @ZodResponse({ type: StaffDto })
  updateStaff(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: UpdateStaffBody) {
    return this.staff.update(caller, id, body);
  }

  @Post('staff/:id/deactivate')
  @HttpCode(200)
  @Roles(ADMIN)
  @ZodResponse({ type: StaffDto })
  deactivateStaff(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.staff.setActive(caller, id, false);
  }

  @Post('staff/:id/activate')
  @HttpCode(200)
  @Roles(ADMIN)
  @ZodResponse({ type: StaffDto })
  activateStaff(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.staff.setActive(caller, id, true);
  }
}

