import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { ApprovalStatus, LeadStage, StaffRole } from '../../generated/prisma/enums';
import type { CreateQuoteInput } from '../../contracts/leads.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { NotificationsService } from '../notifications/notifications.service';
import { StaffService } from '../org/staff.service';
import { VehicleModelsService } from '../vehicles/vehicle-models.service';
import { LeadAssignmentService } from './lead-assignment.service';
import { LeadError } from './leads.errors';
import { LeadQueriesService } from './lead-queries.service';
import { leadScopeOf, QUOTE_FIELDS, toQuoteView } from './lead-views';
import { needsApproval, quoteTotals } from './quotes.rules';
import { AuditService, staffActor } from '../../core/audit/audit.service';

@Injectable()
export class QuotesService {
  constructor(
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
    private readonly leads: LeadQueriesService,
    private readonly assignment: LeadAssignmentService,
    private readonly staff: StaffService,
    private readonly notifications: NotificationsService,
    private readonly models: VehicleModelsService,
  ) {}

  async create(caller: StaffCaller, leadId: number, input: CreateQuoteInput) {
    const lead = await this.leads.findInScope(caller, leadId);
    if (lead.stage === LeadStage.DELIVERED || lead.stage === LeadStage.LOST) throw new LeadError('LEAD_CLOSED', '线索已关闭，不能再报价');
    const trim = await this.models.trimPrice(input.trimId);
    if (!trim) throw new LeadError('TRIM_NOT_FOUND', `车型配置 ${input.trimId} 不存在`);
    const totals = quoteTotals(trim.msrpFen, input.lines, input.discountFen);
    if (!totals) throw new LeadError('DISCOUNT_TOO_LARGE', '优惠金额不能超过车价与选装之和', [{ path: 'discountFen', message: '优惠过大' }]);
    const limitBp = await this.assignment.discountLimitBp(lead.storeId);
    const pending = needsApproval(caller.role === StaffRole.CONSULTANT, totals.discountBp, limitBp);
    const managers = pending ? await this.staff.storeManagerIds(lead.storeId) : [];
    const quote = await this.prisma.$transaction(async (tx) => {
      const created = await tx.quote.create({
        data: {
          leadId,
          trimId: trim.id,
          createdById: caller.staffId,
          msrpFen: trim.msrpFen,
          lines: input.lines,
          discountFen: input.discountFen,
          discountBp: totals.discountBp,
          totalFen: totals.totalFen,
          approvalStatus: pending ? ApprovalStatus.PENDING : ApprovalStatus.NOT_REQUIRED,
        },
        select: QUOTE_FIELDS,
      });
      if (pending) {
        await this.notifications.notify(tx, managers, {
          kind: 'DISCOUNT_APPROVAL',
          title: '折扣待审批',
          body: `线索「${lead.name}」的报价优惠 ${(totals.discountBp / 100).toFixed(2)}%，超出顾问权限 ${(limitBp / 100).toFixed(2)}%`,
          leadId,
        });
      }
      return created;
    });
    return toQuoteView(quote);
  }

  async approvals(caller: StaffCaller, status: ApprovalStatus, page: number, pageSize: number) {
    const where: Prisma.QuoteWhereInput = { approvalStatus: status, lead: leadScopeOf(caller) };
    const [rows, total] = await Promise.all([
      this.prisma.quote.findMany({
        where,
        select: { ...QUOTE_FIELDS, lead: { select: { id: true, name: true } } },
        orderBy: [{ createdAt: status === ApprovalStatus.PENDING ? 'asc' : 'desc' }, { id: 'asc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
      this.prisma.quote.count({ where }),
    ]);
    return { items: rows.map(({ lead, ...quote }) => ({ ...toQuoteView(quote), lead })), total, page, pageSize };
  }

  /** Approve or reject once: the conditional update on PENDING decides between two managers clicking together. */
  async decide(caller: StaffCaller, quoteId: number, approve: boolean, note: string | null | undefined) {
    const quote = await this.prisma.quote.findFirst({ where: { id: quoteId, lead: leadScopeOf(caller) }, select: { id: true, leadId: true, createdById: true } });
    if (!quote) throw new LeadError('QUOTE_NOT_FOUND', '报价不存在或无权查看');
    const decided = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.quote.updateMany({
        where: { id: quoteId, approvalStatus: ApprovalStatus.PENDING },
        data: { approvalStatus: approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, decidedById: caller.staffId, decidedAt: new Date(), decisionNote: note ?? null },
      });
      if (updated.count !== 1) return false;
      await this.audit.record(tx, { actor: staffActor(caller), action: 'quote.decided', entityType: 'quote', entityId: quoteId, before: { approvalStatus: ApprovalStatus.PENDING }, after: { approvalStatus: approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, note: note ?? null, leadId: quote.leadId } });
      await this.notifications.notify(tx, [quote.createdById], {
        kind: 'DISCOUNT_DECIDED',
        title: approve ? '折扣已批准' : '折扣被驳回',
        body: note ? `审批意见：${note}` : approve ? '可以按该报价下订' : '请调整报价',
        leadId: quote.leadId,
      });
      return true;
    });
    if (!decided) throw new LeadError('APPROVAL_ALREADY_DECIDED', '该报价不在待审批状态');
    const row = await this.prisma.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { ...QUOTE_FIELDS, lead: { select: { id: true, name: true } } } });
    const { lead, ...rest } = row;
    return { ...toQuoteView(rest), lead };
  }
}
