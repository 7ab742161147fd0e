import { Module } from '@nestjs/common';
import { OrgController } from './org.controller';
import { StaffService } from './staff.service';
import { StoresService } from './stores.service';

@Module({
  controllers: [OrgController],
  providers: [StaffService, StoresService],
  exports: [StaffService, StoresService],
})
export class OrgModule {}
