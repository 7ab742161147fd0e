import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { TaskKind, TaskStatus } from '../../generated/prisma/enums';
import { PrismaService } from '../../core/database/prisma.service';
import { byIdPages } from '../../core/exports/xlsx-export';
import { shanghaiDay } from '../../core/time/shanghai-time';
import { NotificationsService } from '../notifications/notifications.service';
import { StaffService } from '../org/staff.service';
import { TaskError } from './tasks.errors';

type Db = Prisma.TransactionClient | PrismaService;

type TaskDue = 'today' | 'overdue' | undefined;

export const TASK_FIELDS = {
  id: true,
  leadId: true,
  kind: true,
  purpose: true,
  dueAt: true,
  status: true,
  completedAt: true,
  assignee: { select: { id: true, name: true } },
  lead: { select: { id: true, name: true, stage: true } },
} satisfies Prisma.TaskSelect;

export interface NewTask {
  leadId: number;
  assigneeId: number;
  createdById: number | null;
  kind: TaskKind;
  purpose: string;
  dueAt: Date;
}

const ESCALATION_BATCH = 200;

@Injectable()
export class TasksService {
  private readonly logger = new Logger(TasksService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly notifications: NotificationsService,
    private readonly staff: StaffService,
  ) {}

  create(db: Db, task: NewTask) {
    return db.task.create({ data: task, select: { id: true } });
  }

  /** A task as answered (TASK_FIELDS), read in the caller's transaction. */
  view(db: Db, taskId: number) {
    return db.task.findUniqueOrThrow({ where: { id: taskId }, select: TASK_FIELDS });
  }

  /** Many tasks in one statement (an import's first-contact tasks). */
  async createMany(db: Db, tasks: NewTask[]): Promise<void> {
    if (tasks.length > 0) await db.task.createMany({ data: tasks });
  }

  /** Closes a lead's open tasks: done when the work they asked for happened, cancelled when the lead closed. */
  async closeOpenTasksOfLead(db: Db, leadId: number, status: typeof TaskStatus.DONE | typeof TaskStatus.CANCELLED, onlyDueBefore?: Date) {
    await db.task.updateMany({
      where: { leadId, status: TaskStatus.OPEN, ...(onlyDueBefore ? { OR: [{ kind: TaskKind.FIRST_CONTACT }, { dueAt: { lt: onlyDueBefore } }] } : {}) },
      data: { status, completedAt: new Date() },
    });
  }

  async reassignOpenTasksOfLeads(db: Db, leadIds: number[], assigneeId: number): Promise<number> {
    const moved = await db.task.updateMany({ where: { leadId: { in: leadIds }, status: TaskStatus.OPEN }, data: { assigneeId } });
    return moved.count;
  }

  async earliestOpenDueAt(db: Db, leadId: number): Promise<Date | null> {
    const next = await db.task.findFirst({ where: { leadId, status: TaskStatus.OPEN }, orderBy: { dueAt: 'asc' }, select: { dueAt: true } });
    return next?.dueAt ?? null;
  }

  openTasksOfLead(leadId: number) {
    return this.prisma.task.findMany({ where: { leadId, status: TaskStatus.OPEN }, select: TASK_FIELDS, orderBy: { dueAt: 'asc' } });
  }

  /** My tasks; `today` = due during today's Shanghai day, `overdue` = open and past due. */
  mine(staffId: number, status: TaskStatus, due: TaskDue, now = new Date()) {
    return this.prisma.task.findMany({
      where: this.mineWhere(staffId, status, due, now),
      select: TASK_FIELDS,
      orderBy: status === TaskStatus.OPEN ? { dueAt: 'asc' } : { completedAt: 'desc' },
      take: 500,
    });
  }

  /** Every one of the caller's tasks the list shows (not only its first 500), a thousand at a time. */
  exportBatches(staffId: number, status: TaskStatus, due: TaskDue, now = new Date()) {
    const where = this.mineWhere(staffId, status, due, now);
    return byIdPages((beforeId, take) => this.prisma.task.findMany({ where: { AND: [where, beforeId ? { id: { lt: beforeId } } : {}] }, select: TASK_FIELDS, orderBy: { id: 'desc' }, take }));
  }

