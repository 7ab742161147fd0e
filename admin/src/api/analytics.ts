import { request } from './client';
import type { Named } from './leads';

// Mirrors server/src/contracts/analytics.contract.ts: the KPI dashboard (数据看板). The server returns each
// figure's label and formula beside it and the breakdowns' formulas in `formulas`; the copies here give the
// sections their order and the chart cards a tooltip should an answer lack one.

export const KPI_DEFINITIONS = {
  leadConversion: { section: 'sales', label: '线索转化率', unit: 'percent', formula: '本期新增线索中已签约的线索数 ÷ 本期新增线索数' },
  averageDealCycle: { section: 'sales', label: '平均成交周期', unit: 'days', formula: '本期新增且已签约线索的（签约时间 − 线索创建时间）之和 ÷ 这些线索数，单位天' },
  firstContactOnTime: { section: 'sales', label: '首次联系及时率', unit: 'percent', formula: '本期新增线索中创建后 2 小时内首次联系的线索数 ÷ 本期新增线索数' },
  overdueFollowUpRate: { section: 'sales', label: '跟进逾期率', unit: 'percent', formula: '本期到期的跟进任务中逾期完成或到期仍未完成的任务数 ÷ 本期已到期的跟进任务数（不含已取消）' },
  testDriveToOrder: { section: 'sales', label: '试驾成交率', unit: 'percent', formula: '本期新增线索中试驾完成且已签约的线索数 ÷ 本期新增线索中试驾完成的线索数' },
  newLeads: { section: 'sales', label: '新增线索', unit: 'count', formula: '本期创建的线索数' },
  ordersSigned: { section: 'sales', label: '签约订单', unit: 'count', formula: '本期签约的订单数（按签约时间）' },
  followUps: { section: 'sales', label: '跟进次数', unit: 'count', formula: '本期记录的跟进次数' },
  contacts: { section: 'sales', label: '联系客户数', unit: 'count', formula: '本期每天跟进过的不同线索数之和（同一线索同一天只计一次）' },
  testDrives: { section: 'sales', label: '完成试驾', unit: 'count', formula: '本期完成的试驾数（按试驾开始时间）' },
  bookingShowUp: { section: 'service', label: '预约到店率', unit: 'percent', formula: '本期预约中已到店接车的数量 ÷（已到店 + 爽约）的数量' },
  returnWithin12Months: { section: 'service', label: '12 个月回厂率', unit: 'percent', formula: '本期结算的工单中，该车在此前 12 个月内有过结算工单的数量 ÷ 本期结算工单数' },
  averageTicket: { section: 'service', label: '平均客单价', unit: 'fen', formula: '本期结算工单的实收金额之和 ÷ 本期结算工单数' },
  csat: { section: 'service', label: '满意度 CSAT', unit: 'score', formula: '本期回答的回访中满意度评分（1–5）的平均值' },
  nps: { section: 'service', label: '净推荐值 NPS', unit: 'score', formula: '（推荐者 9–10 分的人数 − 贬损者 0–6 分的人数）÷ 回答推荐意愿的人数 × 100' },
  activeMembers: { section: 'members', label: '会员活跃率', unit: 'percent', formula: '本期有积分获得或兑换的会员数 ÷ 会员总数' },
  pointsIssued: { section: 'members', label: '发放积分', unit: 'points', formula: '本期获得的积分（消费、活动、正向调整）减去撤销的获得' },
  pointsRedeemed: { section: 'members', label: '兑换积分', unit: 'points', formula: '本期兑换用掉的积分减去退回的兑换' },
  pointsExpired: { section: 'members', label: '过期积分', unit: 'points', formula: '本期到期作废的积分' },
  pointsLiability: { section: 'members', label: '积分负债', unit: 'fen', formula: '全部会员当前积分余额之和 × 每积分价值（POINT_VALUE_FEN 分）' },
} as const;
export type KpiKey = keyof typeof KPI_DEFINITIONS;
export type KpiUnit = (typeof KPI_DEFINITIONS)[KpiKey]['unit'];
export type KpiSection = (typeof KPI_DEFINITIONS)[KpiKey]['section'];

export const KPI_SECTIONS: readonly KpiSection[] = ['sales', 'service', 'members'];

export const KPI_SECTION_LABELS: Record<KpiSection, string> = { sales: '销售', service: '售后', members: '会员' };

/** The formulas of the breakdown charts, shown as their tooltips. */
export const BREAKDOWN_FORMULAS = {
  funnel: '本期新增线索中到达过该阶段（或更后阶段）的线索数；转化率 = 到达本阶段数 ÷ 到达上一阶段数',
  channels: '按来源：本期新增线索数、其中已签约数，转化率 = 已签约 ÷ 新增',
  churn: '本期新增线索中已战败的线索，按战败前所在阶段和战败原因计数',
  leaderboard: '按顾问：新增线索、联系客户数、跟进次数、完成试驾、签约订单（本期），转化率 = 本期新增线索中已签约 ÷ 新增',
  trend: '每天（或每周、每月）的新增线索、签约订单、跟进次数和完成试驾',
} as const;
export type Breakdown = keyof typeof BREAKDOWN_FORMULAS;

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
  label: string;
  unit: KpiUnit;
  formula: string;
  /** percent: 0–100 with one decimal; days: one decimal; fen, points, count: integers; null when there is nothing to divide by. */
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
  formulas: Record<string, string>;
}

export function fetchDashboard(query: DashboardQuery, signal?: AbortSignal): Promise<Dashboard> {
  return request<Dashboard>('/analytics/dashboard', { query, signal });
}

/** The export route; it takes the same query as the dashboard. */
export const DASHBOARD_EXPORT_PATH = '/analytics/dashboard/export';
