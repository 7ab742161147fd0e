import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { OrgModule } from '../org/org.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { MyServiceController } from './my-service.controller';
import { PartsService } from './parts.service';
import { ServiceBookingsService } from './service-bookings.service';
import { ServiceController } from './service.controller';
import { WorkOrdersService } from './work-orders.service';
import { WorkshopBoardService } from './workshop-board.service';
import { WorkshopSettingsService } from './workshop-settings.service';

@Module({
  imports: [CustomersModule, LoyaltyModule, OrgModule, VehiclesModule],
  controllers: [MyServiceController, ServiceController],
  providers: [PartsService, ServiceBookingsService, WorkOrdersService, WorkshopBoardService, WorkshopSettingsService],
  exports: [ServiceBookingsService, WorkOrdersService],
})
export class ServiceModule {}
