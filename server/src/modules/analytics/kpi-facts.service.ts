import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../core/database/prisma.service';
import { Clock } from '../../core/time/clock';
import { addDaysToDate, shanghaiDateOf, shanghaiDateSpan } from '../../core/time/shanghai-time';
import { dateOnly, dayRanges, FUNNEL_STAGES, METRIC, ORDERED_STEP, reachedMetric } from './analytics.rules';

/** A UTC DATETIME as the Shanghai calendar day it falls on (China keeps UTC+8 all year). */
const shanghaiDay = (column: string) => `DATE(${column} + INTERVAL 8 HOUR)`;
const STAGE_LIST = FUNNEL_STAGES.map((stage) => `'${stage}'`).join(', ');
/** Position of a stage in the funnel (0 = NEW), -1 for LOST. */
const stageStep = (column: string) => `(FIELD(${column}, ${STAGE_LIST}) - 1)`;

interface Metric {
  name: string;
  /** An aggregate over the family's rows (alias r), grouped by day, store and staff member (and `dim`). */
  value: string;
  dim?: string;
  where?: string;
}

/**
 * One group of daily facts rebuilt from one source table: `rows` selects one row per source record for a
 * UTC range (two `?`: start, end) with its Shanghai `day`, `store_id` and `staff_id`; `changedDays` lists
 * the days whose records changed since an instant (`?` each time it appears); `firstDay` the earliest day.
 */
interface Family {
  name: string;
  rows: string;
  metrics: Metric[];
  changedDays: string;
  firstDay: string;
  /** Its figures change with the passing of time alone (a task becomes overdue): today and yesterday always rebuild. */
  movesWithTime?: boolean;
}

