import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { OrgModule } from '../org/org.module';
import { MyVehiclesController } from './my-vehicles.controller';
import { VehicleModelsController } from './vehicle-models.controller';
import { VehicleModelsService } from './vehicle-models.service';
import { VehicleDueDatesService } from './vehicle-due-dates.service';
import { VehiclesController } from './vehicles.controller';
import { VehicleRegistrationService } from './vehicle-registration.service';
import { VehiclesService } from './vehicles.service';

@Module({
  imports: [CustomersModule, OrgModule],
  controllers: [MyVehiclesController, VehicleModelsController, VehiclesController],
  providers: [VehicleDueDatesService, VehicleModelsService, VehicleRegistrationService, VehiclesService],
  exports: [VehicleDueDatesService, VehicleModelsService, VehicleRegistrationService, VehiclesService],
})
export class VehiclesModule {}
