import { Module } from '@nestjs/common';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { SegmentsController } from './segments.controller';
import { SegmentsService } from './segments.service';

@Module({ imports: [LoyaltyModule], controllers: [SegmentsController], providers: [SegmentsService] })
export class MarketingModule {}
