import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { CampaignStatus, OutboxStatus } from '../../generated/prisma/enums';
import type { SaveCampaignInput } from '../../contracts/marketing.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { Clock } from '../../core/time/clock';
import { shanghaiDateOf } from '../../core/time/shanghai-time';
import { customerChannel } from '../automation/automation.rules';
import { NewMessage, OutboxService } from '../automation/outbox.service';
import { CustomersService } from '../customers/customers.service';
import { LoyaltyService } from '../loyalty/loyalty.service';
import { PointsLedgerService } from '../loyalty/points-ledger.service';
import { ServiceBookingsService } from '../service/service-bookings.service';
import { WorkOrdersService } from '../service/work-orders.service';
import { EDITABLE_STATUSES, isHeldOut, rate, uplift } from './campaigns.rules';
import { MarketingError } from './marketing.errors';
import { SegmentsService } from './segments.service';

const CAMPAIGN_FIELDS = {
  id: true,
  name: true,
  channel: true,
  title: true,
  content: true,
  bonusPoints: true,
  holdoutPercent: true,
  attributionDays: true,
  scheduledAt: true,
  status: true,
  launchedAt: true,
  createdAt: true,
  segment: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
} as const;

const LAUNCH_BATCH = 1000;
const DAY_MS = 86_400_000;

type Group = 'recipients' | 'holdout';

