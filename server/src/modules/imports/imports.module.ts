import { Module } from '@nestjs/common';
import { LeadCaptureService } from '../leads/lead-capture.service';
import { LeadsModule } from '../leads/leads.module';
import { LeadsImportPlan } from '../leads/leads.import-plan';
import { OrgModule } from '../org/org.module';
import { StaffService } from '../org/staff.service';
import { StoresService } from '../org/stores.service';
import { VehicleModelsService } from '../vehicles/vehicle-models.service';
import { VehiclesImportPlan } from '../vehicles/vehicles.import-plan';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { VehicleRegistrationService } from '../vehicles/vehicle-registration.service';
import { ImportFiles } from './import-files';
import { IMPORT_PLANS, type ImportDefinition } from './import-plan';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** The import engine; each kind's plan is its domain's file, registered here by kind. */
@Module({
  imports: [LeadsModule, OrgModule, VehiclesModule],
  controllers: [ImportsController],
  providers: [
    ImportFiles,
    ImportsService,
    {
      provide: IMPORT_PLANS,
      useFactory: (capture: LeadCaptureService, staff: StaffService, stores: StoresService, models: VehicleModelsService, vehicles: VehicleRegistrationService): ImportDefinition[] => [
        new LeadsImportPlan(capture, staff, stores, models),
        new VehiclesImportPlan(vehicles, models, stores),
      ],
      inject: [LeadCaptureService, StaffService, StoresService, VehicleModelsService, VehicleRegistrationService],
    },
  ],
})
export class ImportsModule {}
