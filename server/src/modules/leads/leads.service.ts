import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { AssignmentReason, LeadSource, LeadStage, TaskKind, TaskStatus } from '../../generated/prisma/enums';
import type { ChangeStageInput, CreateLeadInput, LeadListQuery, LogFollowUpInput } from '../../contracts/leads.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, scopedWhere, worksInStore } from '../../core/auth/data-scope';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation, retryOnConflict } from '../../core/database/prisma-errors';
import { shanghaiDateSpan, shanghaiDay } from '../../core/time/shanghai-time';
import { CustomersService } from '../customers/customers.service';
import { DomainEventType, raiseEvent } from '../../core/events/domain-events';
import { VehicleError } from '../vehicles/vehicles.errors';
import { VehiclesService } from '../vehicles/vehicles.service';
import { NotificationsService } from '../notifications/notifications.service';
import { StaffService } from '../org/staff.service';
import { TASK_FIELDS, TasksService } from '../tasks/tasks.service';
import { isValidVin } from '../../contracts/vin.rules';
import { LeadAssignmentService } from './lead-assignment.service';
import { canMoveStage, openLeadKey, stageDataProblems } from '../../contracts/lead-stages.rules';
import { SOURCE_LABELS, STAGE_LABELS } from './lead-labels';
import { buildTimeline } from './lead-timeline';
import { LeadError } from './leads.errors';
import { AuditService, staffActor } from '../../core/audit/audit.service';
import { byIdPages, mapBatches } from '../../core/exports/xlsx-export';

const FIRST_CONTACT_WITHIN_MS = 2 * 60 * 60 * 1000;
const CLOSED_STAGES: LeadStage[] = [LeadStage.DELIVERED, LeadStage.LOST];

