import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { LeadListQuery } from '../../contracts/leads.contract';
import { AuditService, staffActor } from '../../core/audit/audit.service';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { byIdPages, mapBatches } from '../../core/exports/xlsx-export';
import { shanghaiDateSpan } from '../../core/time/shanghai-time';
import { TasksService } from '../tasks/tasks.service';
import { buildTimeline } from './lead-timeline';
import { LEAD_SUMMARY_FIELDS, leadScopeOf, leadSummary, QUOTE_FIELDS, toQuoteView } from './lead-views';
import { LeadError } from './leads.errors';

/** Reading leads: the list and its export, one lead's file, the full mobile on request; all within the caller's scope. */
@Injectable()
export class LeadQueriesService {
  constructor(
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
    private readonly tasks: TasksService,
  ) {}

  async list(caller: StaffCaller, query: LeadListQuery) {
    const where = this.listWhere(caller, query);
    // Deferred join: page through ids alone (an index-only scan however deep the page), then load those rows.
    const [pageIds, total] = await Promise.all([
      this.prisma.lead.findMany({
        where,
        select: { id: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.prisma.lead.count({ where }),
    ]);
    const rows = await this.prisma.lead.findMany({ where: { id: { in: pageIds.map((row) => row.id) } }, select: LEAD_SUMMARY_FIELDS });
    const rowById = new Map(rows.map((row) => [row.id, row]));
    const items = pageIds.map(({ id }) => leadSummary(rowById.get(id)!, caller));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The list's rows (same filters, same scope, same masking), newest first, a batch at a time, for export. */
  exportBatches(caller: StaffCaller, query: Omit<LeadListQuery, 'page' | 'pageSize'>) {
    const where = this.listWhere(caller, query);
    return mapBatches(
      byIdPages((beforeId, take) => this.prisma.lead.findMany({ where: { AND: [where, beforeId ? { id: { lt: beforeId } } : {}] }, select: LEAD_SUMMARY_FIELDS, orderBy: { id: 'desc' }, take })),
      (row) => leadSummary(row, caller),
    );
  }

  private listWhere(caller: StaffCaller, query: Omit<LeadListQuery, 'page' | 'pageSize'>): Prisma.LeadWhereInput {
    return {
      AND: [
        leadScopeOf(caller),
        query.q ? this.searchFilter(query.q) : {},
        query.stage ? { stage: query.stage } : {},
        query.source ? { source: query.source } : {},
        query.assigneeId ? { assigneeId: query.assigneeId } : {},
        query.storeId ? { storeId: query.storeId } : {},
        { createdAt: shanghaiDateSpan(query.from, query.to) },
      ],
    };
  }

  async detail(caller: StaffCaller, leadId: number) {
    await this.findInScope(caller, leadId);
    const lead = await this.prisma.lead.findUniqueOrThrow({
      where: { id: leadId },
      select: {
        ...LEAD_SUMMARY_FIELDS,
        note: true,
        needs: true,
        testDriveFeedback: true,
        lostReason: true,
        lostNote: true,
        firstContactedAt: true,
        touches: { select: { source: true, channel: true, note: true, createdAt: true } },
        followUps: { select: { type: true, outcome: true, note: true, createdAt: true, staff: { select: { id: true, name: true } } } },
        stageChanges: { select: { fromStage: true, toStage: true, createdAt: true, staff: { select: { id: true, name: true } } } },
        assignments: {
          select: { reason: true, createdAt: true, fromStaff: { select: { name: true } }, toStaff: { select: { name: true } }, byStaff: { select: { id: true, name: true } } },
        },
        tasks: { select: { purpose: true, dueAt: true, status: true, createdAt: true, completedAt: true, assignee: { select: { id: true, name: true } } } },
        quotes: { select: QUOTE_FIELDS, orderBy: { createdAt: 'desc' } },
        order: { select: { id: true, quoteId: true, priceFen: true, financePlan: true, depositFen: true, signedAt: true, createdBy: { select: { id: true, name: true } } } },
        delivery: { select: { vin: true, deliveredAt: true, deliveredBy: { select: { id: true, name: true } } } },
        testDrives: { select: { id: true, startAt: true, status: true, createdAt: true, model: { select: { name: true } } } },
      },
    });
    const { touches, followUps, stageChanges, assignments, tasks, quotes, order, delivery, testDrives, note, needs, testDriveFeedback, lostReason, lostNote, firstContactedAt, ...summaryRow } = lead;
    return {
      ...leadSummary(summaryRow, caller),
      note,
      needs: (needs as { budget?: string; use?: string; concerns?: string } | null) ?? null,
      testDriveFeedback,
      lostReason,
      lostNote,
      firstContactedAt,
      openTasks: await this.tasks.openTasksOfLead(leadId),
      quotes: quotes.map(toQuoteView),
      order: order && { id: order.id, quoteId: order.quoteId, priceFen: order.priceFen, financePlan: order.financePlan, depositFen: order.depositFen, signedAt: order.signedAt },
      delivery: delivery && { vin: delivery.vin, deliveredAt: delivery.deliveredAt },
      timeline: buildTimeline({ touches, followUps, stageChanges, assignments, tasks, quotes, order, delivery, testDrives }),
    };
  }

  /** The lead's full mobile for a role that sees it masked; each look is audited. */
  async revealMobile(caller: StaffCaller, leadId: number) {
    const lead = await this.findInScope(caller, leadId);
    await this.audit.record(this.prisma, { actor: staffActor(caller), action: 'customer.mobile_revealed', entityType: 'lead', entityId: String(lead.id) });
    return { mobile: lead.mobile };
  }

  /** The lead if the caller may see it, else a 404 that does not reveal whether it exists. */
  /** The lead of this mobile already credited to the member as a referral, if any (a referral sent twice). */
  referralOf(referrerCustomerId: number, mobile: string) {
    return this.prisma.lead.findFirst({ where: { referrerCustomerId, mobile }, select: { id: true } });
  }

  /** The friends a member referred, newest first (their 我的推荐 list shows 200). */
  referralsBy(referrerCustomerId: number) {
    return this.prisma.lead.findMany({ where: { referrerCustomerId }, select: { id: true, name: true, mobile: true, stage: true, createdAt: true }, orderBy: { id: 'desc' }, take: 200 });
  }

  async findInScope(caller: StaffCaller, leadId: number) {
    const lead = await this.prisma.lead.findFirst({
      where: { AND: [{ id: leadId }, leadScopeOf(caller)] },
      select: { id: true, name: true, mobile: true, stage: true, storeId: true, assigneeId: true, customerId: true, firstContactedAt: true },
    });
    if (!lead) throw new LeadError('LEAD_NOT_FOUND', '线索不存在或无权查看');
    return lead;
  }

  private searchFilter(q: string): Prisma.LeadWhereInput {
    if (/^\d{11}$/.test(q)) return { mobile: q };
    if (/^\d+$/.test(q)) return { mobile: { contains: q } };
    // A prefix search (surname, or the start of the name) uses the name index at any volume.
    return { name: { startsWith: q } };
  }
}
