/** Loyalty demo settings: four tiers, earning rules and a small rewards catalogue. Idempotent like the main seed. */
import type { PrismaClient } from '../server/src/generated/prisma/client';
import { MemberTier, RewardKind } from '../server/src/generated/prisma/enums';

const TIERS = [
  { tier: MemberTier.STANDARD, name: '普卡', minPoints: 0, multiplierPercent: 100, perks: ['积分兑换礼品'] },
  { tier: MemberTier.SILVER, name: '银卡', minPoints: 2_000, multiplierPercent: 110, perks: ['积分 1.1 倍', '生日礼'] },
  { tier: MemberTier.GOLD, name: '金卡', minPoints: 8_000, multiplierPercent: 125, perks: ['积分 1.25 倍', '每年 2 次免费洗车', '优先预约'] },
  { tier: MemberTier.BLACK, name: '黑金', minPoints: 20_000, multiplierPercent: 150, perks: ['积分 1.5 倍', '专属服务顾问', '免费上门取送车'] },
];

const EARNING = [
  { event: 'service.settled', name: '保养维修消费', pointsPerYuan: 1, fixedPoints: null },
  { event: 'vehicle.delivered', name: '购车', pointsPerYuan: null, fixedPoints: 2_000 },
  { event: 'referral.converted', name: '推荐好友购车', pointsPerYuan: null, fixedPoints: 1_000 },
  { event: 'survey.answered', name: '完成满意度回访', pointsPerYuan: null, fixedPoints: 50 },
];

const REWARDS = [
  { code: 'SERVICE-200', name: '保养抵用券 ¥200', kind: RewardKind.SERVICE_COUPON, points: 2_000, stock: 500, valueFen: 20_000, couponDays: 180, description: '保养或维修结算时抵扣 200 元' },
  { code: 'WASH-1', name: '精致洗车券', kind: RewardKind.WASH_COUPON, points: 300, stock: 1_000, valueFen: 6_000, couponDays: 90, description: '任一门店精致洗车一次' },
  { code: 'AROMA', name: '车载香氛', kind: RewardKind.MERCHANDISE, points: 1_500, stock: 100, valueFen: null, couponDays: null, description: '原厂车载香氛礼盒，到店领取' },
  { code: 'UMBRELLA', name: '原厂晴雨伞', kind: RewardKind.MERCHANDISE, points: 800, stock: 200, valueFen: null, couponDays: null, description: '品牌定制自动晴雨伞，到店领取' },
];

export async function seedLoyalty(prisma: PrismaClient): Promise<void> {
  for (const tier of TIERS) await prisma.tierRule.upsert({ where: { tier: tier.tier }, create: tier, update: {} });
  for (const rule of EARNING) await prisma.earningRule.upsert({ where: { event: rule.event }, create: rule, update: {} });
  for (const [sortOrder, reward] of REWARDS.entries()) await prisma.reward.upsert({ where: { code: reward.code }, create: { ...reward, sortOrder }, update: {} });
}
