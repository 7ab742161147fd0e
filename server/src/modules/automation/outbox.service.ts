import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { MessageChannel, OutboxStatus } from '../../generated/prisma/enums';
import type { OutboxQuery } from '../../contracts/automation.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { PrismaService } from '../../core/database/prisma.service';
import { Clock } from '../../core/time/clock';
import { AutomationError } from './automation.errors';

export type MessageSource = 'REMINDER' | 'CAMPAIGN' | 'SURVEY' | 'COMPLAINT';

/** A message to write to the outbox. Its dedupe key decides whether it already exists. */
export interface NewMessage {
  dedupeKey: string;
  source: MessageSource;
  ruleId?: number | null;
  campaignId?: number | null;
  customerId?: number | null;
  staffId?: number | null;
  channel: MessageChannel;
  title: string;
  body: string;
  page?: string | null;
  /** For staff messages: a call-back task to create when it is delivered. */
  payload?: { task?: { vehicleId: number; purpose: string } } | null;
  dueOn: string;
  /** Not before this instant (a campaign's schedule); defaults to now. */
  notBefore?: Date;
}

type Db = Prisma.TransactionClient | PrismaService;

const INSERT_BATCH = 1000;

const MESSAGE_FIELDS = {
  id: true,
  dedupeKey: true,
  source: true,
  ruleId: true,
  campaignId: true,
  channel: true,
  title: true,
  body: true,
  dueOn: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
  customer: { select: { id: true, name: true, mobile: true } },
  staff: { select: { id: true, name: true } },
} as const;

/**
 * The one way anything is sent to anyone: write the message here (inside the transaction of whatever caused
 * it, when there is one) and the dispatcher delivers it. Writing the same dedupe key twice adds nothing.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** Returns how many of the messages were new. */
  async enqueue(db: Db, messages: NewMessage[]): Promise<number> {
    const now = this.clock.now();
    let added = 0;
    for (let start = 0; start < messages.length; start += INSERT_BATCH) {
      const result = await db.outboxMessage.createMany({
        data: messages.slice(start, start + INSERT_BATCH).map((message) => ({
          dedupeKey: message.dedupeKey,
          source: message.source,
          ruleId: message.ruleId ?? null,
          campaignId: message.campaignId ?? null,
          customerId: message.customerId ?? null,
          staffId: message.staffId ?? null,
          channel: message.channel,
          title: message.title.slice(0, 64),
          body: message.body.slice(0, 500),
          page: message.page ?? null,
          payload: message.payload ?? undefined,
          dueOn: new Date(`${message.dueOn}T00:00:00Z`),
          nextAttemptAt: message.notBefore ?? now,
        })),
        skipDuplicates: true,
      });
      added += result.count;
    }
    return added;
  }

  async list(caller: StaffCaller, query: OutboxQuery) {
    const where: Prisma.OutboxMessageWhereInput = {
      status: query.status,
      channel: query.channel,
      source: query.source,
      ruleId: query.ruleId,
      campaignId: query.campaignId,
      customerId: query.customerId,
    };
    const [rows, total] = await Promise.all([
      this.prisma.outboxMessage.findMany({ where, select: MESSAGE_FIELDS, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.outboxMessage.count({ where }),
    ]);
    return { items: rows.map((row) => this.view(caller, row)), total, page: query.page, pageSize: query.pageSize };
  }

  async summary() {
    const groups = await this.prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
    const counts = { PENDING: 0, SENDING: 0, SENT: 0, SKIPPED: 0, DEAD: 0 };
    for (const group of groups) counts[group.status] = group._count._all;
    return counts;
  }

  /** A parked or skipped message goes back in the queue with fresh attempts (its key stays: still once). */
  async resend(caller: StaffCaller, id: number) {
    const reopened = await this.prisma.outboxMessage.updateMany({
      where: { id, status: { in: [OutboxStatus.DEAD, OutboxStatus.SKIPPED] } },
      data: { status: OutboxStatus.PENDING, attempts: 0, nextAttemptAt: this.clock.now(), leaseUntil: null, claimedBy: null, lastError: null, sendStartedAt: null },
    });
    if (reopened.count === 0) {
      const exists = await this.prisma.outboxMessage.findUnique({ where: { id }, select: { status: true } });
      if (!exists) throw new AutomationError('MESSAGE_NOT_FOUND', '消息不存在');
      throw new AutomationError('OUTBOX_NOT_RESENDABLE', '只有发送失败或被跳过的消息可以重新发送');
    }
    return this.view(caller, await this.prisma.outboxMessage.findUniqueOrThrow({ where: { id }, select: MESSAGE_FIELDS }));
  }

  private view(caller: StaffCaller, row: Prisma.OutboxMessageGetPayload<{ select: typeof MESSAGE_FIELDS }>) {
    const { customer, staff, dueOn, ...rest } = row;
    const recipient = customer
      ? { kind: 'CUSTOMER' as const, id: customer.id, name: customer.name, mobile: customer.mobile && customerMobileFor(caller.role, customer.mobile) }
      : staff
        ? { kind: 'STAFF' as const, id: staff.id, name: staff.name, mobile: null }
        : null;
    return { ...rest, dueOn: dueOn.toISOString().slice(0, 10), recipient };
  }

  /** How many of a campaign's messages are in each status. */
  async countsByStatus(campaignId: number): Promise<Map<OutboxStatus, number>> {
    const groups = await this.prisma.outboxMessage.groupBy({ by: ['status'], where: { campaignId }, _count: { _all: true } });
    return new Map(groups.map((group) => [group.status, group._count._all]));
  }
}
