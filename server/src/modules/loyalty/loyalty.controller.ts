import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { revealedMobileSchema } from '../../contracts/common.contract';
import {
  adjustmentResultSchema,
  adjustmentSchema,
  adminRewardSchema,
  createRewardSchema,
  earningRuleSchema,
  eventParamSchema,
  memberDetailSchema,
  memberListQuerySchema,
  memberPageSchema,
  reversalSchema,
  rewardSchema,
  tierRuleSchema,
  updateEarningRuleSchema,
  updateRewardSchema,
  updateTiersSchema,
} from '../../contracts/loyalty.contract';
import { CurrentCaller, Public, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { StaffRole } from '../../generated/prisma/enums';
import { LoyaltyAdminService } from './loyalty-admin.service';
import { LoyaltyService } from './loyalty.service';
import { ExportsService } from '../../core/exports/exports.service';
import type { FastifyReply } from 'fastify';
import { MEMBER_EXPORT_COLUMNS } from './members.rules';
import { IdParam } from '../../core/http/common.dto';

class AdjustmentBody extends createZodDto(adjustmentSchema) {}
class ReversalBody extends createZodDto(reversalSchema) {}
class AdjustmentDto extends createZodDto(adjustmentResultSchema, { codec: true }) {}
class RewardDto extends createZodDto(rewardSchema) {}
class RevealedMobileDto extends createZodDto(revealedMobileSchema) {}
class EventParam extends createZodDto(eventParamSchema) {}
class MemberQuery extends createZodDto(memberListQuerySchema) {}
class TiersBody extends createZodDto(updateTiersSchema) {}
class EarningRuleBody extends createZodDto(updateEarningRuleSchema) {}
class CreateRewardBody extends createZodDto(createRewardSchema) {}
class UpdateRewardBody extends createZodDto(updateRewardSchema) {}
class MemberPageDto extends createZodDto(memberPageSchema, { codec: true }) {}
class MemberDetailDto extends createZodDto(memberDetailSchema, { codec: true }) {}
class TierDto extends createZodDto(tierRuleSchema) {}
class EarningRuleDto extends createZodDto(earningRuleSchema) {}
class AdminRewardDto extends createZodDto(adminRewardSchema) {}

const { ADMIN, DIRECTOR, MARKETER } = StaffRole;

/** The rewards catalogue, and what marketers manage: members, adjustments, tiers, earning rules, rewards. */
@ApiTags('loyalty')
@Controller('loyalty')
export class LoyaltyController {
  constructor(
    private readonly loyalty: LoyaltyService,
    private readonly admin: LoyaltyAdminService,
    private readonly exports: ExportsService,
  ) {}

  @Get('rewards')
  @Public()
  @ZodResponse({ type: [RewardDto] })
  rewards() {
    return this.loyalty.rewards();
  }

  @Post('adjustments')
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ status: 201, type: AdjustmentDto })
  adjust(@CurrentCaller() caller: StaffCaller, @Body() body: AdjustmentBody) {
    return this.loyalty.adjust(caller, body);
  }

  @Post('reversals')
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ status: 201, type: AdjustmentDto })
  reverse(@CurrentCaller() caller: StaffCaller, @Body() body: ReversalBody) {
    return this.loyalty.reverse(caller, body.entryId, body.reason);
  }

  @Get('members')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: MemberPageDto })
  members(@CurrentCaller() caller: StaffCaller, @Query() query: MemberQuery) {
    return this.admin.members(caller, query);
  }

  /** The filtered member list as .xlsx, mobiles masked for these roles; audited. */
  @Get('members/export')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  async exportMembers(@CurrentCaller() caller: StaffCaller, @Query() query: MemberQuery, @Res() reply: FastifyReply) {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    await this.exports.send(reply, caller, { title: '会员', list: 'members', filters, columns: MEMBER_EXPORT_COLUMNS, batches: this.admin.exportMembers(caller, filters) });
  }

  /** 查看完整号码 on a member: audited. */
  @Post('members/:id/reveal-mobile')
  @HttpCode(200)
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: RevealedMobileDto })
  revealMobile(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.admin.revealMobile(caller, id);
  }

  @Get('members/:id')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: MemberDetailDto })
  member(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.admin.member(caller, id);
  }

  @Get('tiers')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: [TierDto] })
  tiers() {
    return this.admin.tiers();
  }

  @Put('tiers')
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ type: [TierDto] })
  updateTiers(@Body() body: TiersBody) {
    return this.admin.updateTiers(body.tiers);
  }

  @Get('earning-rules')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: [EarningRuleDto] })
  earningRules() {
    return this.admin.earningRules();
  }

  @Put('earning-rules/:event')
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ type: EarningRuleDto })
  updateEarningRule(@Param() { event }: EventParam, @Body() body: EarningRuleBody) {
    return this.admin.updateEarningRule(event, body);
  }

  @Get('rewards/all')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: [AdminRewardDto] })
  allRewards() {
    return this.admin.allRewards();
  }

  @Post('rewards')
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ status: 201, type: AdminRewardDto })
  createReward(@Body() body: CreateRewardBody) {
    return this.admin.createReward(body);
  }

  @Patch('rewards/:id')
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ type: AdminRewardDto })
  updateReward(@Param() { id }: IdParam, @Body() body: UpdateRewardBody) {
    return this.admin.updateReward(id, body);
  }
}
