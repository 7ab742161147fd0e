import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../core/database/prisma.service';
import { LoyaltyError } from './loyalty.errors';

/** A member's coupon on a work order: attached while the car is in the workshop, used once at settlement. */
@Injectable()
export class CouponsService {
  constructor(private readonly prisma: PrismaService) {}

  /** Attaches the customer's usable coupon to the order (one coupon per order, one order per coupon). */
  async attach(code: string, customerId: number, workOrderId: number, now = new Date()) {
    const coupon = await this.prisma.coupon.findFirst({ where: { code: code.trim().toUpperCase(), customerId }, select: { id: true, usedAt: true, expiresAt: true, workOrderId: true, valueFen: true } });
    if (!coupon) throw new LoyaltyError('COUPON_NOT_FOUND', '券码不存在或不属于该车主');
    if (coupon.usedAt || coupon.expiresAt <= now) throw new LoyaltyError('COUPON_NOT_USABLE', coupon.usedAt ? '该券已使用' : '该券已过期');
    if (coupon.workOrderId && coupon.workOrderId !== workOrderId) throw new LoyaltyError('COUPON_NOT_USABLE', `该券已用于工单 #${coupon.workOrderId}`);
    await this.prisma.$transaction(async (tx) => {
      await tx.coupon.updateMany({ where: { workOrderId, id: { not: coupon.id }, usedAt: null }, data: { workOrderId: null } });
      await tx.coupon.update({ where: { id: coupon.id }, data: { workOrderId }, select: { id: true } });
    });
  }

  async detach(workOrderId: number): Promise<void> {
    await this.prisma.coupon.updateMany({ where: { workOrderId, usedAt: null }, data: { workOrderId: null } });
  }

  /** The face value of the coupon attached to the order, 0 without one. */
  async attachedValue(db: Prisma.TransactionClient | PrismaService, workOrderId: number): Promise<number> {
    const coupon = await db.coupon.findUnique({ where: { workOrderId }, select: { valueFen: true } });
    return coupon?.valueFen ?? 0;
  }

  /** At settlement: marks the attached coupon used, once, or refuses if it expired while the car was in. */
  async useAttached(tx: Prisma.TransactionClient, workOrderId: number, now: Date): Promise<number> {
    const coupon = await tx.coupon.findUnique({ where: { workOrderId }, select: { id: true, valueFen: true } });
    if (!coupon) return 0;
    const used = await tx.coupon.updateMany({ where: { id: coupon.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (used.count !== 1) throw new LoyaltyError('COUPON_NOT_USABLE', '工单上的优惠券已过期或已使用，请移除后再结算');
    return coupon.valueFen ?? 0;
  }
}