const FAMILIES: Family[] = [
  {
    // Leads by the day they were created: a lead's later progress rewrites the figures of the day it came in.
    name: 'lead-cohort',
    rows: `SELECT ${shanghaiDay('l.created_at')} AS day, l.store_id, COALESCE(l.assignee_id, 0) AS staff_id, l.source, l.lost_reason,
        l.stage = 'LOST' AS is_lost,
        GREATEST(${stageStep('l.stage')}, IF(l.first_contacted_at IS NULL, 0, 1), IF(l.ordered_at IS NULL, 0, ${ORDERED_STEP}),
          IF(l.delivered_at IS NULL, 0, ${ORDERED_STEP + 1}),
          IF(l.stage = 'LOST', COALESCE((SELECT MAX(${stageStep('c.to_stage')}) FROM lead_stage_changes c WHERE c.lead_id = l.id), 0), 0)) AS furthest,
        l.first_contacted_at IS NOT NULL AND l.first_contacted_at <= l.created_at + INTERVAL 2 HOUR AS on_time,
        l.ordered_at IS NOT NULL AS has_cycle,
        COALESCE(TIMESTAMPDIFF(SECOND, l.created_at, l.ordered_at), 0) AS cycle_seconds,
        EXISTS (SELECT 1 FROM test_drive_bookings b WHERE b.lead_id = l.id AND b.status = 'COMPLETED') AS test_driven
      FROM leads l WHERE l.created_at >= ? AND l.created_at < ?`,
    metrics: [
      { name: METRIC.leads, value: 'COUNT(*)' },
      { name: METRIC.leadsBySource, value: 'COUNT(*)', dim: 'r.source' },
      { name: METRIC.orderedBySource, value: `SUM(r.furthest >= ${ORDERED_STEP})`, dim: 'r.source' },
      { name: METRIC.contactedWithin2h, value: 'SUM(r.on_time)' },
      { name: METRIC.ordered, value: `SUM(r.furthest >= ${ORDERED_STEP})` },
      { name: METRIC.orderedWithCycle, value: 'SUM(r.has_cycle)' },
      { name: METRIC.cycleSeconds, value: 'SUM(r.cycle_seconds)' },
      { name: METRIC.testDriven, value: 'SUM(r.test_driven)' },
      { name: METRIC.testDrivenOrdered, value: `SUM(r.test_driven AND r.furthest >= ${ORDERED_STEP})` },
      ...FUNNEL_STAGES.slice(1).map((stage, index) => ({ name: reachedMetric(stage), value: `SUM(r.furthest >= ${index + 1})` })),
      { name: METRIC.lost, value: 'COUNT(*)', where: 'r.is_lost', dim: `CONCAT(ELT(r.furthest + 1, ${STAGE_LIST}), ':', COALESCE(r.lost_reason, 'OTHER'))` },
    ],
    changedDays: `SELECT DISTINCT ${shanghaiDay('created_at')} AS day FROM leads WHERE updated_at >= ?
      UNION SELECT DISTINCT ${shanghaiDay('l.created_at')} FROM test_drive_bookings b JOIN leads l ON l.id = b.lead_id WHERE b.updated_at >= ?`,
    firstDay: `SELECT ${shanghaiDay('MIN(created_at)')} AS day FROM leads`,
  },
  {
    name: 'orders',
    rows: `SELECT ${shanghaiDay('ordered_at')} AS day, store_id, COALESCE(assignee_id, 0) AS staff_id FROM leads WHERE ordered_at >= ? AND ordered_at < ?`,
    metrics: [{ name: METRIC.ordersSigned, value: 'COUNT(*)' }],
    changedDays: `SELECT DISTINCT ${shanghaiDay('ordered_at')} AS day FROM leads WHERE updated_at >= ? AND ordered_at IS NOT NULL`,
    firstDay: `SELECT ${shanghaiDay('MIN(ordered_at)')} AS day FROM leads`,
  },
  {
    name: 'follow-ups',
    rows: `SELECT ${shanghaiDay('f.created_at')} AS day, l.store_id, f.staff_id, f.lead_id FROM follow_ups f JOIN leads l ON l.id = f.lead_id
      WHERE f.created_at >= ? AND f.created_at < ?`,
    metrics: [
      { name: METRIC.followUps, value: 'COUNT(*)' },
      { name: METRIC.contacts, value: 'COUNT(DISTINCT r.lead_id)' },
    ],
    changedDays: `SELECT DISTINCT ${shanghaiDay('created_at')} AS day FROM follow_ups WHERE created_at >= ?`,
    firstDay: `SELECT ${shanghaiDay('MIN(created_at)')} AS day FROM follow_ups`,
  },
  {
    name: 'test-drives',
    rows: `SELECT ${shanghaiDay('b.start_at')} AS day, b.store_id, COALESCE(l.assignee_id, 0) AS staff_id FROM test_drive_bookings b
      LEFT JOIN leads l ON l.id = b.lead_id WHERE b.status = 'COMPLETED' AND b.start_at >= ? AND b.start_at < ?`,
    metrics: [{ name: METRIC.testDrives, value: 'COUNT(*)' }],
    changedDays: `SELECT DISTINCT ${shanghaiDay('start_at')} AS day FROM test_drive_bookings WHERE updated_at >= ?`,
    firstDay: `SELECT ${shanghaiDay('MIN(start_at)')} AS day FROM test_drive_bookings`,
  },
  {
    // Lead tasks that have fallen due (up to now): overdue when done after their time or still open.
    name: 'follow-up-tasks',
    rows: `SELECT ${shanghaiDay('t.due_at')} AS day, l.store_id, t.assignee_id AS staff_id, (t.status = 'OPEN' OR t.completed_at > t.due_at) AS overdue
      FROM tasks t JOIN leads l ON l.id = t.lead_id
      WHERE t.status IN ('OPEN', 'DONE') AND t.kind IN ('FIRST_CONTACT', 'FOLLOW_UP') AND t.due_at >= ? AND t.due_at < LEAST(?, ?)`,
    metrics: [
      { name: METRIC.tasksDue, value: 'COUNT(*)' },
      { name: METRIC.tasksOverdue, value: 'SUM(r.overdue)' },
    ],
    changedDays: `SELECT DISTINCT ${shanghaiDay('due_at')} AS day FROM tasks WHERE updated_at >= ?`,
    firstDay: `SELECT ${shanghaiDay('MIN(due_at)')} AS day FROM tasks`,
    movesWithTime: true,
  },
  {
    name: 'service-bookings',
    rows: `SELECT ${shanghaiDay('start_at')} AS day, store_id, 0 AS staff_id, status FROM service_bookings
      WHERE status IN ('CHECKED_IN', 'NO_SHOW') AND start_at >= ? AND start_at < ?`,
    metrics: [
      { name: METRIC.bookingsShown, value: "SUM(r.status = 'CHECKED_IN')" },
      { name: METRIC.bookingsNoShow, value: "SUM(r.status = 'NO_SHOW')" },
    ],
    changedDays: `SELECT DISTINCT ${shanghaiDay('start_at')} AS day FROM service_bookings WHERE updated_at >= ?`,
    firstDay: `SELECT ${shanghaiDay('MIN(start_at)')} AS day FROM service_bookings`,
  },
  {
    name: 'work-orders',
    rows: `SELECT ${shanghaiDay('w.settled_at')} AS day, w.store_id, w.advisor_id AS staff_id, w.total_fen,
        EXISTS (SELECT 1 FROM work_orders p WHERE p.vehicle_id = w.vehicle_id AND p.settled_at < w.settled_at
          AND p.settled_at >= w.settled_at - INTERVAL 12 MONTH) AS returned
      FROM work_orders w WHERE w.settled_at >= ? AND w.settled_at < ?`,
    metrics: [
      { name: METRIC.settled, value: 'COUNT(*)' },
      { name: METRIC.revenueFen, value: 'SUM(r.total_fen)' },
      { name: METRIC.returned, value: 'SUM(r.returned)' },
    ],
    changedDays: `SELECT DISTINCT ${shanghaiDay('settled_at')} AS day FROM work_orders WHERE updated_at >= ? AND settled_at IS NOT NULL`,
    firstDay: `SELECT ${shanghaiDay('MIN(settled_at)')} AS day FROM work_orders`,
  },
  {
    name: 'surveys',
    rows: `SELECT ${shanghaiDay('answered_at')} AS day, store_id, 0 AS staff_id, nps, csat FROM surveys WHERE answered_at >= ? AND answered_at < ?`,
    metrics: [
      { name: METRIC.npsResponses, value: 'COUNT(r.nps)' },
      { name: METRIC.npsPromoters, value: 'COALESCE(SUM(r.nps >= 9), 0)' },
      { name: METRIC.npsDetractors, value: 'COALESCE(SUM(r.nps <= 6), 0)' },
      { name: METRIC.csatResponses, value: 'COUNT(r.csat)' },
      { name: METRIC.csatSum, value: 'COALESCE(SUM(r.csat), 0)' },
    ],
    changedDays: `SELECT DISTINCT ${shanghaiDay('answered_at')} AS day FROM surveys WHERE answered_at >= ?`,
    firstDay: `SELECT ${shanghaiDay('MIN(answered_at)')} AS day FROM surveys`,
  },
  {
    // Points are company-wide: store 0. A reversal takes back an earning (negative) or refunds a redemption (positive).
    name: 'points',
    rows: `SELECT ${shanghaiDay('created_at')} AS day, 0 AS store_id, 0 AS staff_id, type, points FROM points_entries WHERE created_at >= ? AND created_at < ?`,
    metrics: [
      { name: METRIC.pointsIssued, value: "SUM(IF(r.type = 'EARN' OR (r.type = 'ADJUST' AND r.points > 0) OR (r.type = 'REVERSAL' AND r.points < 0), r.points, 0))" },
      { name: METRIC.pointsRedeemed, value: "SUM(IF(r.type = 'REDEEM' OR (r.type = 'REVERSAL' AND r.points > 0), -r.points, 0))" },
      { name: METRIC.pointsExpired, value: "SUM(IF(r.type = 'EXPIRE', -r.points, 0))" },
    ],
    changedDays: `SELECT DISTINCT ${shanghaiDay('created_at')} AS day FROM points_entries WHERE created_at >= ?`,
    firstDay: `SELECT ${shanghaiDay('MIN(created_at)')} AS day FROM points_entries`,
  },
];

