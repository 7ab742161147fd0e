import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { createVehicleSchema, recordMileageSchema, updateVehicleSchema, vehicleFileSchema, vehicleListQuerySchema, vehiclePageSchema } from '../../contracts/vehicles.contract';
import { AnyStaff, CurrentCaller } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { VehicleRegistrationService } from './vehicle-registration.service';
import { VehiclesService } from './vehicles.service';
import { ExportsService } from '../../core/exports/exports.service';
import type { FastifyReply } from 'fastify';
import { VEHICLE_EXPORT_COLUMNS } from './vehicle-export';
import { IdParam } from '../../core/http/common.dto';

class CreateVehicleBody extends createZodDto(createVehicleSchema) {}
class UpdateVehicleBody extends createZodDto(updateVehicleSchema) {}
class MileageBody extends createZodDto(recordMileageSchema) {}
class VehicleListQuery extends createZodDto(vehicleListQuerySchema) {}
class VehicleFileDto extends createZodDto(vehicleFileSchema, { codec: true }) {}
class VehiclePageDto extends createZodDto(vehiclePageSchema, { codec: true }) {}

/** The vehicle file for staff; each caller sees the cars in their data scope. */
@ApiTags('vehicles')
@Controller('vehicles')
export class VehiclesController {
  constructor(
    private readonly vehicles: VehiclesService,
    private readonly registration: VehicleRegistrationService,
    private readonly exports: ExportsService,
  ) {}

  /** The filtered 车辆档案 list as .xlsx, owners' mobiles as the caller's role sees them; audited. */
  @Get('export')
  @AnyStaff()
  async export(@CurrentCaller() caller: StaffCaller, @Query() query: VehicleListQuery, @Res() reply: FastifyReply) {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    await this.exports.send(reply, caller, { title: '车辆档案', list: 'vehicles', filters, columns: VEHICLE_EXPORT_COLUMNS, batches: this.vehicles.exportBatches(caller, filters) });
  }

  @Post()
  @AnyStaff()
  @ZodResponse({ status: 201, type: VehicleFileDto })
  create(@CurrentCaller() caller: StaffCaller, @Body() body: CreateVehicleBody) {
    return this.registration.create(caller, body);
  }

  @Get()
  @AnyStaff()
  @ZodResponse({ type: VehiclePageDto })
  list(@CurrentCaller() caller: StaffCaller, @Query() query: VehicleListQuery) {
    return this.vehicles.list(caller, query);
  }

  @Get(':id')
  @AnyStaff()
  @ZodResponse({ type: VehicleFileDto })
  file(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.vehicles.file(caller, id);
  }

  @Patch(':id')
  @AnyStaff()
  @ZodResponse({ type: VehicleFileDto })
  update(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: UpdateVehicleBody) {
    return this.vehicles.update(caller, id, body);
  }

  @Post(':id/mileage')
  @AnyStaff()
  @ZodResponse({ status: 201, type: VehicleFileDto })
  recordMileage(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: MileageBody) {
    return this.vehicles.recordMileageByStaff(caller, id, body.km, body.reason);
  }
}
