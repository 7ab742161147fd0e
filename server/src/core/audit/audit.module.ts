import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { ExportsService } from '../exports/exports.service';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, ExportsService], exports: [AuditService, ExportsService] })
export class AuditModule {}
