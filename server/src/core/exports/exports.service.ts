import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Prisma } from '../../generated/prisma/client';
import { AuditService, staffActor } from '../audit/audit.service';
import type { StaffCaller } from '../auth/caller';
import { PrismaService } from '../database/prisma.service';
import { shanghaiDateOf } from '../time/shanghai-time';
import { AnyExportSheet, ExportColumn, streamXlsxSheets } from './xlsx-export';

export interface ExportRequest<Row> {
  /** What is exported, for the file name and the audit log: "线索", "车辆档案", "会员". */
  title: string;
  list: string;
  filters: Prisma.InputJsonObject;
  columns: ExportColumn<Row>[];
  batches: AsyncIterable<Row[]>;
}

/**
 * Every list export: streamed .xlsx of the caller's filtered, scoped rows (mobiles as their role may see
 * them, since rows come from the same views as the lists), then one audit entry with the filters and count.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async send<Row>(reply: FastifyReply, caller: StaffCaller, request: ExportRequest<Row>): Promise<void> {
    await this.sendWorkbook(reply, caller, { ...request, sheets: [{ name: request.title, columns: request.columns, batches: request.batches }] });
  }

  /** An export of several tables at once (the dashboard's), audited the same way. */
  async sendWorkbook(reply: FastifyReply, caller: StaffCaller, request: Pick<ExportRequest<unknown>, 'title' | 'list' | 'filters'> & { sheets: AnyExportSheet[] }): Promise<void> {
    await streamXlsxSheets(reply, `${request.title}-${shanghaiDateOf(new Date())}.xlsx`, request.sheets, (rows) =>
      this.audit.record(this.prisma, { actor: staffActor(caller), action: 'export.created', entityType: request.list, after: { filters: request.filters, rows } }),
    );
  }
}