  private mineWhere(staffId: number, status: TaskStatus, due: TaskDue, now: Date): Prisma.TaskWhereInput {
    const { start, end } = shanghaiDay(now);
    const dueFilter = due === 'today' ? { dueAt: { gte: start, lt: end } } : due === 'overdue' ? { dueAt: { lt: now } } : {};
    return { assigneeId: staffId, status, ...dueFilter };
  }

  async complete(staffId: number, taskId: number) {
    const task = await this.prisma.task.findFirst({ where: { id: taskId, assigneeId: staffId }, select: { id: true, status: true, leadId: true } });
    if (!task) throw new TaskError('TASK_NOT_FOUND', '任务不存在或不属于你');
    const closed = await this.prisma.task.updateMany({ where: { id: taskId, status: TaskStatus.OPEN }, data: { status: TaskStatus.DONE, completedAt: new Date() } });
    if (closed.count === 0) throw new TaskError('TASK_ALREADY_CLOSED', '任务已完成或已取消');
    return this.prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: TASK_FIELDS });
  }

  /**
   * Tells the store manager about each overdue open task, exactly once per task: the conditional update of
   * `escalated_at` decides, so a second run or a second instance finds nothing left to claim.
   */
  async escalateOverdue(now = new Date()): Promise<number> {
    let escalated = 0;
    for (;;) {
      const overdue = await this.prisma.task.findMany({
        where: { status: TaskStatus.OPEN, escalatedAt: null, dueAt: { lt: now } },
        select: { id: true, leadId: true, purpose: true, dueAt: true, assignee: { select: { name: true, storeId: true } }, lead: { select: { name: true, storeId: true } } },
        orderBy: { id: 'asc' },
        take: ESCALATION_BATCH,
      });
      if (overdue.length === 0) return escalated;
      for (const task of overdue) {
        const storeId = task.lead?.storeId ?? task.assignee.storeId;
        const managers = storeId ? await this.staff.storeManagerIds(storeId) : [];
        const claimed = await this.prisma.$transaction(async (tx) => {
          const claim = await tx.task.updateMany({ where: { id: task.id, escalatedAt: null }, data: { escalatedAt: now } });
          if (claim.count !== 1) return false;
          await this.notifications.notify(tx, managers, {
            kind: 'TASK_OVERDUE',
            title: '跟进任务已逾期',
            body: `${task.assignee.name} 的任务「${task.purpose}」${task.lead ? `（客户 ${task.lead.name}）` : ''}已逾期`,
            leadId: task.leadId,
            taskId: task.id,
          });
          return true;
        });
        if (claimed) escalated += 1;
      }
      if (overdue.length < ESCALATION_BATCH) return escalated;
    }
  }

  /** A service call-back about a car (a dormant owner), written in the caller's transaction. */
  /** Asks a person to check whether interrupted WeChat messages arrived; the outbox's 发送记录 lists them by number. */
  async createMessageReview(db: Db, input: { assigneeId: number; messageIds: number[]; dueAt: Date }): Promise<void> {
    const numbers = input.messageIds.map((id) => `#${id}`).join('、');
    const purpose = `核实 ${input.messageIds.length} 条发送中断的微信消息是否已送达（发送记录 ${numbers}），再决定是否重发`;
    await db.task.create({ data: { kind: TaskKind.MESSAGE_REVIEW, assigneeId: input.assigneeId, purpose: purpose.length > 255 ? `${purpose.slice(0, 252)}…` : purpose, dueAt: input.dueAt }, select: { id: true } });
  }

  async createCallback(db: Db, input: { assigneeId: number; vehicleId: number; purpose: string; dueAt: Date }): Promise<void> {
    await db.task.create({ data: { kind: TaskKind.SERVICE_CALLBACK, assigneeId: input.assigneeId, vehicleId: input.vehicleId, purpose: input.purpose.slice(0, 255), dueAt: input.dueAt }, select: { id: true } });
  }
}
