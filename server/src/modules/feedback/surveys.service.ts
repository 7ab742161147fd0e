import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { ComplaintCategory, ComplaintSource, MessageChannel, SurveyKind } from '../../generated/prisma/enums';
import type { StaffSurveyQuery } from '../../contracts/feedback.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, scopedWhere } from '../../core/auth/data-scope';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { PrismaService } from '../../core/database/prisma.service';
import { DomainEventType, raiseEvent } from '../../core/events/domain-events';
import { ConsumedEvent, consumeEvents } from '../../core/events/event-consumer';
import { Clock } from '../../core/time/clock';
import { shanghaiDateOf, shanghaiDateSpan } from '../../core/time/shanghai-time';
import { customerChannel } from '../automation/automation.rules';
import { OutboxService } from '../automation/outbox.service';
import { CustomersService } from '../customers/customers.service';
import { LoyaltyAdminService } from '../loyalty/loyalty-admin.service';
import { ComplaintsService } from './complaints.service';
import { FeedbackError } from './feedback.errors';
import { isDetractor, surveyScores } from './feedback.rules';

const CONSUMER = 'feedback';

const SURVEY_FIELDS = { id: true, kind: true, subjectId: true, subject: true, sentAt: true, answeredAt: true, nps: true, csat: true, comment: true, store: { select: { id: true, name: true } } } as const;
const STAFF_SURVEY_FIELDS = { ...SURVEY_FIELDS, customer: { select: { id: true, name: true, mobile: true } }, complaint: { select: { id: true } } } as const;

const SURVEY_EVENTS: Record<string, SurveyKind> = {
  [DomainEventType.SERVICE_SETTLED]: SurveyKind.SERVICE,
  [DomainEventType.TEST_DRIVE_COMPLETED]: SurveyKind.TEST_DRIVE,
};

