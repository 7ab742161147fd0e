import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { vehicleModelSchema } from '../../contracts/vehicle-models.contract';
import { Public } from '../../core/auth/access.decorators';
import { VehicleModelsService } from './vehicle-models.service';

class VehicleModelDto extends createZodDto(vehicleModelSchema) {}

@ApiTags('vehicles')
@Controller('vehicle-models')
export class VehicleModelsController {
  constructor(private readonly models: VehicleModelsService) {}

  @Get()
  @Public()
  @ZodResponse({ type: [VehicleModelDto] })
  list() {
    return this.models.listActiveModels();
  }
}
