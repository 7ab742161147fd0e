import { Injectable } from '@nestjs/common';
import { PointsEntryType } from '../../generated/prisma/enums';
import { PrismaService } from '../../core/database/prisma.service';
import { DomainEventType } from '../../core/events/domain-events';
import { ConsumedEvent, consumeEvents } from '../../core/events/event-consumer';
import { PointsLedgerService } from './points-ledger.service';
import { pointsForSpend } from './points.rules';

const CONSUMER = 'loyalty';

/**
 * Earns points on business events (a settled work order: per CNY spent × the tier's multiplier; a delivery, a
 * referral, an answered survey: fixed points). Each event earns under the key "<event>:<subject>", so an event
 * read twice (a crash before the cursor moved, two instances) still earns once.
 */
@Injectable()
export class LoyaltyEventsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly ledger: PointsLedgerService,
  ) {}

  consume(batch = 200): Promise<number> {
    return consumeEvents(this.prisma, CONSUMER, (event) => this.earnFor(event), batch);
  }

  private earnFor(event: ConsumedEvent): Promise<number> {
    switch (event.type) {
      case DomainEventType.SERVICE_SETTLED:
        return this.earnForService(event.subjectId, event.payload as { customerId: number; totalFen: number }, event.occurredAt);
      case DomainEventType.LEAD_DELIVERED:
        return this.earnForDelivery(event.subjectId, event.payload as { customerId: number; referrerCustomerId: number | null }, event.occurredAt);
      case DomainEventType.SURVEY_ANSWERED:
        return this.earnFixed(DomainEventType.SURVEY_ANSWERED, (event.payload as { customerId: number }).customerId, event.subjectId, '参与满意度回访', event.occurredAt);
      default:
        return Promise.resolve(0);
    }
  }

  /** A delivery: purchase points for the buyer, referral points for whoever referred them (each once per lead). */
  private async earnForDelivery(leadId: number, payload: { customerId: number; referrerCustomerId: number | null }, occurredAt: Date): Promise<number> {
    let earned = await this.earnFixed('vehicle.delivered', payload.customerId, leadId, '购车奖励积分', occurredAt);
    if (payload.referrerCustomerId && payload.referrerCustomerId !== payload.customerId) {
      earned += await this.earnFixed('referral.converted', payload.referrerCustomerId, leadId, '推荐好友购车奖励', occurredAt);
    }
    return earned;
  }

  private async earnFixed(event: string, customerId: number, sourceId: number, reason: string, occurredAt: Date): Promise<number> {
    const rule = await this.prisma.earningRule.findUnique({ where: { event }, select: { active: true, fixedPoints: true } });
    if (!rule?.active || !rule.fixedPoints) return 0;
    await this.ledger.grant(customerId, { points: rule.fixedPoints, reason, source: event, sourceId, idempotencyKey: `${event}:${sourceId}` }, occurredAt);
    return rule.fixedPoints;
  }

  private async earnForService(workOrderId: number, payload: { customerId: number; totalFen: number }, occurredAt: Date): Promise<number> {
    const rule = await this.prisma.earningRule.findUnique({ where: { event: DomainEventType.SERVICE_SETTLED }, select: { active: true, pointsPerYuan: true } });
    if (!rule?.active || !rule.pointsPerYuan) return 0;
    const tiers = await this.prisma.tierRule.findMany({ select: { tier: true, multiplierPercent: true } });
    return this.ledger.withAccount(payload.customerId, async (tx, account) => {
      const multiplier = tiers.find((tier) => tier.tier === account.tier)?.multiplierPercent ?? 100;
      const points = pointsForSpend(payload.totalFen, rule.pointsPerYuan!, multiplier);
      if (points <= 0) return 0;
      await this.ledger.creditIn(
        tx,
        account,
        { type: PointsEntryType.EARN, points, reason: `保养维修消费 ¥${Math.floor(payload.totalFen / 100)}（工单 #${workOrderId}）`, source: DomainEventType.SERVICE_SETTLED, sourceId: workOrderId, idempotencyKey: `${DomainEventType.SERVICE_SETTLED}:${workOrderId}` },
        occurredAt,
      );
      return points;
    });
  }
}
