import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  couponSchema,
  pointsEntryPageSchema,
  pointsEntryQuerySchema,
  pointsSummarySchema,
  redeemSchema,
  redemptionSchema,
  referFriendSchema,
  referralResultSchema,
  referralsSchema,
} from '../../contracts/loyalty.contract';
import { CurrentCaller, CustomerOnly } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { idempotencyKeyFrom } from '../../core/idempotency/idempotency-key';
import { LoyaltyService } from './loyalty.service';
import { ReferralsService } from './referrals.service';

class EntryQuery extends createZodDto(pointsEntryQuerySchema) {}
class RedeemBody extends createZodDto(redeemSchema) {}
class SummaryDto extends createZodDto(pointsSummarySchema, { codec: true }) {}
class EntryPageDto extends createZodDto(pointsEntryPageSchema, { codec: true }) {}
class RedemptionDto extends createZodDto(redemptionSchema, { codec: true }) {}
class CouponDto extends createZodDto(couponSchema, { codec: true }) {}
class ReferBody extends createZodDto(referFriendSchema) {}
class ReferralResultDto extends createZodDto(referralResultSchema) {}
class ReferralsDto extends createZodDto(referralsSchema, { codec: true }) {}

/** 积分 / 积分商城 / 我的券 / 邀请好友 in the mini-program. */
@ApiTags('loyalty')
@Controller('me')
export class MyPointsController {
  constructor(
    private readonly loyalty: LoyaltyService,
    private readonly referrals: ReferralsService,
  ) {}

  @Get('points')
  @CustomerOnly()
  @ZodResponse({ type: SummaryDto })
  points(@CurrentCaller() caller: CustomerCaller) {
    return this.loyalty.summary(caller.customerId);
  }

  @Get('points/entries')
  @CustomerOnly()
  @ZodResponse({ type: EntryPageDto })
  entries(@CurrentCaller() caller: CustomerCaller, @Query() query: EntryQuery) {
    return this.loyalty.entries(caller.customerId, query.page, query.pageSize);
  }

  @Post('points/redemptions')
  @CustomerOnly()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again returns the same redemption' })
  @ZodResponse({ status: 201, type: RedemptionDto })
  redeem(@CurrentCaller() caller: CustomerCaller, @Body() body: RedeemBody, @Headers('idempotency-key') idempotencyKey?: string) {
    return this.loyalty.redeem(caller.customerId, body.rewardId, idempotencyKeyFrom(idempotencyKey));
  }

  @Get('points/redemptions')
  @CustomerOnly()
  @ZodResponse({ type: [RedemptionDto] })
  redemptions(@CurrentCaller() caller: CustomerCaller) {
    return this.loyalty.redemptions(caller.customerId);
  }

  @Get('coupons')
  @CustomerOnly()
  @ZodResponse({ type: [CouponDto] })
  coupons(@CurrentCaller() caller: CustomerCaller) {
    return this.loyalty.coupons(caller.customerId);
  }

  @Get('referrals')
  @CustomerOnly()
  @ZodResponse({ type: ReferralsDto })
  referralsOfMine(@CurrentCaller() caller: CustomerCaller) {
    return this.referrals.mine(caller.customerId);
  }

  @Post('referrals')
  @CustomerOnly()
  @ZodResponse({ status: 201, type: ReferralResultDto })
  refer(@CurrentCaller() caller: CustomerCaller, @Body() body: ReferBody) {
    return this.referrals.refer(caller.customerId, body);
  }
}
