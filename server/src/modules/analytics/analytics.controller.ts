import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { dashboardQuerySchema, dashboardSchema } from '../../contracts/analytics.contract';
import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { ExportsService } from '../../core/exports/exports.service';
import { StaffRole } from '../../generated/prisma/enums';
import { dashboardSheets } from './analytics-export';
import { AnalyticsService } from './analytics.service';

class DashboardQuery extends createZodDto(dashboardQuerySchema) {}
class DashboardDto extends createZodDto(dashboardSchema, { codec: true }) {}

/** Everyone who runs part of the business sees the dashboard; the role picks the sections, the scope the figures. */
const READERS = [
  StaffRole.ADMIN,
  StaffRole.CONSULTANT,
  StaffRole.DIRECTOR,
  StaffRole.MARKETER,
  StaffRole.REGION_MANAGER,
  StaffRole.SERVICE_ADVISOR,
  StaffRole.STORE_MANAGER,
];

@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly exports: ExportsService,
  ) {}

  @Get('dashboard')
  @Roles(...READERS)
  @ZodResponse({ type: DashboardDto })
  dashboard(@CurrentCaller() caller: StaffCaller, @Query() query: DashboardQuery) {
    return this.analytics.dashboard(caller, query);
  }

  /** The dashboard's tables as .xlsx (KPIs with formulas, funnel, leaderboard, channels, churn, trend); audited. */
  @Get('dashboard/export')
  @Roles(...READERS)
  async export(@CurrentCaller() caller: StaffCaller, @Query() query: DashboardQuery, @Res() reply: FastifyReply) {
    const dashboard = await this.analytics.dashboard(caller, query);
    await this.exports.sendWorkbook(reply, caller, { title: '数据看板', list: 'dashboard', filters: { ...query }, sheets: dashboardSheets(dashboard) });
  }
}