/**
 * 营销活动: a segment, a message and an optional points bonus, sent at a set time to everyone in the segment
 * but a holdout. Launching snapshots the members and writes one outbox message (and one bonus) per member,
 * each under its own key, so a launch cut off half-way resumes without sending anyone a second message.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    private readonly segments: SegmentsService,
    private readonly outbox: OutboxService,
    private readonly customers: CustomersService,
    private readonly ledger: PointsLedgerService,
    private readonly redemptions: LoyaltyService,
    private readonly serviceBookings: ServiceBookingsService,
    private readonly workOrders: WorkOrdersService,
  ) {}

  async list() {
    const rows = await this.prisma.campaign.findMany({ select: CAMPAIGN_FIELDS, orderBy: { id: 'desc' }, take: 200 });
    return Promise.all(rows.map((row) => this.withCounts(row)));
  }

  async one(id: number) {
    const row = await this.prisma.campaign.findUnique({ where: { id }, select: CAMPAIGN_FIELDS });
    if (!row) throw new MarketingError('CAMPAIGN_NOT_FOUND', '营销活动不存在');
    return this.withCounts(row);
  }

  async create(caller: StaffCaller, input: SaveCampaignInput) {
    await this.segments.usableFilter(input.segmentId);
    this.assertFuture(input.scheduledAt);
    const row = await this.prisma.campaign.create({ data: { ...this.fields(input), createdById: caller.staffId }, select: { id: true } });
    return this.one(row.id);
  }

  async update(id: number, input: SaveCampaignInput) {
    await this.segments.usableFilter(input.segmentId);
    this.assertFuture(input.scheduledAt);
    const updated = await this.prisma.campaign.updateMany({ where: { id, status: { in: EDITABLE_STATUSES } }, data: this.fields(input) });
    if (updated.count !== 1) await this.refuseChange(id);
    return this.one(id);
  }

  async schedule(id: number, scheduledAt: Date) {
    this.assertFuture(scheduledAt);
    const updated = await this.prisma.campaign.updateMany({ where: { id, status: { in: EDITABLE_STATUSES } }, data: { scheduledAt, status: CampaignStatus.SCHEDULED } });
    if (updated.count !== 1) await this.refuseChange(id);
    return this.one(id);
  }

  async cancel(id: number) {
    const updated = await this.prisma.campaign.updateMany({ where: { id, status: { in: EDITABLE_STATUSES } }, data: { status: CampaignStatus.CANCELLED } });
    if (updated.count !== 1) await this.refuseChange(id);
    return this.one(id);
  }

  /** Launches what is due and resumes a launch that was cut off; returns the messages written. */
  async launchDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.prisma.campaign.findMany({
      where: { OR: [{ status: CampaignStatus.SCHEDULED, scheduledAt: { lte: now } }, { status: CampaignStatus.SENDING }] },
      select: { id: true, status: true },
      orderBy: { id: 'asc' },
    });
    let written = 0;
    for (const campaign of due) {
      if (campaign.status === CampaignStatus.SCHEDULED) {
        const claimed = await this.prisma.campaign.updateMany({ where: { id: campaign.id, status: CampaignStatus.SCHEDULED }, data: { status: CampaignStatus.SENDING, launchedAt: now } });
        if (claimed.count !== 1) continue;
      }
      written += await this.launch(campaign.id);
    }
    return written;
  }

  private async launch(campaignId: number): Promise<number> {
    const campaign = await this.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { ...CAMPAIGN_FIELDS, segment: { select: { filter: true } } } });
    const launchedAt = campaign.launchedAt ?? this.clock.now();
    let written = 0;
    let afterId = 0;
    for (;;) {
      // The segment as it was at launch: members who join later are not added by a resumed launch.
      const memberIds = await this.segments.memberIdsAfter(campaign.segment.filter, afterId, LAUNCH_BATCH, launchedAt);
      if (memberIds.length === 0) break;
      afterId = memberIds[memberIds.length - 1];
      const recipients = memberIds.map((customerId) => ({ campaignId, customerId, holdout: isHeldOut(campaignId, customerId, campaign.holdoutPercent) }));
      await this.prisma.campaignRecipient.createMany({ data: recipients, skipDuplicates: true });
      const sendTo = recipients.filter((recipient) => !recipient.holdout).map((recipient) => recipient.customerId);
      const contacts = await this.customers.contacts(sendTo);
      const messages: NewMessage[] = sendTo.map((customerId) => {
        const contact = contacts.get(customerId);
        return {
          dedupeKey: `campaign:${campaignId}:${customerId}`,
          source: 'CAMPAIGN',
          campaignId,
          customerId,
          channel: contact ? customerChannel(campaign.channel, contact) : campaign.channel,
          title: campaign.title,
          body: campaign.content.replace(/\{name\}/g, contact?.name ?? '尊敬的会员').replace(/\{points\}/g, String(campaign.bonusPoints)),
          page: campaign.bonusPoints > 0 ? 'pages/loyalty/points/index' : 'pages/loyalty/mall/index',
          dueOn: shanghaiDateOf(launchedAt),
        };
      });
      written += await this.outbox.enqueue(this.prisma, messages);
      if (campaign.bonusPoints > 0) {
        for (const customerId of sendTo) {
          await this.ledger.grant(customerId, { points: campaign.bonusPoints, reason: `活动奖励：${campaign.name}`, source: 'campaign', sourceId: campaignId, idempotencyKey: `campaign:${campaignId}:${customerId}` }, launchedAt);
        }
      }
      if (memberIds.length < LAUNCH_BATCH) break;
    }
    await this.prisma.campaign.updateMany({ where: { id: campaignId, status: CampaignStatus.SENDING }, data: { status: CampaignStatus.SENT } });
    return written;
  }

  /**
   * What each group did within attributionDays of the launch: service bookings made, rewards redeemed and
   * workshop visits. The holdout got nothing, so the gap between the groups is what the campaign brought.
   */
  async report(id: number) {
    const campaign = await this.one(id);
    const empty = { members: 0, serviceBookings: 0, redemptions: 0, visits: 0, responders: 0, responseRate: 0 };
    const delivery = await this.delivery(id);
    if (!campaign.launchedAt) return { campaignId: id, windowStart: null, windowEnd: null, recipients: empty, holdout: empty, uplift: null, delivery, daily: [] };
    const windowStart = campaign.launchedAt;
    const windowEnd = new Date(windowStart.getTime() + campaign.attributionDays * DAY_MS);
    const groups = await Promise.all((['recipients', 'holdout'] as const).map((group) => this.outcome(id, group, windowStart, windowEnd)));
    const [recipients, holdout] = groups;
    return {
      campaignId: id,
      windowStart,
      windowEnd,
      recipients: recipients.totals,
      holdout: holdout.totals,
      uplift: uplift(recipients.totals.responseRate, holdout.totals.responseRate, holdout.totals.members),
      delivery,
      daily: [...recipients.daily, ...holdout.daily].sort((a, b) => a.date.localeCompare(b.date) || a.group.localeCompare(b.group)),
    };
  }

  private async outcome(campaignId: number, group: Group, start: Date, end: Date) {
    const inGroup = { campaignRecipients: { some: { campaignId, holdout: group === 'holdout' } } };
    const [members, bookings, redemptions, visits] = await Promise.all([
      this.prisma.campaignRecipient.count({ where: { campaignId, holdout: group === 'holdout' } }),
      this.serviceBookings.bookedBetween(start, end, inGroup),
      this.redemptions.redeemedBetween(start, end, inGroup),
      this.workOrders.checkedInBetween(start, end, inGroup),
    ]);
    const firstResponse = new Map<number, Date>();
    const note = (customerId: number, at: Date) => {
      const seen = firstResponse.get(customerId);
      if (!seen || at < seen) firstResponse.set(customerId, at);
    };
    for (const row of bookings) note(row.customerId, row.createdAt);
    for (const row of redemptions) note(row.customerId, row.createdAt);
    for (const row of visits) note(row.customerId, row.checkedInAt);
    const byDay = new Map<string, number>();
    for (const at of firstResponse.values()) byDay.set(shanghaiDateOf(at), (byDay.get(shanghaiDateOf(at)) ?? 0) + 1);
    return {
      totals: { members, serviceBookings: bookings.length, redemptions: redemptions.length, visits: visits.length, responders: firstResponse.size, responseRate: rate(firstResponse.size, members) },
      daily: [...byDay.entries()].map(([date, responders]) => ({ date, group, responders })),
    };
  }

  private async delivery(campaignId: number) {
    const counts = await this.outbox.countsByStatus(campaignId);
    const count = (statuses: OutboxStatus[]) => statuses.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0);
    return { sent: count([OutboxStatus.SENT]), skipped: count([OutboxStatus.SKIPPED]), failed: count([OutboxStatus.DEAD]), pending: count([OutboxStatus.PENDING, OutboxStatus.SENDING]) };
  }

  private async withCounts(row: Prisma.CampaignGetPayload<{ select: typeof CAMPAIGN_FIELDS }>) {
    const [recipients, holdout, sent] = await Promise.all([
      this.prisma.campaignRecipient.count({ where: { campaignId: row.id, holdout: false } }),
      this.prisma.campaignRecipient.count({ where: { campaignId: row.id, holdout: true } }),
      this.outbox.countsByStatus(row.id).then((counts) => counts.get(OutboxStatus.SENT) ?? 0),
    ]);
    return { ...row, recipients, holdout, sent };
  }

  private fields(input: SaveCampaignInput) {
    const { scheduledAt, ...rest } = input;
    return { ...rest, scheduledAt: scheduledAt ?? null, status: scheduledAt ? CampaignStatus.SCHEDULED : CampaignStatus.DRAFT };
  }

  private assertFuture(scheduledAt: Date | null | undefined): void {
    if (scheduledAt && scheduledAt.getTime() < this.clock.now().getTime() - 60_000) {
      throw new MarketingError('SCHEDULE_IN_PAST', '发送时间不能早于现在', [{ path: 'scheduledAt', message: '发送时间不能早于现在' }]);
    }
  }

  private async refuseChange(id: number): Promise<never> {
    const exists = await this.prisma.campaign.findUnique({ where: { id }, select: { status: true } });
    if (!exists) throw new MarketingError('CAMPAIGN_NOT_FOUND', '营销活动不存在');
    throw new MarketingError('CAMPAIGN_NOT_EDITABLE', '活动已开始发送或已取消，不能再修改');
  }
}
