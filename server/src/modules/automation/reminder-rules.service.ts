import { Injectable } from '@nestjs/common';
import { OutboxStatus, ReminderKind } from '../../generated/prisma/enums';
import type { UpdateReminderRuleInput } from '../../contracts/automation.contract';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { Clock } from '../../core/time/clock';
import { AutomationError } from './automation.errors';

const RULE_FIELDS = { id: true, kind: true, name: true, channel: true, daysBefore: true, intervalMonths: true, intervalKm: true, giftPoints: true, template: true, wechatTemplateId: true, enabled: true, updatedAt: true } as const;

@Injectable()
export class ReminderRulesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async list() {
    const since = new Date(this.clock.now().getTime() - 30 * 86_400_000);
    const [rules, queued, sent] = await Promise.all([
      this.prisma.reminderRule.findMany({ select: RULE_FIELDS, orderBy: [{ kind: 'asc' }, { daysBefore: 'desc' }] }),
      this.prisma.outboxMessage.groupBy({ by: ['ruleId'], where: { ruleId: { not: null }, createdAt: { gte: since } }, _count: { _all: true } }),
      this.prisma.outboxMessage.groupBy({ by: ['ruleId'], where: { ruleId: { not: null }, createdAt: { gte: since }, status: OutboxStatus.SENT }, _count: { _all: true } }),
    ]);
    const countOf = (groups: typeof queued, ruleId: number) => groups.find((group) => group.ruleId === ruleId)?._count._all ?? 0;
    return rules.map((rule) => ({ ...rule, last30Days: { queued: countOf(queued, rule.id), sent: countOf(sent, rule.id) } }));
  }

  async update(id: number, input: UpdateReminderRuleInput) {
    const updated = await this.prisma.reminderRule.updateMany({ where: { id }, data: input }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AutomationError('REMINDER_RULE_DUPLICATE', '同类提醒已有一条相同提前天数的规则', [{ path: 'daysBefore', message: '与另一条规则重复' }]);
      throw error;
    });
    if (updated.count === 0) throw new AutomationError('REMINDER_RULE_NOT_FOUND', '提醒规则不存在');
    return (await this.list()).find((rule) => rule.id === id)!;
  }

  /** A rule with no row (a database seeded before it existed) counts as on, as it was before rules existed. */
  async isEnabled(kind: ReminderKind): Promise<boolean> {
    const rules = await this.prisma.reminderRule.findMany({ where: { kind }, select: { enabled: true } });
    return rules.length === 0 || rules.some((rule) => rule.enabled);
  }
}
