import { Inject, Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import type { Prisma } from '../../generated/prisma/client';
import { MessageChannel, OutboxStatus } from '../../generated/prisma/enums';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { PrismaService } from '../../core/database/prisma.service';
import { retryOnConflict } from '../../core/database/prisma-errors';
import { Clock } from '../../core/time/clock';
import { MESSAGE_SENDERS, PermanentSendFailure } from '../../integrations/messaging/message-senders';
import type { MessageSenders } from '../../integrations/messaging/message-senders';
import { CustomersService } from '../customers/customers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { StaffService } from '../org/staff.service';
import { TasksService } from '../tasks/tasks.service';
import { dispatchDecision, retryDelayMs } from './automation.rules';

const CLAIMED_FIELDS = { id: true, dedupeKey: true, channel: true, customerId: true, staffId: true, title: true, body: true, page: true, payload: true, attempts: true, rule: { select: { wechatTemplateId: true } } } as const;
type Claimed = Prisma.OutboxMessageGetPayload<{ select: typeof CLAIMED_FIELDS }>;

/** A call-back task is due two working days after the dormant-owner message reaches the advisor. */
const CALLBACK_DUE_MS = 2 * 86_400_000;
/** Interrupted WeChat messages are checked within the working day: a reminder loses its point when late. */
const REVIEW_DUE_MS = 4 * 3_600_000;
const INTERRUPTED = '发送过程中断，无法确认客户是否已收到；请核实后决定是否重新发送';

/**
 * Delivers due outbox rows. Every instance dispatches: a row is claimed under `FOR UPDATE SKIP LOCKED`
 * and leased to one dispatcher, sent, then marked SENT (with its timeline entry) only by the holder of the
 * lease. Business time (due, quiet hours, backoff) comes from the clock; leases are real time, since they
 * are about a process being alive.
 */
@Injectable()
export class DispatcherService {
  private readonly logger = new Logger(DispatcherService.name);
  private readonly instance = `${hostname()}:${process.pid}`;

  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
    private readonly staff: StaffService,
    private readonly tasks: TasksService,
    @Inject(MESSAGE_SENDERS) private readonly senders: MessageSenders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends one batch of what is due; returns how many rows it finished (sent, skipped, deferred or parked). */
  async dispatchDue(): Promise<number> {
    await this.reconcileAbandoned();
    const claimed = await this.claim();
    if (claimed.length === 0) return 0;
    const contacts = await this.customers.contacts(claimed.flatMap((row) => (row.customerId ? [row.customerId] : [])));
    // Sends wait on the network: a few at a time keep the batch moving without flooding a provider.
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const row = claimed[next++];
        try {
          await this.deliver(row, row.customerId ? (contacts.get(row.customerId) ?? null) : null);
        } catch (error) {
          // Whether it went out is unknown: the row stays SENDING and is reconciled when its lease runs out.
          this.logger.error({ err: error, outboxId: row.id }, 'Delivering an outbox message failed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.DISPATCH_CONCURRENCY, claimed.length) }, worker));
    return claimed.length;
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.clock.now();
    const leaseUntil = new Date(Date.now() + this.config.OUTBOX_LEASE_SECONDS * 1000);
    const ids = await retryOnConflict(() => this.prisma.$transaction(async (tx) => {
      // SKIP LOCKED is what lets several dispatchers take disjoint batches; Prisma has no way to say it.
      const rows = await tx.$queryRaw<Array<{ id: number }>>`
        SELECT id FROM outbox_messages WHERE status = 'PENDING' AND next_attempt_at <= ${now}
        ORDER BY next_attempt_at, id LIMIT ${this.config.DISPATCH_BATCH} FOR UPDATE SKIP LOCKED`;
      const claimedIds = rows.map((row) => Number(row.id));
      if (claimedIds.length > 0) {
        await tx.outboxMessage.updateMany({ where: { id: { in: claimedIds } }, data: { status: OutboxStatus.SENDING, leaseUntil, claimedBy: this.instance } });
      }
      return claimedIds;
    }));
    if (ids.length === 0) return [];
    return this.prisma.outboxMessage.findMany({ where: { id: { in: ids } }, select: CLAIMED_FIELDS, orderBy: { id: 'asc' } });
  }

  private async deliver(row: Claimed, contact: { openid: string | null; mobile: string | null; optedOut: MessageChannel[] } | null): Promise<void> {
    const now = this.clock.now();
    const decision = dispatchDecision(row, contact, now);
    if (decision.action === 'DEFER') {
      await this.release(row.id, { status: OutboxStatus.PENDING, nextAttemptAt: decision.until });
      return;
    }
    if (decision.action === 'SKIP') {
      await this.release(row.id, { status: OutboxStatus.SKIPPED, lastError: decision.reason });
      return;
    }
    if (decision.to !== null) {
      const sender = row.channel === MessageChannel.WECHAT ? this.senders.WECHAT : this.senders.SMS;
      if (!(await this.markStarted(row.id))) return; // the lease ran out and another dispatcher took the row over
      try {
        await sender.send({ deliveryKey: row.dedupeKey, to: decision.to, title: row.title, body: row.body, page: row.page, templateId: row.rule?.wechatTemplateId ?? null, at: now });
      } catch (error) {
        await this.failed(row, error);
        return;
      }
    }
    await this.markSent(row, now);
  }

  /** SENT, the customer's timeline entry (or the staff notification and task) and the lease check, together. */
  private async markSent(row: Claimed, now: Date): Promise<void> {
    await retryOnConflict(() => this.prisma.$transaction(async (tx) => {
      const marked = await tx.outboxMessage.updateMany({
        where: { id: row.id, status: OutboxStatus.SENDING, claimedBy: this.instance },
        data: { status: OutboxStatus.SENT, sentAt: now, attempts: { increment: 1 }, leaseUntil: null, lastError: null },
      });
      if (marked.count === 0) return;
      if (row.customerId) {
        await tx.customerMessage.create({ data: { customerId: row.customerId, outboxId: row.id, channel: row.channel, title: row.title, body: row.body, page: row.page, sentAt: now }, select: { id: true } });
      }
      if (row.staffId) {
        await this.notifications.notify(tx, [row.staffId], { kind: 'REMINDER', title: row.title, body: row.body });
        const task = (row.payload as { task?: { vehicleId: number; purpose: string } } | null)?.task;
        if (task) await this.tasks.createCallback(tx, { assigneeId: row.staffId, vehicleId: task.vehicleId, purpose: task.purpose, dueAt: new Date(now.getTime() + CALLBACK_DUE_MS) });
      }
    }));
  }

  private async failed(row: Claimed, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const delay = error instanceof PermanentSendFailure ? null : retryDelayMs(attempts);
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    this.logger.warn({ outboxId: row.id, attempts, reason }, delay === null ? 'Message parked' : 'Send failed; will retry');
    await this.release(
      row.id,
      delay === null
        ? { status: OutboxStatus.DEAD, attempts, lastError: reason }
        : { status: OutboxStatus.PENDING, attempts, lastError: reason, nextAttemptAt: new Date(this.clock.now().getTime() + delay), sendStartedAt: null },
    );
  }

  /**
   * Written before the provider is called, by the lease holder only. A batch is claimed at once but sent a
   * few rows at a time, so after a crash this marker is what tells the few sends that were under way from
   * the rest of the batch, which nobody tried.
   */
  private async markStarted(id: number): Promise<boolean> {
    const marked = await retryOnConflict(() =>
      this.prisma.outboxMessage.updateMany({ where: { id, status: OutboxStatus.SENDING, claimedBy: this.instance }, data: { sendStartedAt: this.clock.now() } }),
    );
    return marked.count === 1;
  }

  /** Conditional, so running it again after a deadlock (claims on other instances lock index ranges) is harmless. */
  private async release(id: number, data: Prisma.OutboxMessageUpdateManyMutationInput): Promise<void> {
    await retryOnConflict(() => this.prisma.outboxMessage.updateMany({ where: { id, status: OutboxStatus.SENDING, claimedBy: this.instance }, data: { ...data, leaseUntil: null, claimedBy: null } }));
  }

  /**
   * Rows whose dispatcher died (its lease ran out). A row it never started sending goes back to the queue.
   * A started send may or may not have reached the provider, so it is repeated only where that is harmless:
   * in-app (the send is our own transaction, which did not commit) or a provider that ignores a repeated key
   * (SMS). A started WeChat send is parked and a person is asked, through a task, to check and decide: at
   * most the sends that were in flight at the crash (DISPATCH_CONCURRENCY per instance) can end there.
   */
  private async reconcileAbandoned(): Promise<void> {
    const abandoned = await this.prisma.outboxMessage.findMany({
      where: { status: OutboxStatus.SENDING, leaseUntil: { lt: new Date() } },
      select: { id: true, channel: true, claimedBy: true, sendStartedAt: true },
      take: 500,
    });
    if (abandoned.length === 0) return;
    const uncertain = abandoned.filter((row) => row.sendStartedAt !== null && !this.retrySafe(row.channel));
    for (const row of abandoned.filter((candidate) => !uncertain.includes(candidate))) {
      await retryOnConflict(() =>
        this.prisma.outboxMessage.updateMany({
          where: { id: row.id, status: OutboxStatus.SENDING, claimedBy: row.claimedBy },
          data: { status: OutboxStatus.PENDING, leaseUntil: null, claimedBy: null, sendStartedAt: null },
        }),
      );
    }
    const parked = uncertain.length > 0 ? await this.parkForReview(uncertain) : [];
    this.logger.warn({ requeued: abandoned.length - uncertain.length, parked }, `Reconciled ${abandoned.length} messages abandoned by a dispatcher`);
  }

  private retrySafe(channel: MessageChannel): boolean {
    return channel === MessageChannel.IN_APP || (channel === MessageChannel.WECHAT ? this.senders.WECHAT : this.senders.SMS).dedupesByKey;
  }

  /** Parks the rows (those another dispatcher has not reconciled first) and, in the same transaction, asks for a review. */
  private async parkForReview(rows: Array<{ id: number; claimedBy: string | null }>): Promise<number[]> {
    const reviewerId = await this.staff.messageReviewerId();
    return retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        const parked: number[] = [];
        for (const row of rows) {
          const marked = await tx.outboxMessage.updateMany({
            where: { id: row.id, status: OutboxStatus.SENDING, claimedBy: row.claimedBy },
            data: { status: OutboxStatus.DEAD, leaseUntil: null, claimedBy: null, lastError: INTERRUPTED },
          });
          if (marked.count === 1) parked.push(row.id);
        }
        if (parked.length > 0 && reviewerId !== null) {
          await this.tasks.createMessageReview(tx, { assigneeId: reviewerId, messageIds: parked, dueAt: new Date(this.clock.now().getTime() + REVIEW_DUE_MS) });
        }
        return parked;
      }),
    );
  }
}
