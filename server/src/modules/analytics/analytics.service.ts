import { Inject, Injectable } from '@nestjs/common';
import { BREAKDOWN_FORMULAS, type Dashboard, type DashboardQuery } from '../../contracts/analytics.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf } from '../../core/auth/data-scope';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { PrismaService } from '../../core/database/prisma.service';
import { shanghaiDateSpan } from '../../core/time/shanghai-time';
import { Prisma } from '../../generated/prisma/client';
import type { LeadSource, LeadStage, LostReason } from '../../generated/prisma/enums';
import { LOST_REASON_LABELS, SOURCE_LABELS, STAGE_LABELS } from '../leads/lead-labels';
import { computeKpis, dateOnly, funnelOf, granularityFor, isSalesMetric, METRIC, percent, periodOf, periodsBetween, sectionsFor } from './analytics.rules';
import { KpiFactsService } from './kpi-facts.service';

interface FactRow {
  metric: string;
  staffId: number;
  dim: string;
  value: number;
}

const TREND_METRICS = { newLeads: METRIC.leads, ordersSigned: METRIC.ordersSigned, followUps: METRIC.followUps, testDrives: METRIC.testDrives } as const;
const LEADERBOARD_SIZE = 50;

/**
 * The dashboard: every figure is summed from kpi_daily_facts over the period, limited to the stores (and,
 * for a consultant, the person) the caller's data scope allows, so it answers in milliseconds on years of data.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly facts: KpiFactsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dashboard(caller: StaffCaller, query: DashboardQuery): Promise<Dashboard> {
    const sections = sectionsFor(caller.role);
    const applied = await this.applyScope(caller, query);
    const rows = await this.factRows(query, applied.storeIds);
    const salesRows = applied.consultantId === null ? rows : rows.filter((row) => !isSalesMetric(row.metric) || row.staffId === applied.consultantId);
    const totals = sumBy(salesRows, (row) => row.metric);
    const total = (metric: string) => totals.get(metric) ?? 0;
    const sales = sections.has('sales');

    const [live, trend, leaderboard, refreshedAt] = await Promise.all([
      sections.has('members') ? this.liveMemberFigures(query) : { members: 0, activeMembers: 0, outstandingPoints: 0 },
      sales ? this.trend(query, applied) : { granularity: granularityFor(query.from, query.to), points: [] },
      sales ? this.leaderboard(salesRows) : [],
      this.facts.refreshedAt(),
    ]);
    return {
      from: query.from,
      to: query.to,
      applied,
      refreshedAt,
      kpis: computeKpis(total, sections, { ...live, pointValueFen: this.config.POINT_VALUE_FEN }),
      funnel: sales ? funnelOf(total).map((step) => ({ ...step, label: STAGE_LABELS[step.stage as LeadStage] })) : [],
      trend,
      leaderboard,
      channels: sales ? channelsOf(salesRows) : [],
      churn: sales ? churnOf(salesRows) : [],
      formulas: BREAKDOWN_FORMULAS,
    };
  }

  /** The stores and consultant the figures are limited to: the filters, narrowed by the caller's scope. */
  private async applyScope(caller: StaffCaller, query: DashboardQuery): Promise<Dashboard['applied']> {
    let storeIds: number[] | null = null;
    const narrow = (ids: number[]) => (storeIds = storeIds === null ? ids : storeIds.filter((id) => ids.includes(id)));
    if (query.regionId) narrow(await this.storesInRegion(query.regionId));
    if (query.storeId) narrow([query.storeId]);
    const scope = dataScopeOf(caller);
    if (scope.level === 'region') narrow(await this.storesInRegion(scope.regionId));
    if (scope.level === 'store') narrow([scope.storeId]);
    return { storeIds, consultantId: scope.level === 'own' ? scope.staffId : (query.consultantId ?? null) };
  }

  private async storesInRegion(regionId: number): Promise<number[]> {
    const stores = await this.prisma.store.findMany({ where: { regionId }, select: { id: true } });
    return stores.map((store) => store.id);
  }

  private async factRows(query: DashboardQuery, storeIds: number[] | null): Promise<FactRow[]> {
    if (storeIds?.length === 0) return [];
    const rows = await this.prisma.$queryRaw<Array<{ metric: string; staffId: number; dim: string; value: unknown }>>`
      SELECT metric, staff_id AS staffId, dim, SUM(value) AS value FROM kpi_daily_facts
      WHERE day BETWEEN ${query.from} AND ${query.to} ${storeCondition(storeIds)}
      GROUP BY metric, staff_id, dim`;
    return rows.map((row) => ({ ...row, staffId: Number(row.staffId), value: Number(row.value) }));
  }

  private async trend(query: DashboardQuery, applied: Dashboard['applied']): Promise<Dashboard['trend']> {
    const granularity = granularityFor(query.from, query.to);
    const buckets = new Map(periodsBetween(query.from, query.to, granularity).map((period) => [period, { period, newLeads: 0, ordersSigned: 0, followUps: 0, testDrives: 0 }]));
    if (applied.storeIds?.length !== 0) {
      const rows = await this.prisma.$queryRaw<Array<{ metric: string; day: Date | string; value: unknown }>>`
        SELECT metric, day, SUM(value) AS value FROM kpi_daily_facts
        WHERE metric IN (${Prisma.join(Object.values(TREND_METRICS))}) AND day BETWEEN ${query.from} AND ${query.to}
          ${storeCondition(applied.storeIds)} ${applied.consultantId === null ? Prisma.empty : Prisma.sql`AND staff_id = ${applied.consultantId}`}
        GROUP BY metric, day`;
      for (const row of rows) {
        const bucket = buckets.get(periodOf(dateOnly(row.day), granularity));
        const field = (Object.keys(TREND_METRICS) as Array<keyof typeof TREND_METRICS>).find((key) => TREND_METRICS[key] === row.metric);
        if (bucket && field) bucket[field] += Number(row.value);
      }
    }
    return { granularity, points: [...buckets.values()] };
  }

  private async leaderboard(rows: FactRow[]): Promise<Dashboard['leaderboard']> {
    const byStaff = new Map<number, Map<string, number>>();
    for (const row of rows) {
      if (row.staffId === 0 || !isSalesMetric(row.metric)) continue;
      const metrics = byStaff.get(row.staffId) ?? new Map<string, number>();
      metrics.set(row.metric, (metrics.get(row.metric) ?? 0) + row.value);
      byStaff.set(row.staffId, metrics);
    }
    const staff = await this.prisma.staff.findMany({
      where: { id: { in: [...byStaff.keys()] }, role: 'CONSULTANT' },
      select: { id: true, name: true, store: { select: { id: true, name: true } } },
    });
    return staff
      .map((person) => {
        const value = (metric: string) => byStaff.get(person.id)?.get(metric) ?? 0;
        return {
          consultant: { id: person.id, name: person.name },
          store: person.store,
          newLeads: value(METRIC.leads),
          contacts: value(METRIC.contacts),
          followUps: value(METRIC.followUps),
          testDrives: value(METRIC.testDrives),
          ordersSigned: value(METRIC.ordersSigned),
          conversion: percent(value(METRIC.ordered), value(METRIC.leads)),
        };
      })
      .sort((a, b) => b.ordersSigned - a.ordersSigned || b.newLeads - a.newLeads || a.consultant.id - b.consultant.id)
      .slice(0, LEADERBOARD_SIZE);
  }

  /** Members are company-wide: how many there are, how many moved points in the period, what they hold. */
  private async liveMemberFigures(query: DashboardQuery) {
    const { gte: start, lt: end } = shanghaiDateSpan(query.from, query.to);
    const [members, [active], balances] = await Promise.all([
      this.prisma.pointsAccount.count(),
      this.prisma.$queryRaw<Array<{ count: unknown }>>`
        SELECT COUNT(DISTINCT customer_id) AS count FROM points_entries WHERE created_at >= ${start} AND created_at < ${end} AND type IN ('EARN', 'REDEEM')`,
      this.prisma.pointsAccount.aggregate({ _sum: { balance: true } }),
    ]);
    return { members, activeMembers: Number(active.count), outstandingPoints: balances._sum.balance ?? 0 };
  }
}

