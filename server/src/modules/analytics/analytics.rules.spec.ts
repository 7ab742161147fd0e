import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BREAKDOWN_FORMULAS, KPI_DEFINITIONS } from '../../contracts/analytics.contract';
import { StaffRole } from '../../generated/prisma/enums';
import { computeKpis, dayRanges, funnelOf, granularityFor, METRIC, netPromoterScore, percent, periodOf, periodsBetween, reachedMetric, sectionsFor } from './analytics.rules';

const totalsOf = (values: Record<string, number>) => (metric: string) => values[metric] ?? 0;
const noMembers = { members: 0, activeMembers: 0, outstandingPoints: 0, pointValueFen: 1 };

describe('analytics rules', () => {
  it('divides safely: one decimal, null when there is nothing to divide by', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
    expect(netPromoterScore(2, 1, 4)).toBe(25);
    expect(netPromoterScore(0, 3, 3)).toBe(-100);
    expect(netPromoterScore(0, 0, 0)).toBeNull();
  });

  it('computes each KPI from the period totals', () => {
    const kpis = computeKpis(
      totalsOf({ [METRIC.leads]: 6, [METRIC.ordered]: 2, [METRIC.orderedWithCycle]: 2, [METRIC.cycleSeconds]: 30 * 86_400, [METRIC.revenueFen]: 150_000, [METRIC.settled]: 3, [METRIC.csatSum]: 11, [METRIC.csatResponses]: 3 }),
      new Set(['sales', 'service', 'members'] as const),
      { members: 4, activeMembers: 1, outstandingPoints: 500, pointValueFen: 2 },
    );
    const value = (key: string) => kpis.find((kpi) => kpi.key === key)?.value;
    expect(value('leadConversion')).toBe(33.3);
    expect(value('averageDealCycle')).toBe(15);
    expect(value('averageTicket')).toBe(50_000);
    expect(value('csat')).toBe(3.67);
    expect(value('activeMembers')).toBe(25);
    expect(value('pointsLiability')).toBe(1000);
    expect(value('bookingShowUp')).toBeNull();
  });

  it('gives each role its sections', () => {
    expect([...sectionsFor(StaffRole.CONSULTANT)]).toEqual(['sales']);
    expect([...sectionsFor(StaffRole.SERVICE_ADVISOR)]).toEqual(['service']);
    expect([...sectionsFor(StaffRole.MARKETER)]).toEqual(['members']);
    expect([...sectionsFor(StaffRole.STORE_MANAGER)]).toEqual(['sales', 'service']);
    expect([...sectionsFor(StaffRole.ADMIN)]).toEqual(['sales', 'service', 'members']);
    expect(computeKpis(totalsOf({}), sectionsFor(StaffRole.CONSULTANT), noMembers).every((kpi) => KPI_DEFINITIONS[kpi.key].section === 'sales')).toBe(true);
  });

  it('builds the funnel from the leads that reached each stage', () => {
    const funnel = funnelOf(totalsOf({ [METRIC.leads]: 10, [reachedMetric('CONTACTED')]: 8, [reachedMetric('INVITED')]: 4 }));
    expect(funnel.slice(0, 4)).toEqual([
      { stage: 'NEW', count: 10, conversion: null },
      { stage: 'CONTACTED', count: 8, conversion: 80 },
      { stage: 'INVITED', count: 4, conversion: 50 },
      { stage: 'TEST_DRIVEN', count: 0, conversion: 0 },
    ]);
    expect(funnel[5]).toEqual({ stage: 'ORDERED', count: 0, conversion: null });
  });

  it('buckets the trend by day, Monday-based week or month, with every bucket present', () => {
    expect(granularityFor('2026-01-01', '2026-03-03')).toBe('day');
    expect(granularityFor('2026-01-01', '2026-12-31')).toBe('week');
    expect(granularityFor('2025-01-01', '2026-12-31')).toBe('month');
    expect(periodOf('2026-11-26', 'week')).toBe('2026-11-23');
    expect(periodOf('2026-11-29', 'week')).toBe('2026-11-23');
    expect(periodOf('2026-11-30', 'week')).toBe('2026-11-30');
    expect(periodsBetween('2026-11-20', '2026-12-02', 'week')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(periodsBetween('2026-01-31', '2026-03-01', 'month')).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('turns changed days into contiguous ranges of bounded length', () => {
    expect(dayRanges(['2026-01-03', '2026-01-01', '2026-01-02', '2026-01-02', '2026-01-05'], 31)).toEqual([
      { from: '2026-01-01', to: '2026-01-03' },
      { from: '2026-01-05', to: '2026-01-05' },
    ]);
    expect(dayRanges(['2026-01-01', '2026-01-02', '2026-01-03'], 2)).toEqual([
      { from: '2026-01-01', to: '2026-01-02' },
      { from: '2026-01-03', to: '2026-01-03' },
    ]);
    expect(dayRanges([], 31)).toEqual([]);
  });

  it('the README states every formula exactly as the code does', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    for (const [key, { label, formula }] of Object.entries(KPI_DEFINITIONS)) {
      expect(readme).toContain(`| ${label} (\`${key}\`) |`);
      expect(readme).toContain(`| ${formula} |`);
    }
    for (const [chart, formula] of Object.entries(BREAKDOWN_FORMULAS)) expect(readme).toContain(`| \`${chart}\` | ${formula} |`);
  });
});
