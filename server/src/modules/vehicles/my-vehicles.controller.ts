import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { bindVehicleSchema, ownerVehicleFileSchema, ownerVehicleSchema, recordMileageSchema } from '../../contracts/vehicles.contract';
import { CurrentCaller, CustomerOnly } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { VehiclesService } from './vehicles.service';
import { IdParam } from '../../core/http/common.dto';

class BindBody extends createZodDto(bindVehicleSchema) {}
class OwnerMileageBody extends createZodDto(recordMileageSchema.pick({ km: true }).strict()) {}
class OwnerVehicleDto extends createZodDto(ownerVehicleSchema, { codec: true }) {}
class OwnerVehicleFileDto extends createZodDto(ownerVehicleFileSchema, { codec: true }) {}

/** 我的车: the owner's bound cars in the mini-program. */
@ApiTags('vehicles')
@Controller('me/vehicles')
export class MyVehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Post('bind')
  @CustomerOnly()
  @ZodResponse({ status: 201, type: OwnerVehicleDto })
  bind(@CurrentCaller() caller: CustomerCaller, @Body() body: BindBody) {
    return this.vehicles.bind(caller.customerId, body.vin, body.plate);
  }

  @Get()
  @CustomerOnly()
  @ZodResponse({ type: [OwnerVehicleDto] })
  mine(@CurrentCaller() caller: CustomerCaller) {
    return this.vehicles.ownerVehicles(caller.customerId);
  }

  @Get(':id')
  @CustomerOnly()
  @ZodResponse({ type: OwnerVehicleFileDto })
  file(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam) {
    return this.vehicles.ownerFile(caller.customerId, id);
  }

  @Post(':id/mileage')
  @CustomerOnly()
  @ZodResponse({ status: 201, type: OwnerVehicleFileDto })
  recordMileage(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam, @Body() body: OwnerMileageBody) {
    return this.vehicles.recordMileageByOwner(caller.customerId, id, body.km);
  }
}
