import { request } from './client';
import type { Named } from './leads';

// Mirrors server/src/contracts/analytics.contract.ts: the KPI dashboard (数据看板). The formulas are written
// once, on the server: each figure comes with its label, section and formula, the breakdowns' in `formulas`.

export type KpiSection = 'sales' | 'service' | 'members';
export type KpiUnit = 'percent' | 'days' | 'count' | 'fen' | 'points' | 'score';
export type Breakdown = 'funnel' | 'channels' | 'churn' | 'leaderboard' | 'trend';

export const KPI_SECTIONS: readonly KpiSection[] = ['sales', 'service', 'members'];

export const KPI_SECTION_LABELS: Record<KpiSection, string> = { sales: '销售', service: '售后', members: '会员' };

// A type alias, not an interface, so it fits the client's query record as it is.
export type DashboardQuery = {
  /** Shanghai calendar dates, both included. */
  from: string;
  to: string;
  storeId?: number;
  regionId?: number;
  consultantId?: number;
};

export interface Kpi {
  key: string;
  section: KpiSection;
  label: string;
  unit: KpiUnit;
  formula: string;
  /** percent: 0–100 with one decimal; days: one decimal; score: CSAT two decimals, NPS one; fen, points, count: integers; null when there is nothing to divide by. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface FunnelStage {
  stage: string;
  label: string;
  count: number;
  /** Percent of the stage before; null for the first stage. */
  conversion: number | null;
}

export interface TrendPoint {
  period: string;
  newLeads: number;
  ordersSigned: number;
  followUps: number;
  testDrives: number;
}

export interface LeaderboardRow {
  consultant: Named;
  store: Named | null;
  newLeads: number;
  contacts: number;
  followUps: number;
  testDrives: number;
  ordersSigned: number;
  conversion: number | null;
}

export interface ChannelRow {
  source: string;
  label: string;
  leads: number;
  ordered: number;
  conversion: number | null;
}

export interface ChurnRow {
  stage: string;
  stageLabel: string;
  reason: string;
  reasonLabel: string;
  count: number;
}

export interface Dashboard {
  from: string;
  to: string;
  /** The filters as applied after the caller's data scope (a consultant always sees only their own). */
  applied: { storeIds: number[] | null; consultantId: number | null };
  /** When the daily figures were last brought up to date. */
  refreshedAt: string | null;
  /** Only the sections the caller's role may see. */
  kpis: Kpi[];
  /** The breakdowns are empty for roles without the sales section. */
  funnel: FunnelStage[];
  trend: { granularity: 'day' | 'week' | 'month'; points: TrendPoint[] };
  leaderboard: LeaderboardRow[];
  channels: ChannelRow[];
  churn: ChurnRow[];
  formulas: Record<Breakdown, string>;
}

export function fetchDashboard(query: DashboardQuery, signal?: AbortSignal): Promise<Dashboard> {
  return request<Dashboard>('/analytics/dashboard', { query, signal });
}

/** The export route; it takes the same query as the dashboard. */
export const DASHBOARD_EXPORT_PATH = '/analytics/dashboard/export';
