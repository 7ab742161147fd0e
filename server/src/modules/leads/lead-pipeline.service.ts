import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { LeadStage, TaskKind, TaskStatus } from '../../generated/prisma/enums';
import type { ChangeStageInput, LogFollowUpInput } from '../../contracts/leads.contract';
import { AuditService, staffActor } from '../../core/audit/audit.service';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation, retryOnConflict } from '../../core/database/prisma-errors';
import { DomainEventType, raiseEvent } from '../../core/events/domain-events';
import { shanghaiDay } from '../../core/time/shanghai-time';
import { CustomersService } from '../customers/customers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { TasksService } from '../tasks/tasks.service';
import { VehicleError } from '../vehicles/vehicles.errors';
import { VehicleRegistrationService } from '../vehicles/vehicle-registration.service';
import { isValidVin } from '../../contracts/vin.rules';
import { STAGE_LABELS } from './lead-labels';
import { LeadQueriesService } from './lead-queries.service';
import { canMoveStage, openLeadKey, stageDataProblems } from '../../contracts/lead-stages.rules';
import { CLOSED_STAGES } from './lead-views';
import { LeadError } from './leads.errors';

/**
 * A lead on its way to a sale: follow-ups, stage changes with what each stage needs (the order, the delivery
 * that opens the car's file), and the moves a test drive makes. Each change locks the lead's row.
 */
@Injectable()
export class LeadPipelineService {
  constructor(
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
    private readonly customers: CustomersService,
    private readonly queries: LeadQueriesService,
    private readonly tasks: TasksService,
    private readonly notifications: NotificationsService,
    private readonly vehicles: VehicleRegistrationService,
  ) {}

  async logFollowUp(caller: StaffCaller, leadId: number, input: LogFollowUpInput) {
    await this.queries.findInScope(caller, leadId);
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
        nextTask = await this.tasks.view(tx, created.id);
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
    await this.queries.findInScope(caller, leadId);
    await this.applyStageChange(caller, leadId, input);
    return this.queries.detail(caller, leadId);
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
