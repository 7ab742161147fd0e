import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { adjustmentResultSchema, adjustmentSchema, rewardSchema } from '../../contracts/loyalty.contract';
import { CurrentCaller, Public, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { StaffRole } from '../../generated/prisma/enums';
import { LoyaltyService } from './loyalty.service';

class AdjustmentBody extends createZodDto(adjustmentSchema) {}
class AdjustmentDto extends createZodDto(adjustmentResultSchema, { codec: true }) {}
class RewardDto extends createZodDto(rewardSchema) {}

/** The rewards catalogue and points adjustments by marketers and administrators. */
@ApiTags('loyalty')
@Controller('loyalty')
export class LoyaltyController {
  constructor(private readonly loyalty: LoyaltyService) {}

  @Get('rewards')
  @Public()
  @ZodResponse({ type: [RewardDto] })
  rewards() {
    return this.loyalty.rewards();
  }

  @Post('adjustments')
  @Roles(StaffRole.ADMIN, StaffRole.MARKETER)
  @ZodResponse({ status: 201, type: AdjustmentDto })
  adjust(@CurrentCaller() caller: StaffCaller, @Body() body: AdjustmentBody) {
    return this.loyalty.adjust(caller, body);
  }
}
