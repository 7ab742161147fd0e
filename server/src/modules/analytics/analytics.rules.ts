import { KPI_DEFINITIONS, type KpiKey, type KpiSection } from '../../contracts/analytics.contract';
import { StaffRole } from '../../generated/prisma/enums';
import { addDaysToDate } from '../../core/time/shanghai-time';

/** The stages a lead moves through in order; a lost lead keeps the furthest one it reached. */
export const FUNNEL_STAGES = ['NEW', 'CONTACTED', 'INVITED', 'TEST_DRIVEN', 'QUOTED', 'ORDERED', 'DELIVERED'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const ORDERED_STEP = FUNNEL_STAGES.indexOf('ORDERED');

/** Daily fact metric names, as stored in kpi_daily_facts. */
export const METRIC = {
  leads: 'leads',
  leadsBySource: 'leads_by_source',
  orderedBySource: 'ordered_by_source',
  contactedWithin2h: 'contacted_2h',
  ordered: 'ordered',
  orderedWithCycle: 'ordered_with_cycle',
  cycleSeconds: 'cycle_seconds',
  testDriven: 'test_driven',
  testDrivenOrdered: 'test_driven_ordered',
  lost: 'lost',
  ordersSigned: 'orders_signed',
  followUps: 'follow_ups',
  contacts: 'contacts',
  testDrives: 'test_drives',
  tasksDue: 'tasks_due',
  tasksOverdue: 'tasks_overdue',
  bookingsShown: 'bookings_shown',
  bookingsNoShow: 'bookings_no_show',
  settled: 'settled',
  revenueFen: 'revenue_fen',
  returned: 'returned',
  npsResponses: 'nps_responses',
  npsPromoters: 'nps_promoters',
  npsDetractors: 'nps_detractors',
  csatResponses: 'csat_responses',
  csatSum: 'csat_sum',
  pointsIssued: 'points_issued',
  pointsRedeemed: 'points_redeemed',
  pointsExpired: 'points_expired',
} as const;

/** "reached_CONTACTED" … "reached_DELIVERED": leads created that day that got at least that far. */
export const reachedMetric = (stage: FunnelStage) => `reached_${stage}`;

const SALES_METRICS = new Set<string>([
  METRIC.leads, METRIC.leadsBySource, METRIC.orderedBySource, METRIC.contactedWithin2h, METRIC.ordered, METRIC.orderedWithCycle,
  METRIC.cycleSeconds, METRIC.testDriven, METRIC.testDrivenOrdered, METRIC.lost, METRIC.ordersSigned, METRIC.followUps,
  METRIC.contacts, METRIC.testDrives, METRIC.tasksDue, METRIC.tasksOverdue, ...FUNNEL_STAGES.map(reachedMetric),
]);

/** Sales figures belong to a consultant (staff_id); a consultant filter narrows only these. */
export function isSalesMetric(metric: string): boolean {
  return SALES_METRICS.has(metric);
}

/** A DATE column as "YYYY-MM-DD" (the driver hands it back as midnight UTC, or as text). */
export function dateOnly(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Which parts of the dashboard a role sees; the figures inside are further limited by its data scope. */
export function sectionsFor(role: StaffRole): Set<KpiSection> {
  const sections = new Set<KpiSection>();
  if (role !== StaffRole.SERVICE_ADVISOR && role !== StaffRole.MARKETER) sections.add('sales');
  if (role !== StaffRole.CONSULTANT && role !== StaffRole.MARKETER) sections.add('service');
  if (role === StaffRole.ADMIN || role === StaffRole.DIRECTOR || role === StaffRole.MARKETER) sections.add('members');
  return sections;
}

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
}

export function average(sum: number, count: number, decimals = 1): number | null {
  if (count <= 0) return null;
  const scale = 10 ** decimals;
  return Math.round((sum / count) * scale) / scale;
}

/** Net promoter score: % promoters − % detractors, one decimal. */
export function netPromoterScore(promoters: number, detractors: number, responses: number): number | null {
  return responses > 0 ? Math.round(((promoters - detractors) / responses) * 1000) / 10 : null;
}

export interface Kpi {
  key: KpiKey;
  section: KpiSection;
  label: string;
  unit: (typeof KPI_DEFINITIONS)[KpiKey]['unit'];
  formula: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Sums of each metric over the period and scope: what every KPI is computed from. */
export type Totals = (metric: string) => number;

/** Every KPI of the given sections from the period's totals (`live` holds what is not a daily fact). */
export function computeKpis(total: Totals, sections: Set<KpiSection>, live: { members: number; activeMembers: number; outstandingPoints: number; pointValueFen: number }): Kpi[] {
  const ratio = (key: KpiKey, numerator: number, denominator: number): Kpi => kpi(key, percent(numerator, denominator), numerator, denominator);
  const count = (key: KpiKey, value: number): Kpi => kpi(key, value, null, null);
  const all: Kpi[] = [
    ratio('leadConversion', total(METRIC.ordered), total(METRIC.leads)),
    kpi('averageDealCycle', average(total(METRIC.cycleSeconds) / 86_400, total(METRIC.orderedWithCycle)), Math.round((total(METRIC.cycleSeconds) / 86_400) * 10) / 10, total(METRIC.orderedWithCycle)),
    ratio('firstContactOnTime', total(METRIC.contactedWithin2h), total(METRIC.leads)),
    ratio('overdueFollowUpRate', total(METRIC.tasksOverdue), total(METRIC.tasksDue)),
    ratio('testDriveToOrder', total(METRIC.testDrivenOrdered), total(METRIC.testDriven)),
    count('newLeads', total(METRIC.leads)),
    count('ordersSigned', total(METRIC.ordersSigned)),
    count('followUps', total(METRIC.followUps)),
    count('contacts', total(METRIC.contacts)),
    count('testDrives', total(METRIC.testDrives)),
    ratio('bookingShowUp', total(METRIC.bookingsShown), total(METRIC.bookingsShown) + total(METRIC.bookingsNoShow)),
    ratio('returnWithin12Months', total(METRIC.returned), total(METRIC.settled)),
    kpi('averageTicket', average(total(METRIC.revenueFen), total(METRIC.settled), 0), total(METRIC.revenueFen), total(METRIC.settled)),
    kpi('csat', average(total(METRIC.csatSum), total(METRIC.csatResponses), 2), total(METRIC.csatSum), total(METRIC.csatResponses)),
    kpi('nps', netPromoterScore(total(METRIC.npsPromoters), total(METRIC.npsDetractors), total(METRIC.npsResponses)), total(METRIC.npsPromoters) - total(METRIC.npsDetractors), total(METRIC.npsResponses)),
    ratio('activeMembers', live.activeMembers, live.members),
    count('pointsIssued', total(METRIC.pointsIssued)),
    count('pointsRedeemed', total(METRIC.pointsRedeemed)),
    count('pointsExpired', total(METRIC.pointsExpired)),
    kpi('pointsLiability', live.outstandingPoints * live.pointValueFen, live.outstandingPoints, null),
  ];
  return all.filter((item) => sections.has(item.section));
}

function kpi(key: KpiKey, value: number | null, numerator: number | null, denominator: number | null): Kpi {
  const { section, label, unit, formula } = KPI_DEFINITIONS[key];
  return { key, section, label, unit, formula, value, numerator, denominator };
}

/** The funnel: leads that reached each stage, and the share of the previous step that went on. */
export function funnelOf(total: Totals): Array<{ stage: FunnelStage; count: number; conversion: number | null }> {
  const counts = FUNNEL_STAGES.map((stage) => (stage === 'NEW' ? total(METRIC.leads) : total(reachedMetric(stage))));
  return FUNNEL_STAGES.map((stage, index) => ({ stage, count: counts[index], conversion: index === 0 ? null : percent(counts[index], counts[index - 1]) }));
}

export type Granularity = 'day' | 'week' | 'month';

/** Days for up to two months, weeks (from Monday) up to a year, months beyond. */
export function granularityFor(from: string, to: string): Granularity {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** The trend bucket a day falls in: the day itself, the Monday of its week, or "YYYY-MM". */
export function periodOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return day.slice(0, 7);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDaysToDate(day, -((weekday + 6) % 7));
}

/** Every bucket from `from` to `to`, so a quiet day still shows as a zero on the chart. */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  const periods: string[] = [];
  for (let day = from; day <= to; day = addDaysToDate(day, 1)) {
    const period = periodOf(day, granularity);
    if (periods[periods.length - 1] !== period) periods.push(period);
  }
  return periods;
}

/** Sorted distinct days → contiguous ranges of at most `maxDays` days each (one rebuild statement per range). */
export function dayRanges(days: string[], maxDays: number): Array<{ from: string; to: string }> {
  const sorted = [...new Set(days)].sort();
  const ranges: Array<{ from: string; to: string }> = [];
  for (const day of sorted) {
    const last = ranges[ranges.length - 1];
    const span = last ? (Date.parse(day) - Date.parse(last.from)) / 86_400_000 : Infinity;
    if (last && addDaysToDate(last.to, 1) === day && span < maxDays) last.to = day;
    else ranges.push({ from: day, to: day });
  }
  return ranges;
}