function storeCondition(storeIds: number[] | null): Prisma.Sql {
  // Points facts are company-wide (store 0): they count only when no store is picked.
  return storeIds === null ? Prisma.empty : Prisma.sql`AND (store_id IN (${Prisma.join(storeIds)}) OR metric LIKE 'points\\_%')`;
}

function sumBy(rows: FactRow[], key: (row: FactRow) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + row.value);
  return sums;
}

function channelsOf(rows: FactRow[]): Dashboard['channels'] {
  const leads = sumBy(rows.filter((row) => row.metric === METRIC.leadsBySource), (row) => row.dim);
  const ordered = sumBy(rows.filter((row) => row.metric === METRIC.orderedBySource), (row) => row.dim);
  return [...leads.entries()]
    .map(([source, count]) => ({ source, label: SOURCE_LABELS[source as LeadSource] ?? source, leads: count, ordered: ordered.get(source) ?? 0, conversion: percent(ordered.get(source) ?? 0, count) }))
    .sort((a, b) => b.leads - a.leads);
}

function churnOf(rows: FactRow[]): Dashboard['churn'] {
  const lost = sumBy(rows.filter((row) => row.metric === METRIC.lost), (row) => row.dim);
  return [...lost.entries()]
    .map(([dim, count]) => {
      const [stage, reason] = dim.split(':');
      return { stage, stageLabel: STAGE_LABELS[stage as LeadStage] ?? stage, reason, reasonLabel: LOST_REASON_LABELS[reason as LostReason] ?? reason, count };
    })
    .sort((a, b) => b.count - a.count);
}
