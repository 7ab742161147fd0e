import { Injectable } from '@nestjs/common';
import { LeadSource, LeadStage } from '../../generated/prisma/enums';
import type { ReferFriendInput } from '../../contracts/loyalty.contract';
import { PrismaService } from '../../core/database/prisma.service';
import { CustomersService } from '../customers/customers.service';
import { maskMobiles, maskName } from '../../core/logging/mask';
import { LeadCaptureService } from '../leads/lead-capture.service';
import { LeadQueriesService } from '../leads/lead-queries.service';
import { LoyaltyError } from './loyalty.errors';
import { readableCode } from './readable-code';

/** An owner refers a friend: the friend becomes a lead credited to the owner, who earns when the friend buys. */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly leads: LeadCaptureService,
    private readonly leadQueries: LeadQueriesService,
    private readonly customers: CustomersService,
  ) {}

  /**
   * Self-referral and a friend who is already a customer earn nothing: the lead is still captured (the store
   * calls the friend) but without the referrer, and the answer says why.
   */
  async refer(customerId: number, input: ReferFriendInput) {
    const referrer = await this.customers.mobileOf(customerId);
    if (!referrer) throw new LoyaltyError('CUSTOMER_NOT_FOUND', '会员不存在');
    // Sent again (a lost answer, a second tap): the friend is already credited to this member.
    const already = await this.leadQueries.referralOf(customerId, input.mobile);
    if (already) return { leadId: already.id, eligible: true, message: '您已推荐过这位好友，门店顾问会尽快联系；好友提车后您将获得积分' };
    // Without a verified mobile of their own a member could refer their own number: they must verify first.
    const unverified = !referrer.mobileVerifiedAt;
    const self = referrer.mobile === input.mobile;
    const known = !self && (await this.customers.existsWithMobile(input.mobile));
    const eligible = !unverified && !self && !known;
    const { lead } = await this.leads.capture(
      { name: input.name, mobile: input.mobile, source: LeadSource.REFERRAL, storeId: input.storeId, intendedModelId: input.modelId ?? null, note: input.note ?? '车主推荐', referrerCustomerId: eligible ? customerId : null },
      {},
    );
    return {
      leadId: lead.id,
      eligible,
      message: eligible
        ? '推荐成功，门店顾问会尽快联系您的好友；好友提车后您将获得积分'
        : self
          ? '不能推荐自己，本次推荐不计积分'
          : unverified
            ? '请先验证您的手机号再推荐好友，本次推荐不计积分'
            : '该好友已是我们的客户，门店会跟进联系，本次推荐不计积分',
    };
  }

  async mine(customerId: number) {
    const [code, rule, leads] = await Promise.all([
      this.codeOf(customerId),
      this.prisma.earningRule.findUnique({ where: { event: 'referral.converted' }, select: { fixedPoints: true, active: true } }),
      this.leadQueries.referralsBy(customerId),
    ]);
    const earned = await this.prisma.pointsEntry.findMany({ where: { customerId, source: 'referral.converted', sourceId: { in: leads.map((lead) => lead.id) } }, select: { sourceId: true, points: true } });
    return {
      code,
      rewardPoints: rule?.active ? (rule.fixedPoints ?? 0) : 0,
      referrals: leads.map((lead) => ({
        leadId: lead.id,
        name: maskName(lead.name),
        mobile: maskMobiles(lead.mobile),
        referredAt: lead.createdAt,
        status: lead.stage === LeadStage.DELIVERED ? ('CONVERTED' as const) : lead.stage === LeadStage.LOST ? ('LOST' as const) : ('IN_PROGRESS' as const),
        pointsEarned: earned.find((entry) => entry.sourceId === lead.id)?.points ?? 0,
      })),
    };
  }

  /**
   * The member whose share card (`?ref=` code) brought a friend who now books in the mini-program, when the
   * referral counts: a verified member, not the friend themself, and a friend new to us (no earlier lead, no car).
   */
  async referrerFor(code: string, friend: { customerId: number; mobile: string }): Promise<number | null> {
    const referrer = await this.customers.byReferralCode(code);
    if (!referrer?.mobileVerifiedAt || referrer.id === friend.customerId || referrer.mobile === friend.mobile) return null;
    return (await this.customers.alreadyKnown(friend.customerId, friend.mobile)) ? null : referrer.id;
  }

  /** The owner's share code, made on first use; a clash with another code is retried. */
  private codeOf(customerId: number): Promise<string> {
    return this.customers.referralCode(customerId, () => readableCode(8));
  }
}
