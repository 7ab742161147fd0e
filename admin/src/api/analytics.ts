import type { BREAKDOWN_FORMULAS, KpiSection, KpiUnit } from 'server/contracts/analytics.contract';
import type * as contract from 'server/contracts/analytics.contract';
import { request } from './client';
import type { Wire } from 'server/contracts/wire.contract';

// The KPI dashboard (数据看板) as server/contracts/analytics.contract defines it. The formulas are written
// once, there: each figure comes with its label, section and formula, the breakdowns' in `formulas`.

export type { KpiSection, KpiUnit };
export type Breakdown = keyof typeof BREAKDOWN_FORMULAS;

export const KPI_SECTIONS: readonly KpiSection[] = ['sales', 'service', 'members'];

export const KPI_SECTION_LABELS: Record<KpiSection, string> = { sales: '销售', service: '售后', members: '会员' };

export type DashboardQuery = contract.DashboardQuery;

export type Dashboard = Wire<typeof contract.dashboardSchema>;
export type Kpi = Dashboard['kpis'][number];
export type FunnelStage = Dashboard['funnel'][number];
export type TrendPoint = Dashboard['trend']['points'][number];
export type LeaderboardRow = Dashboard['leaderboard'][number];
export type ChannelRow = Dashboard['channels'][number];
export type ChurnRow = Dashboard['churn'][number];

export function fetchDashboard(query: DashboardQuery, signal?: AbortSignal): Promise<Dashboard> {
  return request<Dashboard>('/analytics/dashboard', { query, signal });
}

/** The export route; it takes the same query as the dashboard. */
export const DASHBOARD_EXPORT_PATH = '/analytics/dashboard/export';
