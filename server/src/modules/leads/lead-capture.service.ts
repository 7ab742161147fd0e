import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { AssignmentReason, LeadSource, LeadStage, TaskKind } from '../../generated/prisma/enums';
import type { CreateLeadInput } from '../../contracts/leads.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { worksInStore } from '../../core/auth/data-scope';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation, retryOnConflict } from '../../core/database/prisma-errors';
import { CustomersService } from '../customers/customers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { StoresService } from '../org/stores.service';
import { TasksService } from '../tasks/tasks.service';
import { VehicleModelsService } from '../vehicles/vehicle-models.service';
import { LeadAssignmentService } from './lead-assignment.service';
import { SOURCE_LABELS } from './lead-labels';
import { openLeadKey } from '../../contracts/lead-stages.rules';
import { LEAD_SUMMARY_FIELDS, leadScopeOf, leadSummary, type LeadSummaryRow } from './lead-views';
import { LeadError } from './leads.errors';

const FIRST_CONTACT_WITHIN_MS = 2 * 60 * 60 * 1000;

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

/**
 * How a lead comes in: typed in by staff, from a portal's webhook, a test-drive booking, a referral or an
 * import. The same person at the same store while a lead is open joins it; a new lead gets its consultant
 * by the store's rule and a first-contact task.
 */
@Injectable()
export class LeadCaptureService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly customers: CustomersService,
    private readonly assignment: LeadAssignmentService,
    private readonly tasks: TasksService,
    private readonly notifications: NotificationsService,
    private readonly stores: StoresService,
    private readonly models: VehicleModelsService,
  ) {}

  /**
   * Captures a lead. The same person (mobile) at the same store while a lead is open joins that lead
   * (the touch and its source are logged): the unique open-lead key decides, even for simultaneous captures.
   */
  async capture(input: CaptureLeadInput, origin: CaptureOrigin): Promise<{ lead: LeadSummaryRow; joined: boolean }> {
    const store = await this.stores.activeStore(input.storeId);
    if (!store || (origin.caller && !worksInStore(origin.caller, store))) throw new LeadError('STORE_NOT_FOUND', `门店 ${input.storeId} 不存在或无权操作`);
    if (input.intendedModelId && (await this.models.countModels([input.intendedModelId])) === 0) {
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
    if (joined && (await this.prisma.lead.count({ where: { AND: [{ id: lead.id }, leadScopeOf(caller)] } })) === 0) return { joined, leadId: lead.id };
    return { ...leadSummary(lead, caller), joined };
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
}