/** Satisfaction surveys: one after each settled work order and each completed test drive; answered once. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly customers: CustomersService,
    private readonly complaints: ComplaintsService,
    private readonly loyaltyAdmin: LoyaltyAdminService,
  ) {}

  /** Reads new domain events and sends a survey for each settlement and test drive (each once: unique kind+subject). */
  sendFromEvents(batch = 200): Promise<number> {
    return consumeEvents(this.prisma, CONSUMER, (event) => this.sendFor(event), batch);
  }

  private async sendFor(event: ConsumedEvent): Promise<number> {
    const kind = SURVEY_EVENTS[event.type];
    if (!kind) return 0;
    const payload = event.payload as { customerId: number; storeId: number; subject?: string };
    const now = this.clock.now();
    const contact = (await this.customers.contacts([payload.customerId])).get(payload.customerId);
    return this.prisma.$transaction(async (tx) => {
      await tx.survey.createMany({
        data: [{ kind, subjectId: event.subjectId, customerId: payload.customerId, storeId: payload.storeId, subject: (payload.subject ?? (kind === SurveyKind.SERVICE ? '保养维修' : '试驾')).slice(0, 128), sentAt: now }],
        skipDuplicates: true,
      });
      const survey = await tx.survey.findUniqueOrThrow({ where: { kind_subjectId: { kind, subjectId: event.subjectId } }, select: { id: true, subject: true } });
      return this.outbox.enqueue(tx, [
        {
          dedupeKey: `survey:${survey.id}`,
          source: 'SURVEY',
          customerId: payload.customerId,
          channel: contact ? customerChannel(MessageChannel.WECHAT, contact) : MessageChannel.IN_APP,
          title: '满意度回访',
          body: `${contact?.name ?? '您好'}，感谢您的信任！请为本次${survey.subject}打个分，只需 30 秒。`,
          page: `pages/feedback/survey/index?id=${survey.id}`,
          dueOn: shanghaiDateOf(now),
        },
      ]);
    });
  }

  /** pending: true = not yet answered, false = answered, undefined = all (unanswered first, then the latest answers). */
  async mine(customerId: number, pending: boolean | undefined, page: number, pageSize: number) {
    const where: Prisma.SurveyWhereInput = { customerId, ...(pending === undefined ? {} : { answeredAt: pending ? null : { not: null } }) };
    const [rows, total, rewardPoints] = await Promise.all([
      this.prisma.survey.findMany({ where, select: SURVEY_FIELDS, orderBy: [{ answeredAt: { sort: 'desc', nulls: 'first' } }, { id: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.survey.count({ where }),
      this.rewardPoints(),
    ]);
    return { items: rows.map((row) => ({ ...row, rewardPoints })), total, page, pageSize };
  }

  async one(customerId: number, id: number) {
    const row = await this.prisma.survey.findFirst({ where: { id, customerId }, select: SURVEY_FIELDS });
    if (!row) throw new FeedbackError('SURVEY_NOT_FOUND', '问卷不存在');
    return { ...row, rewardPoints: await this.rewardPoints() };
  }

  /**
   * Records the answer once (a second answer is refused, so it earns once); the event gives the points; a
   * detractor opens a complaint for the store manager in the same transaction.
   */
  async answer(customerId: number, id: number, input: { nps: number; csat: number; comment?: string | null }) {
    const now = this.clock.now();
    await this.prisma.$transaction(async (tx) => {
      const answered = await tx.survey.updateMany({ where: { id, customerId, answeredAt: null }, data: { nps: input.nps, csat: input.csat, comment: input.comment ?? null, answeredAt: now } });
      if (answered.count !== 1) {
        const exists = await tx.survey.findFirst({ where: { id, customerId }, select: { id: true } });
        if (!exists) throw new FeedbackError('SURVEY_NOT_FOUND', '问卷不存在');
        throw new FeedbackError('SURVEY_ALREADY_ANSWERED', '您已经评价过了，感谢参与');
      }
      const survey = await tx.survey.findUniqueOrThrow({ where: { id }, select: { kind: true, storeId: true, subject: true } });
      await raiseEvent(tx, DomainEventType.SURVEY_ANSWERED, id, { customerId, nps: input.nps, csat: input.csat }, now);
      if (isDetractor(input.nps)) {
        await this.complaints.open(tx, {
          customerId,
          storeId: survey.storeId,
          source: ComplaintSource.SURVEY,
          category: survey.kind === SurveyKind.TEST_DRIVE ? ComplaintCategory.ATTITUDE : ComplaintCategory.SERVICE_QUALITY,
          content: `回访评分较低（${survey.subject}）：推荐意愿 ${input.nps}/10，满意度 ${input.csat}/5。${input.comment ? `留言：${input.comment}` : '未留言。'}`,
          surveyId: id,
        });
      }
    });
    return this.one(customerId, id);
  }

  async list(caller: StaffCaller, query: StaffSurveyQuery) {
    const where = this.staffWhere(caller, query);
    const [rows, total, rewardPoints] = await Promise.all([
      this.prisma.survey.findMany({ where, select: STAFF_SURVEY_FIELDS, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.survey.count({ where }),
      this.rewardPoints(),
    ]);
    return {
      items: rows.map(({ complaint, customer, ...row }) => ({ ...row, rewardPoints, complaintId: complaint?.id ?? null, customer: { ...customer, mobile: customer.mobile && customerMobileFor(caller.role, customer.mobile) } })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async summary(caller: StaffCaller, query: Omit<StaffSurveyQuery, 'page' | 'pageSize'>) {
    const where = this.staffWhere(caller, { ...query, answered: undefined, detractors: undefined });
    const [sent, answers] = await Promise.all([
      this.prisma.survey.count({ where }),
      this.prisma.survey.findMany({ where: { AND: [where, { answeredAt: { not: null } }] }, select: { nps: true, csat: true } }),
    ]);
    const scored = answers.map((answer) => ({ nps: answer.nps!, csat: answer.csat! }));
    return { sent, answered: scored.length, responseRate: sent === 0 ? 0 : Math.round((scored.length / sent) * 1000) / 10, ...surveyScores(scored) };
  }

  private staffWhere(caller: StaffCaller, query: Partial<StaffSurveyQuery>): Prisma.SurveyWhereInput {
    const scope = scopedWhere<Prisma.SurveyWhereInput>(dataScopeOf(caller), { own: () => ({ id: -1 }), store: (storeId) => ({ storeId }), region: (regionId) => ({ store: { regionId } }) });
    return {
      AND: [
        scope,
        { kind: query.kind, storeId: query.storeId },
        query.answered === 'true' ? { answeredAt: { not: null } } : query.answered === 'false' ? { answeredAt: null } : {},
        query.detractors === 'true' ? { nps: { lte: 6 } } : {},
        { sentAt: shanghaiDateSpan(query.from, query.to) },
      ],
    };
  }

  private async rewardPoints(): Promise<number> {
    const rule = (await this.loyaltyAdmin.earningRules()).find((candidate) => candidate.event === DomainEventType.SURVEY_ANSWERED);
    return rule?.active ? (rule.fixedPoints ?? 0) : 0;
  }
}
