import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { auditPageSchema, auditQuerySchema } from '../../contracts/audit.contract';
import { Roles } from '../auth/access.decorators';
import { AuditService } from './audit.service';

class AuditQuery extends createZodDto(auditQuerySchema) {}
class AuditPageDto extends createZodDto(auditPageSchema, { codec: true }) {}

/** 审计日志: administrators (and the director) read who did what; nobody can change it. */
@ApiTags('audit')
@Controller('audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('ADMIN', 'DIRECTOR')
  @ZodResponse({ type: AuditPageDto })
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}
