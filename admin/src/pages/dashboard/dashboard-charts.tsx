import { Bar, Funnel, Line } from '@ant-design/plots';
import type { ChurnRow, Dashboard, FunnelStage, LeaderboardRow } from '../../api/analytics';
import { formatPercent } from './kpi-format';

// The dashboard's charts, in their own module so the charting library loads with the dashboard, not with the admin.

/** The admin's primary blue first, then colours that stay apart for the four trend series and the churn reasons. */
const PALETTE = ['#1557d6', '#13a8a8', '#fa8c16', '#722ed1', '#eb2f96', '#52c41a', '#8c8c8c'];

/** G2 hands a click on a bar or a funnel stage to the chart with the datum it drew. */
interface ElementClick<T> {
  data?: { data?: T };
}

/**
 * Charts are drawn on a canvas: these make a click on a drawn element call `onSelect` with its datum. The
 * listener goes on the G2 chart inside the plot: the plot passes G2's events on under their bare type
 * (`click`), which a click on the axis or the background shares.
 */
function onElementClick<T>(onSelect: (datum: T) => void) {
  return (plot: { chart: { on: (event: string, handler: (event: ElementClick<T>) => void) => void } }) => {
    plot.chart.on('element:click', (event) => {
      const datum = event.data?.data;
      if (datum) onSelect(datum);
    });
  };
}

const CLICKABLE = { cursor: 'pointer' };

/**
 * Light blues, darkest at the top: the stage's dark label reads on its band and, where a late stage's band is
 * narrower than its label, on the white around it too.
 */
const FUNNEL_COLORS = ['#4f9dff', '#69b1ff', '#85c0ff', '#a0ceff', '#bad9ff', '#d0e5ff', '#e3efff'];

function funnelLabel(stage: FunnelStage): string {
  return stage.conversion === null ? `${stage.label} ${stage.count}` : `${stage.label} ${stage.count} · 转化 ${formatPercent(stage.conversion)}`;
}

/** 销售漏斗: every stage a lead of the period reached, with the conversion from the stage before. */
export function FunnelChart({ stages, onSelect }: { stages: FunnelStage[]; onSelect: (stage: FunnelStage) => void }) {
  return (
    <div data-testid="dashboard-funnel-chart">
      <Funnel
        data={stages}
        xField="label"
        yField="count"
        height={320}
        scale={{ color: { range: FUNNEL_COLORS } }}
        legend={false}
        style={CLICKABLE}
        // No contrast transform: the text stays dark wherever it falls (see FUNNEL_COLORS).
        label={{ text: funnelLabel, position: 'inside', fill: '#1f1f1f', fontSize: 12, transform: [] }}
        tooltip={{ title: false, items: [(stage: FunnelStage) => ({ name: stage.label, value: funnelLabel(stage).slice(stage.label.length + 1) })] }}
        onReady={onElementClick(onSelect)}
      />
    </div>
  );
}

const TREND_SERIES: { key: 'newLeads' | 'ordersSigned' | 'followUps' | 'testDrives'; label: string }[] = [
  { key: 'newLeads', label: '新增线索' },
  { key: 'ordersSigned', label: '签约订单' },
  { key: 'followUps', label: '跟进次数' },
  { key: 'testDrives', label: '完成试驾' },
];

/** 趋势: the four activity counts per day (or week, or month for a long period). */
export function TrendChart({ trend }: { trend: Dashboard['trend'] }) {
  // Days within one period read shorter without the year: 2026-11-05 → 11-05.
  const periodLabel = (period: string) => (trend.granularity === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(period) ? period.slice(5) : period);
  const data = trend.points.flatMap((point) => TREND_SERIES.map(({ key, label }) => ({ period: periodLabel(point.period), series: label, value: point[key] })));
  return (
    <div data-testid="dashboard-trend-chart">
      <Line
        data={data}
        xField="period"
        yField="value"
        colorField="series"
        height={320}
        point={trend.points.length <= 31 ? { shapeField: 'circle', sizeField: 2 } : undefined}
        scale={{ color: { domain: TREND_SERIES.map((series) => series.label), range: PALETTE }, y: { nice: true, domainMin: 0 } }}
        axis={{ x: { title: false }, y: { title: false } }}
        legend={{ color: { position: 'top', layout: { justifyContent: 'center' } } }}
      />
    </div>
  );
}

/** The consultants with the most orders signed, longest bar first. */
export function LeaderboardChart({ rows, onSelect }: { rows: LeaderboardRow[]; onSelect: (row: LeaderboardRow) => void }) {
  const data = rows.map((row) => ({ ...row, name: row.store ? `${row.consultant.name}（${row.store.name}）` : row.consultant.name }));
  return (
    <div data-testid="dashboard-leaderboard-chart">
      <Bar
        data={data}
        xField="name"
        yField="ordersSigned"
        height={Math.max(200, data.length * 36 + 40)}
        // Room right of the longest bar for its figure.
        paddingRight={32}
        style={{ ...CLICKABLE, fill: PALETTE[0], maxWidth: 24 }}
        axis={{ x: { title: false }, y: { title: '签约订单', labelFormatter: (value: number) => (Number.isInteger(value) ? `${value}` : '') } }}
        scale={{ y: { nice: true, domainMin: 0 } }}
        label={{ text: (row: LeaderboardRow) => `${row.ordersSigned}`, position: 'right', dx: 4, fontSize: 12 }}
        tooltip={{ title: 'name', items: [{ channel: 'y', name: '签约订单' }] }}
        onReady={onElementClick(onSelect)}
      />
    </div>
  );
}

/** 战败分析: lost leads by the stage they were lost at, stacked by reason. */
export function ChurnChart({ rows, onSelect }: { rows: ChurnRow[]; onSelect: (row: ChurnRow) => void }) {
  const stages = [...new Set(rows.map((row) => row.stageLabel))];
  return (
    <div data-testid="dashboard-churn-chart">
      <Bar
        data={rows}
        xField="stageLabel"
        yField="count"
        colorField="reasonLabel"
        stack
        height={Math.max(200, stages.length * 44 + 80)}
        style={{ ...CLICKABLE, maxWidth: 28 }}
        scale={{ color: { range: PALETTE.slice(1) }, y: { nice: true, domainMin: 0 } }}
        axis={{ x: { title: false }, y: { title: '战败线索数', labelFormatter: (value: number) => (Number.isInteger(value) ? `${value}` : '') } }}
        legend={{ color: { position: 'top', layout: { justifyContent: 'center' } } }}
        onReady={onElementClick(onSelect)}
      />
    </div>
  );
}
