import { Global, Module } from '@nestjs/common';
import { CapacityService } from './capacity.service';

@Global()
@Module({ providers: [CapacityService], exports: [CapacityService] })
export class CapacityModule {}
