import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { importErrorPageSchema, importErrorsQuerySchema, importJobPageSchema, importJobSchema, importKindParamSchema, importListQuerySchema } from '../../contracts/imports.contract';
import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { ImportsService } from './imports.service';
import { IdParam } from '../../core/http/common.dto';
import { IMPORTERS } from '../../contracts/roles.contract';

class KindParam extends createZodDto(importKindParamSchema) {}
class ImportListQuery extends createZodDto(importListQuerySchema) {}
class ImportErrorsQuery extends createZodDto(importErrorsQuerySchema) {}
class ImportJobDto extends createZodDto(importJobSchema, { codec: true }) {}
class ImportJobPageDto extends createZodDto(importJobPageSchema, { codec: true }) {}
class ImportErrorPageDto extends createZodDto(importErrorPageSchema, { codec: true }) {}

/**
 * Leads may be imported by every manager (rows only for stores in their scope); customers with their cars only
 * by head office. Each route admits the managers; the service refuses a kind the caller may not import.
 */

/** 数据导入: Excel template, upload with a dry run, commit in one transaction, history. */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('templates/:kind')
  @Roles(...IMPORTERS)
  async template(@CurrentCaller() caller: StaffCaller, @Param() { kind }: KindParam, @Res() reply: FastifyReply) {
    const { fileName, content } = await this.imports.template(caller, kind);
    await reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(content);
  }

  /** multipart/form-data with the .xlsx in field `file`; answers 202 at once, the dry run goes on in the background. */
  @Post(':kind')
  @HttpCode(202)
  @Roles(...IMPORTERS)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ZodResponse({ status: 202, type: ImportJobDto })
  upload(@CurrentCaller() caller: StaffCaller, @Param() { kind }: KindParam, @Req() request: FastifyRequest) {
    return this.imports.upload(caller, kind, request);
  }

  @Get()
  @Roles(...IMPORTERS)
  @ZodResponse({ type: ImportJobPageDto })
  list(@CurrentCaller() caller: StaffCaller, @Query() query: ImportListQuery) {
    return this.imports.list(caller, query);
  }

  @Get(':id')
  @Roles(...IMPORTERS)
  @ZodResponse({ type: ImportJobDto })
  find(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.imports.find(caller, id);
  }

  @Get(':id/errors')
  @Roles(...IMPORTERS)
  @ZodResponse({ type: ImportErrorPageDto })
  errors(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Query() query: ImportErrorsQuery) {
    return this.imports.errors(caller, id, query.page, query.pageSize);
  }

  /** Writes a checked import with no errors, all or nothing; 202 at once, progress on GET /imports/:id. */
  @Post(':id/commit')
  @HttpCode(202)
  @Roles(...IMPORTERS)
  @ZodResponse({ status: 202, type: ImportJobDto })
  commit(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.imports.commit(caller, id);
  }
}
