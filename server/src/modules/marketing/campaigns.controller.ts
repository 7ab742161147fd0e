import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { campaignListSchema, campaignReportSchema, campaignSchema, saveCampaignSchema, scheduleCampaignSchema } from '../../contracts/marketing.contract';
import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { StaffRole } from '../../generated/prisma/enums';
import { CampaignsService } from './campaigns.service';
import { IdParam } from '../../core/http/common.dto';

class SaveCampaignBody extends createZodDto(saveCampaignSchema, { codec: true }) {}
class ScheduleBody extends createZodDto(scheduleCampaignSchema, { codec: true }) {}
class CampaignDto extends createZodDto(campaignSchema, { codec: true }) {}
class CampaignListDto extends createZodDto(campaignListSchema, { codec: true }) {}
class CampaignReportDto extends createZodDto(campaignReportSchema, { codec: true }) {}

const { ADMIN, DIRECTOR, MARKETER } = StaffRole;

/** 营销活动: a message to a segment, scheduled, sent once per member through the outbox, measured against a holdout. */
@ApiTags('marketing')
@Controller('marketing/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: CampaignListDto })
  list() {
    return this.campaigns.list();
  }

  @Post()
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ status: 201, type: CampaignDto })
  create(@CurrentCaller() caller: StaffCaller, @Body() body: SaveCampaignBody) {
    return this.campaigns.create(caller, body);
  }

  @Get(':id')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: CampaignDto })
  one(@Param() { id }: IdParam) {
    return this.campaigns.one(id);
  }

  @Patch(':id')
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ type: CampaignDto })
  update(@Param() { id }: IdParam, @Body() body: SaveCampaignBody) {
    return this.campaigns.update(id, body);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ type: CampaignDto })
  schedule(@Param() { id }: IdParam, @Body() body: ScheduleBody) {
    return this.campaigns.schedule(id, body.scheduledAt);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ type: CampaignDto })
  cancel(@Param() { id }: IdParam) {
    return this.campaigns.cancel(id);
  }

  @Get(':id/report')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: CampaignReportDto })
  report(@Param() { id }: IdParam) {
    return this.campaigns.report(id);
  }
}