const STATE_KEY = 'kpi_refresh_state';
/** Rows committed just before a run started can carry an earlier updated_at: look back a little further. */
const WATERMARK_OVERLAP_MS = 60_000;
/** Days rebuilt by one statement: a full rebuild of years goes month by month. */
const RANGE_DAYS = 31;

interface RefreshState {
  watermark: string;
  refreshedAt: string;
}

/**
 * Keeps kpi_daily_facts up to date: each run rebuilds, family by family, only the days whose source rows
 * changed since the previous run (all days on the first run), each range in one transaction so a reader
 * never sees a day half rebuilt. Aggregation is what SQL is for; Prisma cannot say INSERT … SELECT … GROUP BY.
 */
@Injectable()
export class KpiFactsService {
  private readonly logger = new Logger(KpiFactsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** Brings the facts up to date; returns the number of day ranges rebuilt. */
  async refresh(): Promise<number> {
    const startedAt = new Date();
    const state = await this.state();
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    let rebuilt = 0;
    for (const family of FAMILIES) {
      const days = state ? await this.changedDays(family, new Date(state.watermark)) : await this.allDays(family, today);
      if (family.movesWithTime) days.push(addDaysToDate(today, -1), today);
      for (const range of dayRanges(days, RANGE_DAYS)) {
        await this.rebuild(family, range, now);
        rebuilt += 1;
      }
    }
    const next: RefreshState = { watermark: new Date(startedAt.getTime() - WATERMARK_OVERLAP_MS).toISOString(), refreshedAt: startedAt.toISOString() };
    await this.prisma.appSetting.upsert({ where: { key: STATE_KEY }, create: { key: STATE_KEY, value: JSON.stringify(next) }, update: { value: JSON.stringify(next) } });
    if (!state) this.logger.log(`KPI facts built from scratch in ${Date.now() - startedAt.getTime()} ms`);
    return rebuilt;
  }

  /** Forgets the watermark, so the next refresh rebuilds every day. */
  async forgetState(): Promise<void> {
    await this.prisma.appSetting.deleteMany({ where: { key: STATE_KEY } });
  }

  async refreshedAt(): Promise<Date | null> {
    const state = await this.state();
    return state ? new Date(state.refreshedAt) : null;
  }

  private async state(): Promise<RefreshState | null> {
    const row = await this.prisma.appSetting.findUnique({ where: { key: STATE_KEY } });
    return row ? (JSON.parse(row.value) as RefreshState) : null;
  }

  private async changedDays(family: Family, since: Date): Promise<string[]> {
    const placeholders = family.changedDays.split('?').length - 1;
    const rows = await this.prisma.$queryRawUnsafe<Array<{ day: Date | null }>>(family.changedDays, ...Array<Date>(placeholders).fill(since));
    return rows.flatMap((row) => (row.day ? [dateOnly(row.day)] : []));
  }

  private async allDays(family: Family, today: string): Promise<string[]> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ day: Date | null }>>(family.firstDay);
    if (!row?.day) return [];
    const days: string[] = [];
    for (let day = dateOnly(row.day); day <= today; day = addDaysToDate(day, 1)) days.push(day);
    return days;
  }

  private async rebuild(family: Family, range: { from: string; to: string }, now: Date): Promise<void> {
    const { gte: start, lt: end } = shanghaiDateSpan(range.from, range.to);
    const rowParams = family.movesWithTime ? [start, end, now] : [start, end];
    await this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('DROP TEMPORARY TABLE IF EXISTS kpi_source_rows');
        await tx.$executeRawUnsafe(`CREATE TEMPORARY TABLE kpi_source_rows AS ${family.rows}`, ...rowParams);
        await tx.$executeRawUnsafe(
          `DELETE FROM kpi_daily_facts WHERE metric IN (${family.metrics.map(() => '?').join(', ')}) AND day BETWEEN ? AND ?`,
          ...family.metrics.map((metric) => metric.name),
          range.from,
          range.to,
        );
        for (const metric of family.metrics) await insertMetric(tx, metric);
        await tx.$executeRawUnsafe('DROP TEMPORARY TABLE kpi_source_rows');
      },
      { timeout: 600_000 },
    );
  }
}

async function insertMetric(tx: Prisma.TransactionClient, metric: Metric): Promise<void> {
  const dim = metric.dim ?? "''";
  await tx.$executeRawUnsafe(
    `INSERT INTO kpi_daily_facts (metric, day, store_id, staff_id, dim, value)
     SELECT ?, r.day, r.store_id, r.staff_id, ${dim}, ${metric.value} AS value FROM kpi_source_rows r
     ${metric.where ? `WHERE ${metric.where}` : ''} GROUP BY r.day, r.store_id, r.staff_id, ${dim} HAVING value <> 0`,
    metric.name,
  );
}
