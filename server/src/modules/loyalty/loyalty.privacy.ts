import type { PrismaDb } from '../customers/personal-data';

/**
 * The customer's points, coupons and redemptions, for the data download. Nothing to erase: the ledger holds no
 * name or mobile, and stays whole so totals stay consistent.
 */
export const loyaltyPrivacy = {
  async export(db: PrismaDb, customerId: number) {
    const [points, coupons, redemptions] = await Promise.all([
      db.pointsEntry.findMany({ where: { customerId }, select: { type: true, points: true, balanceAfter: true, reason: true, createdAt: true }, orderBy: { id: 'asc' } }),
      db.coupon.findMany({ where: { customerId }, select: { code: true, expiresAt: true, usedAt: true, reward: { select: { name: true } } } }),
      db.redemption.findMany({ where: { customerId }, select: { id: true, points: true, createdAt: true, reward: { select: { name: true } }, coupon: { select: { code: true } } }, orderBy: { id: 'asc' } }),
    ]);
    return { points, coupons, redemptions };
  },
};
