import type { Dashboard } from '../../contracts/analytics.contract';
import { exportSheet, type AnyExportSheet } from '../../core/exports/xlsx-export';

async function* once<Row>(rows: Row[]): AsyncGenerator<Row[]> {
  yield rows;
}

const UNIT_LABELS: Record<Dashboard['kpis'][number]['unit'], string> = { percent: '%', days: '天', count: '个', fen: '元', points: '分', score: '分' };

/** The dashboard as the sheets of one workbook, in the words of the page. */
export function dashboardSheets(dashboard: Dashboard): AnyExportSheet[] {
  return [
    exportSheet({
      name: '指标',
      columns: [
        { header: '指标', width: 18, value: (kpi) => kpi.label },
        { header: '数值', width: 14, value: (kpi) => (kpi.value === null ? null : kpi.unit === 'fen' ? kpi.value / 100 : kpi.value) },
        { header: '单位', width: 8, value: (kpi) => UNIT_LABELS[kpi.unit] },
        { header: '分子', width: 12, value: (kpi) => kpi.numerator },
        { header: '分母', width: 12, value: (kpi) => kpi.denominator },
        { header: '口径', width: 80, value: (kpi) => kpi.formula },
      ],
      batches: once(dashboard.kpis),
    }),
    exportSheet({
      name: '销售漏斗',
      columns: [
        { header: '阶段', value: (step) => step.label },
        { header: '线索数', value: (step) => step.count },
        { header: '转化率(%)', value: (step) => step.conversion },
      ],
      batches: once(dashboard.funnel),
    }),
    exportSheet({
      name: '顾问排行',
      columns: [
        { header: '顾问', value: (row) => row.consultant.name },
        { header: '门店', value: (row) => row.store?.name },
        { header: '新增线索', value: (row) => row.newLeads },
        { header: '联系客户数', value: (row) => row.contacts },
        { header: '跟进次数', value: (row) => row.followUps },
        { header: '完成试驾', value: (row) => row.testDrives },
        { header: '签约订单', value: (row) => row.ordersSigned },
        { header: '转化率(%)', value: (row) => row.conversion },
      ],
      batches: once(dashboard.leaderboard),
    }),
    exportSheet({
      name: '渠道质量',
      columns: [
        { header: '来源', value: (row) => row.label },
        { header: '新增线索', value: (row) => row.leads },
        { header: '已签约', value: (row) => row.ordered },
        { header: '转化率(%)', value: (row) => row.conversion },
      ],
      batches: once(dashboard.channels),
    }),
    exportSheet({
      name: '战败分析',
      columns: [
        { header: '战败前阶段', value: (row) => row.stageLabel },
        { header: '战败原因', value: (row) => row.reasonLabel },
        { header: '线索数', value: (row) => row.count },
      ],
      batches: once(dashboard.churn),
    }),
    exportSheet({
      name: '趋势',
      columns: [
        { header: '日期', value: (row) => row.period },
        { header: '新增线索', value: (row) => row.newLeads },
        { header: '签约订单', value: (row) => row.ordersSigned },
        { header: '跟进次数', value: (row) => row.followUps },
        { header: '完成试驾', value: (row) => row.testDrives },
      ],
      batches: once(dashboard.trend.points),
    }),
  ];
}
