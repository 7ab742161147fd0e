import { Injectable } from '@nestjs/common';
import { AssignmentReason } from '../../generated/prisma/enums';
import { AuditService, staffActor } from '../../core/audit/audit.service';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { NotificationsService } from '../notifications/notifications.service';
import { StaffService } from '../org/staff.service';
import { TasksService } from '../tasks/tasks.service';
import { LeadAssignmentService } from './lead-assignment.service';
import { LeadQueriesService } from './lead-queries.service';
import { CLOSED_STAGES } from './lead-views';
import { LeadError } from './leads.errors';

/** Who works a lead: a manager moves one lead to a consultant, or hands a leaving consultant's leads over. */
@Injectable()
export class LeadHandoverService {
  constructor(
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
    private readonly assignment: LeadAssignmentService,
    private readonly queries: LeadQueriesService,
    private readonly tasks: TasksService,
    private readonly notifications: NotificationsService,
    private readonly staff: StaffService,
  ) {}

  async assign(caller: StaffCaller, leadId: number, staffId: number) {
    const lead = await this.queries.findInScope(caller, leadId);
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
    return this.queries.detail(caller, leadId);
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
        await this.staff.setOnDuty(tx, fromStaffId, false);
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
}
