import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { memberPageSchema } from '../../contracts/loyalty.contract';
import { saveSegmentSchema, segmentCountResultSchema, segmentCountSchema, segmentMembersQuerySchema, segmentSchema } from '../../contracts/marketing.contract';
import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { StaffRole } from '../../generated/prisma/enums';
import { SegmentsService } from './segments.service';
import { IdParam } from '../../core/http/common.dto';

class CountBody extends createZodDto(segmentCountSchema) {}
class SaveBody extends createZodDto(saveSegmentSchema) {}
class MembersQuery extends createZodDto(segmentMembersQuerySchema) {}
class SegmentCountDto extends createZodDto(segmentCountResultSchema) {}
class SegmentDto extends createZodDto(segmentSchema, { codec: true }) {}
class MemberPageDto extends createZodDto(memberPageSchema, { codec: true }) {}

const { ADMIN, DIRECTOR, MARKETER } = StaffRole;

/** 人群: marketers build audiences from member data and see how many people each holds. */
@ApiTags('marketing')
@Controller('marketing/segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Post('count')
  @HttpCode(200)
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: SegmentCountDto })
  async count(@Body() body: CountBody) {
    return { count: await this.segments.count(body.filter) };
  }

  @Get()
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: [SegmentDto] })
  list() {
    return this.segments.list();
  }

  @Post()
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ status: 201, type: SegmentDto })
  create(@CurrentCaller() caller: StaffCaller, @Body() body: SaveBody) {
    return this.segments.create(caller, body.name, body.filter);
  }

  @Get(':id')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: SegmentDto })
  one(@Param() { id }: IdParam) {
    return this.segments.one(id);
  }

  @Put(':id')
  @Roles(ADMIN, MARKETER)
  @ZodResponse({ type: SegmentDto })
  update(@Param() { id }: IdParam, @Body() body: SaveBody) {
    return this.segments.update(id, body.name, body.filter);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(ADMIN, MARKETER)
  async remove(@Param() { id }: IdParam): Promise<void> {
    await this.segments.remove(id);
  }

  @Get(':id/members')
  @Roles(ADMIN, DIRECTOR, MARKETER)
  @ZodResponse({ type: MemberPageDto })
  members(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Query() query: MembersQuery) {
    return this.segments.membersOf(caller, id, query.page, query.pageSize);
  }
}
