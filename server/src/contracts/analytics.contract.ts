import { z } from 'zod';
import { dateTimeSchema, idQuerySchema } from './common.contract';

/**
 * Every KPI the dashboard shows, with its formula in words. The formula is written here once: the API
 * returns it beside each figure, the admin shows it as the tooltip, and a test checks that the README
 * table says the same.
 */
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

/** The formulas of the breakdown charts, shown as their tooltips. */
export const BREAKDOWN_FORMULAS = {
  funnel: '本期新增线索中到达过该阶段（或更后阶段）的线索数；转化率 = 到达本阶段数 ÷ 到达上一阶段数',
  channels: '按来源：本期新增线索数、其中已签约数，转化率 = 已签约 ÷ 新增',
  churn: '本期新增线索中已战败的线索，按战败前所在阶段和战败原因计数',
  leaderboard: '按顾问：新增线索、联系客户数、跟进次数、完成试驾、签约订单（本期），转化率 = 本期新增线索中已签约 ÷ 新增',
  trend: '每天（或每周、每月）的新增线索、签约订单、跟进次数和完成试驾',
} as const;

export const dashboardQuerySchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    storeId: idQuerySchema.optional(),
    regionId: idQuerySchema.optional(),
    consultantId: idQuerySchema.optional(),
  })
  .refine((query) => query.from <= query.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 3 * 366 * 86_400_000, { message: '时间范围最长三年', path: ['from'] });

const kpiSchema = z.object({
  key: z.string(),
  section: z.enum(['sales', 'service', 'members']),
  label: z.string(),
  unit: z.enum(['percent', 'days', 'count', 'fen', 'points', 'score']),
  formula: z.string(),
  /** percent: 0–100 with one decimal; days: one decimal; score: CSAT two decimals, NPS one; fen, points, count: integers; null when there is nothing to divide by. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});

const named = z.object({ id: z.number().int(), name: z.string() });

export const dashboardSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** The filters as applied after the caller's data scope (a consultant always sees only their own). */
  applied: z.object({ storeIds: z.array(z.number().int()).nullable(), consultantId: z.number().int().nullable() }),
  /** When the daily figures were last brought up to date. */
  refreshedAt: dateTimeSchema.nullable(),
  kpis: z.array(kpiSchema),
  funnel: z.array(z.object({ stage: z.string(), label: z.string(), count: z.number().int(), conversion: z.number().nullable() })),
  trend: z.object({
    granularity: z.enum(['day', 'week', 'month']),
    points: z.array(z.object({ period: z.string(), newLeads: z.number().int(), ordersSigned: z.number().int(), followUps: z.number().int(), testDrives: z.number().int() })),
  }),
  leaderboard: z.array(
    z.object({
      consultant: named,
      store: named.nullable(),
      newLeads: z.number().int(),
      contacts: z.number().int(),
      followUps: z.number().int(),
      testDrives: z.number().int(),
      ordersSigned: z.number().int(),
      conversion: z.number().nullable(),
    }),
  ),
  channels: z.array(z.object({ source: z.string(), label: z.string(), leads: z.number().int(), ordered: z.number().int(), conversion: z.number().nullable() })),
  churn: z.array(z.object({ stage: z.string(), stageLabel: z.string(), reason: z.string(), reasonLabel: z.string(), count: z.number().int() })),
  formulas: z.record(z.string(), z.string()),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