export const LEAD_SUMMARY_FIELDS = {
  id: true,
  name: true,
  mobile: true,
  source: true,
  stage: true,
  budgetMinFen: true,
  budgetMaxFen: true,
  customerId: true,
  nextFollowUpAt: true,
  lastContactedAt: true,
  createdAt: true,
  store: { select: { id: true, name: true } },
  intendedModel: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.LeadSelect;

type LeadSummaryRow = Prisma.LeadGetPayload<{ select: typeof LEAD_SUMMARY_FIELDS }>;

type Db = Prisma.TransactionClient | PrismaService;

/** A lead from an Excel import, checked row by row before it gets here. */
export interface ImportedLeadInput {
  name: string;
  mobile: string;
  storeId: number;
  source: LeadSource;
  intendedModelId: number | null;
  assigneeId: number | null;
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
  note: string | null;
}

/**
 * A capture as the server makes it. The referrer is not in the staff contract: only the referral rules
 * (ReferralsService, a booking with a share code) name one, after checking the referrer may earn.
 */
export type CaptureLeadInput = CreateLeadInput & { referrerCustomerId?: number | null };

/** Where a capture came from when it is not a staff member typing it in. */
export interface CaptureOrigin {
  caller?: StaffCaller;
  channel?: string;
  externalId?: string;
}

@Injectable()
export class LeadsService {
  constructor(
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
    private readonly customers: CustomersService,
    private readonly assignment: LeadAssignmentService,
    private readonly tasks: TasksService,
    private readonly notifications: NotificationsService,
    private readonly staff: StaffService,
    private readonly vehicles: VehiclesService,
  ) {}

  /**
   * Captures a lead. The same person (mobile) at the same store while a lead is open joins that lead
   * (the touch and its source are logged): the unique open-lead key decides, even for simultaneous captures.
   */
  async capture(input: CaptureLeadInput, origin: CaptureOrigin): Promise<{ lead: LeadSummaryRow; joined: boolean }> {
    const store = await this.prisma.store.findFirst({ where: { id: input.storeId, active: true }, select: { id: true, regionId: true } });
    if (!store || (origin.caller && !worksInStore(origin.caller, store))) throw new LeadError('STORE_NOT_FOUND', `门店 ${input.storeId} 不存在或无权操作`);
    if (input.intendedModelId && !(await this.prisma.vehicleModel.findUnique({ where: { id: input.intendedModelId }, select: { id: true } }))) {
      throw new LeadError('MODEL_NOT_FOUND', `车型 ${input.intendedModelId} 不存在`);
    }
    if (origin.channel && origin.externalId) {
      const replay = await this.leadOfDelivery(origin.channel, origin.externalId);
      if (replay) return { lead: replay, joined: true };
    }
    const customer = await this.customers.findOrCreateByMobile(input.mobile, input.name);
    const openKey = openLeadKey(customer.id, store.id);
    const existing = await this.prisma.lead.findUnique({ where: { openKey }, select: { id: true } });
    if (existing) return this.join(existing.id, input, origin);
    try {
      return { lead: await this.createLead(input, origin, customer.id, openKey), joined: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.prisma.lead.findUnique({ where: { openKey }, select: { id: true } });
      if (winner) return this.join(winner.id, input, origin);
      const replay = origin.channel && origin.externalId ? await this.leadOfDelivery(origin.channel, origin.externalId) : null;
      if (replay) return { lead: replay, joined: true };
      throw error;
    }
  }

  /**
   * A capture typed in by staff. Joining an open lead the caller may not see (an own-scope consultant meeting a
   * colleague's customer) answers only that it joined and which lead: the customer's details and the
   * colleague's name stay with those whose scope holds the lead. The touch is logged on it all the same.
   */
  async captureByStaff(caller: StaffCaller, input: CreateLeadInput) {
    const { lead, joined } = await this.capture(input, { caller });
    if (joined && (await this.prisma.lead.count({ where: { AND: [{ id: lead.id }, this.scopeOf(caller)] } })) === 0) return { joined, leadId: lead.id };
    return { ...this.summary(lead, caller), joined };
  }

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
    const items = pageIds.map(({ id }) => this.summary(rowById.get(id)!, caller));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The list's rows (same filters, same scope, same masking), newest first, a batch at a time, for export. */
  exportBatches(caller: StaffCaller, query: Omit<LeadListQuery, 'page' | 'pageSize'>) {
    const where = this.listWhere(caller, query);
    return mapBatches(
      byIdPages((beforeId, take) => this.prisma.lead.findMany({ where: { AND: [where, beforeId ? { id: { lt: beforeId } } : {}] }, select: LEAD_SUMMARY_FIELDS, orderBy: { id: 'desc' }, take })),
      (row) => this.summary(row, caller),
    );
  }

  private listWhere(caller: StaffCaller, query: Omit<LeadListQuery, 'page' | 'pageSize'>): Prisma.LeadWhereInput {
    return {
      AND: [
        this.scopeOf(caller),
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
      ...this.summary(summaryRow, caller),
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

  async logFollowUp(caller: StaffCaller, leadId: number, input: LogFollowUpInput) {
    await this.findInScope(caller, leadId);
    return this.logFollowUpUnscoped(caller, leadId, input);
  }

  private async logFollowUpUnscoped(caller: StaffCaller, leadId: number, input: LogFollowUpInput) {
    const lead = await this.prisma.lead.findUniqueOrThrow({ where: { id: leadId }, select: { assigneeId: true, firstContactedAt: true } });
    const now = new Date();
    if (input.nextFollowUp && new Date(input.nextFollowUp.dueAt) <= now) {
      throw new LeadError('NEXT_FOLLOW_UP_REQUIRED', '下次跟进时间必须晚于现在', [{ path: 'nextFollowUp.dueAt', message: '下次跟进时间必须晚于现在' }]);
    }
    return this.prisma.$transaction(async (tx) => {
      // Follow-ups on one lead take turns: two at once both closed and added its tasks, and MySQL aborted one as a
      // deadlock victim (a 500 the fuzz test found).
      await tx.$queryRaw`SELECT id FROM leads WHERE id = ${leadId} FOR UPDATE`;
      const followUp = await tx.followUp.create({
        data: { leadId, staffId: caller.staffId, type: input.type, outcome: input.outcome, note: input.note ?? null },
        select: { id: true, type: true, outcome: true, note: true, createdAt: true },
      });
      // A contact fulfils the first-contact task and whatever was due by the end of today.
      await this.tasks.closeOpenTasksOfLead(tx, leadId, TaskStatus.DONE, shanghaiDay(now).end);
      let nextTask = null;
      if (input.nextFollowUp) {
        const created = await this.tasks.create(tx, {
          leadId,
          assigneeId: lead.assigneeId ?? caller.staffId,
          createdById: caller.staffId,
          kind: TaskKind.FOLLOW_UP,
          purpose: input.nextFollowUp.purpose,
          dueAt: new Date(input.nextFollowUp.dueAt),
        });
        nextTask = await tx.task.findUniqueOrThrow({ where: { id: created.id }, select: TASK_FIELDS });
      }
      await tx.lead.update({
        where: { id: leadId },
        data: {
          lastContactedAt: now,
          ...(lead.firstContactedAt ? {} : { firstContactedAt: now }),
          nextFollowUpAt: await this.tasks.earliestOpenDueAt(tx, leadId),
        },
        select: { id: true },
      });
      return { followUp, nextTask };
    });
  }

  async changeStage(caller: StaffCaller, leadId: number, input: ChangeStageInput) {
    await this.findInScope(caller, leadId);
    await this.applyStageChange(caller, leadId, input);
    return this.detail(caller, leadId);
  }

  /**
   * After a test drive the lead moves to TEST_DRIVEN with the feedback; a lead already further along keeps
   * its stage and gets the feedback as a visit follow-up. The caller acted on the store's drive board,
   * which may be a colleague's lead, so the lead's own scope is not required here.
   */
  async recordTestDrive(caller: StaffCaller, leadId: number, feedback: string, nextFollowUp: { dueAt: string; purpose: string }) {
    const lead = await this.prisma.lead.findUniqueOrThrow({ where: { id: leadId }, select: { stage: true } });
    if (canMoveStage(lead.stage, LeadStage.TEST_DRIVEN)) {
      await this.applyStageChange(caller, leadId, { stage: LeadStage.TEST_DRIVEN, testDriveFeedback: feedback, nextFollowUp });
    } else {
      await this.logFollowUpUnscoped(caller, leadId, { type: 'VISIT', outcome: '完成试驾', note: feedback, nextFollowUp });
    }
  }

  private async applyStageChange(caller: StaffCaller, leadId: number, input: ChangeStageInput) {
    const now = new Date();
    await retryOnConflict(() => this.prisma.$transaction(async (tx) => {
      // The row lock serialises two stage changes of one lead; each sees the other's result.
      const [locked] = await tx.$queryRaw<Array<{ stage: LeadStage; customerId: number; storeId: number; assigneeId: number | null }>>`
        SELECT stage, customer_id AS customerId, store_id AS storeId, assignee_id AS assigneeId FROM leads WHERE id = ${leadId} FOR UPDATE`;
      const to = input.stage;
      if (!canMoveStage(locked.stage, to)) {
        throw new LeadError('STAGE_TRANSITION_INVALID', `不能从「${STAGE_LABELS[locked.stage]}」变更为「${STAGE_LABELS[to]}」`);
      }
      const problems = stageDataProblems(to, input, now);
      if (problems.length > 0) {
        throw new LeadError(problems[0].code, problems.map((problem) => problem.message).join('；'), problems.map(({ path, message }) => ({ path, message })));
      }
      const data: Prisma.LeadUpdateInput = { stage: to };
      if (to === LeadStage.CONTACTED) data.needs = input.needs ?? undefined;
      if (to === LeadStage.TEST_DRIVEN) data.testDriveFeedback = input.testDriveFeedback;
      if (to === LeadStage.QUOTED && (await tx.quote.count({ where: { leadId } })) === 0) {
        throw new LeadError('STAGE_DATA_REQUIRED', '请先为客户创建报价', [{ path: 'quote', message: '请先创建报价' }]);
      }
      if (to === LeadStage.ORDERED) {
        await this.placeOrder(tx, caller, leadId, input.order!, now);
        data.orderedAt = now;
      }
      if (to === LeadStage.DELIVERED) {
        await this.deliver(tx, caller, { id: leadId, customerId: locked.customerId, storeId: locked.storeId, assigneeId: locked.assigneeId }, input.delivery!, now);
        data.deliveredAt = now;
        data.openKey = null;
      }
      if (to === LeadStage.LOST) {
        Object.assign(data, { lostReason: input.lostReason, lostNote: input.lostNote ?? null, lostAt: now, openKey: null });
      }
      if (locked.stage === LeadStage.LOST) {
        Object.assign(data, { lostReason: null, lostNote: null, lostAt: null, openKey: openLeadKey(locked.customerId, locked.storeId) });
      }

      const closing = CLOSED_STAGES.includes(to);
      await this.tasks.closeOpenTasksOfLead(tx, leadId, to === LeadStage.LOST ? TaskStatus.CANCELLED : TaskStatus.DONE);
      if (!closing && input.nextFollowUp) {
        await this.tasks.create(tx, {
          leadId,
          assigneeId: locked.assigneeId ?? caller.staffId,
          createdById: caller.staffId,
          kind: TaskKind.FOLLOW_UP,
          purpose: input.nextFollowUp.purpose,
          dueAt: new Date(input.nextFollowUp.dueAt),
        });
      }
      data.nextFollowUpAt = closing ? null : await this.tasks.earliestOpenDueAt(tx, leadId);
      try {
        await tx.lead.update({ where: { id: leadId }, data, select: { id: true } });
      } catch (error) {
        if (isUniqueViolation(error)) throw new LeadError('OPEN_LEAD_EXISTS', '该客户在本店已有进行中的线索，不能重新激活');
        throw error;
      }
      await tx.leadStageChange.create({ data: { leadId, fromStage: locked.stage, toStage: to, staffId: caller.staffId } });
      await this.audit.record(tx, {
        actor: staffActor(caller),
        action: 'lead.stage_changed',
        entityType: 'lead',
        entityId: leadId,
        before: { stage: locked.stage },
        after: { stage: to, ...(to === LeadStage.LOST ? { lostReason: input.lostReason ?? null } : {}) },
      });
    }));
  }

  async assign(caller: StaffCaller, leadId: number, staffId: number) {
    const lead = await this.findInScope(caller, leadId);
    await this.staff.findInScopeOrFail(caller, staffId);
    const consultant = await this.staff.activeConsultantOfStore(staffId, lead.storeId);
    if (!consultant) throw new LeadError('ASSIGNEE_INVALID', '只能分配给本店在职的销售顾问', [{ path: 'staffId', message: '不是本店在职的销售顾问' }]);
    if (lead.assigneeId !== staffId) {
      await this.prisma.$transaction(async (tx) => {
        await tx.lead.update({ where: { id: leadId }, data: { assigneeId: staffId }, select: { id: true } });
        await this.tasks.reassignOpenTasksOfLeads(tx, [leadId], staffId);
        await tx.leadAssignment.create({ data: { leadId, fromStaffId: lead.assigneeId, toStaffId: staffId, reason: AssignmentReason.MANUAL, byStaffId: caller.staffId } });
        await this.notifications.notify(tx, [staffId], { kind: 'LEAD_ASSIGNED', title: '新线索分配给你', body: `线索「${lead.name}」已改派给你`, leadId });
        await this.audit.record(tx, { actor: staffActor(caller), action: 'lead.reassigned', entityType: 'lead', entityId: leadId, before: { assigneeId: lead.assigneeId }, after: { assigneeId: staffId } });
      });
    }
    return this.detail(caller, leadId);
  }

  /**
   * A leaving consultant's open leads and open tasks move, in one transaction, to one colleague or
   * one by one by the store's rule. The history stays; every move is logged.
   */
  async handover(caller: StaffCaller, fromStaffId: number, toStaffId: number | null | undefined) {
    const from = await this.staff.findInScopeOrFail(caller, fromStaffId);
    if (toStaffId) {
      await this.staff.findInScopeOrFail(caller, toStaffId);
      const target = toStaffId === fromStaffId || !from.storeId ? null : await this.staff.activeConsultantOfStore(toStaffId, from.storeId);
      if (!target) throw new LeadError('ASSIGNEE_INVALID', '接手人必须是同店在职的其他销售顾问', [{ path: 'toStaffId', message: '不是同店在职的其他销售顾问' }]);
    }
    if (from.storeId) await this.assignment.ensureSettings(from.storeId);
    return this.prisma.$transaction(
      async (tx) => {
        await tx.staff.update({ where: { id: fromStaffId }, data: { onDuty: false }, select: { id: true } });
        const leads = await tx.lead.findMany({
          where: { assigneeId: fromStaffId, stage: { notIn: CLOSED_STAGES } },
          select: { id: true, storeId: true, intendedModelId: true, name: true },
          orderBy: { id: 'asc' },
        });
        let movedTasks = 0;
        const received = new Map<number, number>();
        for (const lead of leads) {
          const receiver = toStaffId ?? (await this.assignment.pickAssignee(tx, lead.storeId, lead.intendedModelId, [fromStaffId]));
          if (receiver === null) throw new LeadError('NO_CONSULTANT_AVAILABLE', '没有可接手的在岗销售顾问（或均已达上限），请指定接手人');
          await tx.lead.update({ where: { id: lead.id }, data: { assigneeId: receiver }, select: { id: true } });
          movedTasks += await this.tasks.reassignOpenTasksOfLeads(tx, [lead.id], receiver);
          await tx.leadAssignment.create({ data: { leadId: lead.id, fromStaffId, toStaffId: receiver, reason: AssignmentReason.HANDOVER, byStaffId: caller.staffId } });
          received.set(receiver, (received.get(receiver) ?? 0) + 1);
        }
        for (const [receiver, count] of received) {
          await this.notifications.notify(tx, [receiver], { kind: 'LEADS_HANDED_OVER', title: '离职交接', body: `${from.name} 的 ${count} 条线索已交接给你` });
        }
        await this.audit.record(tx, {
          actor: staffActor(caller),
          action: 'lead.handover',
          entityType: 'staff',
          entityId: fromStaffId,
          after: { toStaffId: toStaffId ?? null, receivers: Object.fromEntries(received), movedLeads: leads.length, movedTasks },
        });
        return { movedLeads: leads.length, movedTasks };
      },
      { timeout: 120_000 },
    );
  }

  /**
   * A test-drive booking brings the lead to at least INVITED and gives its consultant a task to receive the
   * customer; the system makes the move, so no staff member is recorded on it.
   */
  async inviteForTestDrive(leadId: number, startAt: Date, modelName: string): Promise<void> {
    await retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        const [locked] = await tx.$queryRaw<Array<{ stage: LeadStage; assigneeId: number | null; name: string }>>`
          SELECT stage, assignee_id AS assigneeId, name FROM leads WHERE id = ${leadId} FOR UPDATE`;
        if (locked.assigneeId) {
          await this.tasks.create(tx, { leadId, assigneeId: locked.assigneeId, createdById: null, kind: TaskKind.FOLLOW_UP, purpose: `接待试驾：${modelName}`, dueAt: startAt });
          await this.notifications.notify(tx, [locked.assigneeId], { kind: 'TEST_DRIVE_BOOKED', title: '新的试驾预约', body: `客户「${locked.name}」预约试驾 ${modelName}`, leadId });
        }
        const moveToInvited = locked.stage === LeadStage.NEW || locked.stage === LeadStage.CONTACTED;
        if (moveToInvited) {
          await tx.leadStageChange.create({ data: { leadId, fromStage: locked.stage, toStage: LeadStage.INVITED, staffId: null } });
        }
        await tx.lead.update({
          where: { id: leadId },
          data: { ...(moveToInvited ? { stage: LeadStage.INVITED } : {}), nextFollowUpAt: await this.tasks.earliestOpenDueAt(tx, leadId) },
          select: { id: true },
        });
      }),
    );
  }

  /** Which of these people (mobile at a store) have an open lead there: a set of "mobile:storeId". */
  async openLeadsOf(db: Db, people: Array<{ mobile: string; storeId: number }>): Promise<Set<string>> {
    const customerIds = await this.customers.idsByMobile(db, people.map((person) => person.mobile));
    const keyOf = new Map<string, string>();
    for (const { mobile, storeId } of people) {
      const customerId = customerIds.get(mobile);
      if (customerId) keyOf.set(openLeadKey(customerId, storeId), `${mobile}:${storeId}`);
    }
    if (keyOf.size === 0) return new Set();
    const open = await db.lead.findMany({ where: { openKey: { in: [...keyOf.keys()] } }, select: { openKey: true } });
    return new Set(open.map((lead) => keyOf.get(lead.openKey!)!));
  }

  /**
   * Creates imported leads in the caller's transaction, a batch at a time, with what createLead() writes for
   * each: the customer found or created by mobile, the first touch, the NEW stage change, the assignment and,
   * for an assigned lead, the first-contact task (one notice per consultant for the batch). A person who
   * already has an open lead at the store is skipped: re-importing a file creates nothing.
   */
  async importLeads(tx: Prisma.TransactionClient, caller: StaffCaller, rows: ImportedLeadInput[], now: Date): Promise<{ created: number; skipped: number }> {
    if (rows.length === 0) return { created: 0, skipped: 0 };
    const customerIds = await this.customers.findOrCreateManyByMobile(tx, rows.map((row) => ({ mobile: row.mobile, name: row.name })));
    const keyed = rows.map((row) => ({ row, openKey: openLeadKey(customerIds.get(row.mobile)!, row.storeId) }));
    const open = new Set((await tx.lead.findMany({ where: { openKey: { in: keyed.map((entry) => entry.openKey) } }, select: { openKey: true } })).map((lead) => lead.openKey));
    const fresh = keyed.filter((entry) => !open.has(entry.openKey));
    if (fresh.length === 0) return { created: 0, skipped: rows.length };
    const firstContactDue = new Date(now.getTime() + FIRST_CONTACT_WITHIN_MS);
    await tx.lead.createMany({
      data: fresh.map(({ row, openKey }) => ({
        customerId: customerIds.get(row.mobile)!,
        storeId: row.storeId,
        assigneeId: row.assigneeId,
        name: row.name,
        mobile: row.mobile,
        source: row.source,
        intendedModelId: row.intendedModelId,
        budgetMinFen: row.budgetMinFen,
        budgetMaxFen: row.budgetMaxFen,
        note: row.note,
        openKey,
        nextFollowUpAt: row.assigneeId ? firstContactDue : null,
        createdAt: now,
      })),
    });
    const created = await tx.lead.findMany({ where: { openKey: { in: fresh.map((entry) => entry.openKey) } }, select: { id: true, openKey: true } });
    const leadIdOf = new Map(created.map((lead) => [lead.openKey!, lead.id]));
    const leads = fresh.map(({ row, openKey }) => ({ row, leadId: leadIdOf.get(openKey)! }));
    await tx.leadTouch.createMany({ data: leads.map(({ row, leadId }) => ({ leadId, source: row.source, note: row.note, createdAt: now })) });
    await tx.leadStageChange.createMany({ data: leads.map(({ leadId }) => ({ leadId, fromStage: null, toStage: LeadStage.NEW, staffId: caller.staffId, createdAt: now })) });
    await tx.leadAssignment.createMany({
      data: leads.map(({ row, leadId }) => ({
        leadId,
        fromStaffId: null,
        toStaffId: row.assigneeId,
        // The file named the consultant: the importer chose them. No name: nobody yet, the pool.
        reason: row.assigneeId ? AssignmentReason.MANUAL : AssignmentReason.AUTO,
        byStaffId: caller.staffId,
        createdAt: now,
      })),
    });
    const assigned = leads.filter(({ row }) => row.assigneeId !== null);
    await this.tasks.createMany(
      tx,
      assigned.map(({ row, leadId }) => ({ leadId, assigneeId: row.assigneeId!, createdById: null, kind: TaskKind.FIRST_CONTACT, purpose: '首次联系客户', dueAt: firstContactDue })),
    );
    const perConsultant = new Map<number, number>();
    for (const { row } of assigned) perConsultant.set(row.assigneeId!, (perConsultant.get(row.assigneeId!) ?? 0) + 1);
    for (const [staffId, count] of perConsultant) {
      await this.notifications.notify(tx, [staffId], { kind: 'LEAD_ASSIGNED', title: '新线索', body: `导入的 ${count} 条线索已分配给你，请 2 小时内首次联系` });
    }
    return { created: fresh.length, skipped: rows.length - fresh.length };
  }

  /** The lead's full mobile for a role that sees it masked; each look is audited. */
  async revealMobile(caller: StaffCaller, leadId: number) {
    const lead = await this.findInScope(caller, leadId);
    await this.audit.record(this.prisma, { actor: staffActor(caller), action: 'customer.mobile_revealed', entityType: 'lead', entityId: String(lead.id) });
    return { mobile: lead.mobile };
  }

  /** The lead if the caller may see it, else a 404 that does not reveal whether it exists. */
  async findInScope(caller: StaffCaller, leadId: number) {
    const lead = await this.prisma.lead.findFirst({
      where: { AND: [{ id: leadId }, this.scopeOf(caller)] },
      select: { id: true, name: true, mobile: true, stage: true, storeId: true, assigneeId: true, customerId: true, firstContactedAt: true },
    });
    if (!lead) throw new LeadError('LEAD_NOT_FOUND', '线索不存在或无权查看');
    return lead;
  }

  scopeOf(caller: StaffCaller): Prisma.LeadWhereInput {
    return scopedWhere<Prisma.LeadWhereInput>(dataScopeOf(caller), {
      own: (staffId) => ({ assigneeId: staffId }),
      store: (storeId) => ({ storeId }),
      region: (regionId) => ({ store: { regionId } }),
    });
  }

  summary(row: LeadSummaryRow, caller: StaffCaller | null) {
    const { store, intendedModel, assignee, budgetMinFen, budgetMaxFen, customerId, mobile, ...rest } = row;
    return {
      ...rest,
      mobile: caller ? customerMobileFor(caller.role, mobile) : mobile,
      store,
      intendedModel,
      assignedTo: assignee,
      budgetMin: budgetMinFen,
      budgetMax: budgetMaxFen,
      customer: { id: customerId },
    };
  }

  private searchFilter(q: string): Prisma.LeadWhereInput {
    if (/^\d{11}$/.test(q)) return { mobile: q };
    if (/^\d+$/.test(q)) return { mobile: { contains: q } };
    // A prefix search (surname, or the start of the name) uses the name index at any volume.
    return { name: { startsWith: q } };
  }

  private async createLead(input: CaptureLeadInput, origin: CaptureOrigin, customerId: number, openKey: string): Promise<LeadSummaryRow> {
    const now = new Date();
    await this.assignment.ensureSettings(input.storeId);
    return retryOnConflict(() => this.prisma.$transaction(async (tx) => {
      const assigneeId = await this.assignment.pickAssignee(tx, input.storeId, input.intendedModelId ?? null);
      const lead = await tx.lead.create({
        data: {
          customerId,
          storeId: input.storeId,
          assigneeId,
          name: input.name,
          mobile: input.mobile,
          source: input.source,
          intendedModelId: input.intendedModelId ?? null,
          budgetMinFen: input.budgetMin ?? null,
          budgetMaxFen: input.budgetMax ?? null,
          note: input.note ?? null,
          referrerCustomerId: input.referrerCustomerId ?? null,
          openKey,
          nextFollowUpAt: assigneeId ? new Date(now.getTime() + FIRST_CONTACT_WITHIN_MS) : null,
        },
        select: { id: true },
      });
      await tx.leadTouch.create({ data: { leadId: lead.id, source: input.source, channel: origin.channel ?? null, externalId: origin.externalId ?? null, note: input.note ?? null } });
      await tx.leadStageChange.create({ data: { leadId: lead.id, fromStage: null, toStage: LeadStage.NEW, staffId: origin.caller?.staffId ?? null } });
      await tx.leadAssignment.create({ data: { leadId: lead.id, fromStaffId: null, toStaffId: assigneeId, reason: AssignmentReason.AUTO, byStaffId: origin.caller?.staffId ?? null } });
      if (assigneeId) {
        await this.tasks.create(tx, {
          leadId: lead.id,
          assigneeId,
          createdById: null,
          kind: TaskKind.FIRST_CONTACT,
          purpose: '首次联系客户',
          dueAt: new Date(now.getTime() + FIRST_CONTACT_WITHIN_MS),
        });
        await this.notifications.notify(tx, [assigneeId], { kind: 'LEAD_ASSIGNED', title: '新线索', body: `新线索「${input.name}」（${SOURCE_LABELS[input.source]}），请 2 小时内首次联系`, leadId: lead.id });
      }
      return tx.lead.findUniqueOrThrow({ where: { id: lead.id }, select: LEAD_SUMMARY_FIELDS });
    }));
  }

  private async join(leadId: number, input: CreateLeadInput, origin: CaptureOrigin): Promise<{ lead: LeadSummaryRow; joined: boolean }> {
    try {
      await this.prisma.leadTouch.create({ data: { leadId, source: input.source, channel: origin.channel ?? null, externalId: origin.externalId ?? null, note: input.note ?? null } });
    } catch (error) {
      // The same webhook delivery twice: already recorded.
      if (!isUniqueViolation(error)) throw error;
    }
    return { lead: await this.prisma.lead.findUniqueOrThrow({ where: { id: leadId }, select: LEAD_SUMMARY_FIELDS }), joined: true };
  }

  private async leadOfDelivery(channel: string, externalId: string): Promise<LeadSummaryRow | null> {
    const touch = await this.prisma.leadTouch.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { leadId: true } });
    return touch ? this.prisma.lead.findUniqueOrThrow({ where: { id: touch.leadId }, select: LEAD_SUMMARY_FIELDS }) : null;
  }

  private async placeOrder(tx: Prisma.TransactionClient, caller: StaffCaller, leadId: number, order: NonNullable<ChangeStageInput['order']>, now: Date) {
    const quote = await tx.quote.findFirst({ where: { id: order.quoteId, leadId }, select: { id: true, trimId: true, totalFen: true, approvalStatus: true } });
    if (!quote) throw new LeadError('QUOTE_NOT_FOUND', '报价不存在', [{ path: 'order.quoteId', message: '报价不存在' }]);
    if (quote.approvalStatus === 'PENDING' || quote.approvalStatus === 'REJECTED') {
      throw new LeadError('QUOTE_NOT_APPROVED', quote.approvalStatus === 'PENDING' ? '该报价的折扣尚待店总审批，不能下订' : '该报价的折扣未获批准，不能下订');
    }
    await tx.salesOrder.deleteMany({ where: { leadId } });
    await tx.salesOrder.create({
      data: { leadId, quoteId: quote.id, trimId: quote.trimId, createdById: caller.staffId, priceFen: quote.totalFen, financePlan: order.financePlan ?? null, depositFen: order.depositFen, signedAt: now },
    });
  }

  /** Delivery closes the sale: the checklist is recorded, the car's file is opened and the customer becomes an owner. */
  private async deliver(
    tx: Prisma.TransactionClient,
    caller: StaffCaller,
    lead: { id: number; customerId: number; storeId: number; assigneeId: number | null },
    delivery: NonNullable<ChangeStageInput['delivery']>,
    now: Date,
  ) {
    if (!isValidVin(delivery.vin)) {
      throw new LeadError('STAGE_DATA_REQUIRED', 'VIN 无效：须为 17 位（不含 I、O、Q）且校验位正确', [{ path: 'delivery.vin', message: 'VIN 无效' }]);
    }
    const order = await tx.salesOrder.findUnique({ where: { leadId: lead.id }, select: { id: true, trimId: true, priceFen: true, financePlan: true, trim: { select: { modelId: true } } } });
    if (!order) throw new LeadError('STAGE_DATA_REQUIRED', '交车前须有订单', [{ path: 'order', message: '缺少订单' }]);
    try {
      await tx.delivery.create({
        data: {
          leadId: lead.id,
          orderId: order.id,
          vin: delivery.vin,
          pdiDone: delivery.pdiDone,
          insuranceDone: delivery.insuranceDone,
          temporaryPlateDone: delivery.temporaryPlateDone,
          handoverDone: delivery.handoverDone,
          deliveredById: caller.staffId,
          deliveredAt: now,
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new LeadError('VIN_ALREADY_DELIVERED', `VIN ${delivery.vin} 已交付过`);
      throw error;
    }
    try {
      await this.vehicles.createFromDelivery(
        tx,
        {
          vin: delivery.vin,
          customerId: lead.customerId,
          storeId: lead.storeId,
          soldById: lead.assigneeId,
          orderId: order.id,
          modelId: order.trim.modelId,
          trimId: order.trimId,
          priceFen: order.priceFen,
          financePlan: order.financePlan,
          insuranceDone: delivery.insuranceDone,
          staffId: caller.staffId,
        },
        now,
      );
    } catch (error) {
      if (error instanceof VehicleError && error.code === 'VEHICLE_EXISTS') throw new LeadError('VIN_ALREADY_DELIVERED', `VIN ${delivery.vin} 已有车辆档案`, [{ path: 'delivery.vin', message: '该车架号已建档' }]);
      throw error;
    }
    await this.customers.markOwner(tx, lead.customerId, now);
    const { referrerCustomerId } = await tx.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { referrerCustomerId: true } });
    await raiseEvent(tx, DomainEventType.LEAD_DELIVERED, lead.id, { leadId: lead.id, customerId: lead.customerId, referrerCustomerId, orderId: order.id, priceFen: order.priceFen }, now);
  }
}

export const QUOTE_FIELDS = {
  id: true,
  leadId: true,
  msrpFen: true,
  lines: true,
  discountFen: true,
  discountBp: true,
  totalFen: true,
  approvalStatus: true,
  decidedAt: true,
  decisionNote: true,
  createdAt: true,
  trim: { select: { id: true, name: true, model: { select: { name: true } } } },
  createdBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
} satisfies Prisma.QuoteSelect;

export type QuoteRow = Prisma.QuoteGetPayload<{ select: typeof QUOTE_FIELDS }>;

export function toQuoteView(quote: QuoteRow) {
  const { trim, lines, ...rest } = quote;
  return {
    ...rest,
    trim: { id: trim.id, name: trim.name, modelName: trim.model.name },
    lines: lines as Array<{ kind: 'OPTION' | 'FEE'; name: string; amountFen: number }>,
  };
}
