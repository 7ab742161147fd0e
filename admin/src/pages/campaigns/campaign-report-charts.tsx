import { Column, Line } from '@ant-design/plots';
import { Empty } from 'antd';
import { CAMPAIGN_GROUP_LABELS, type CampaignGroup, type CampaignOutcome, type CampaignReport } from '../../api/marketing';
import { addCalendarDays, formatShanghaiDate, shanghaiToday } from '../../shanghai-time';

// The report's two charts, in their own module so the charting library loads only with a report.

/** Sent in the admin's primary blue, held out in grey: the same pair in both charts. */
const GROUP_COLORS = ['#1557d6', '#b0b7c3'];
const GROUP_DOMAIN = [CAMPAIGN_GROUP_LABELS.recipients, CAMPAIGN_GROUP_LABELS.holdout];

const METRICS: { label: string; of: (outcome: CampaignOutcome) => number }[] = [
  { label: '预约保养', of: (outcome) => outcome.serviceBookings },
  { label: '积分兑换', of: (outcome) => outcome.redemptions },
  { label: '到店', of: (outcome) => outcome.visits },
  { label: '响应会员', of: (outcome) => outcome.responders },
];

/** Per 100 members, so a group of 800 and one of 200 compare fairly. */
function per100(count: number, members: number): number {
  return members === 0 ? 0 : Math.round((count / members) * 1000) / 10;
}

/** 发送组 against 对照组: bookings, redemptions, visits and responders per 100 members, side by side. */
export function ComparisonChart({ report }: { report: CampaignReport }) {
  const data = METRICS.flatMap(({ label, of }) => [
    { metric: label, group: CAMPAIGN_GROUP_LABELS.recipients, value: per100(of(report.recipients), report.recipients.members), count: of(report.recipients) },
    { metric: label, group: CAMPAIGN_GROUP_LABELS.holdout, value: per100(of(report.holdout), report.holdout.members), count: of(report.holdout) },
  ]);
  return (
    <div data-testid="campaign-comparison-chart">
      <Column
        data={data}
        xField="metric"
        yField="value"
        colorField="group"
        group
        height={300}
        // Headroom above the tallest bar for its label.
        scale={{ color: { domain: GROUP_DOMAIN, range: GROUP_COLORS }, y: { nice: true, domainMin: 0, domainMax: Math.max(1, ...data.map((datum) => datum.value)) * 1.15 } }}
        axis={{ y: { title: '每百位会员' } }}
        // Above each bar; a zero says nothing the missing bar does not (the table beside has every number).
        label={{ text: (datum: { value: number }) => (datum.value > 0 ? `${datum.value}` : ''), position: 'top', textBaseline: 'bottom', dy: -2, fontSize: 11 }}
        tooltip={{ items: [(datum: { group: string; value: number; count: number }) => ({ name: datum.group, value: `${datum.value} / 百人（${datum.count}）` })] }}
        legend={{ color: { position: 'top', layout: { justifyContent: 'center' } } }}
      />
    </div>
  );
}

const GROUPS: CampaignGroup[] = ['recipients', 'holdout'];

/**
 * Every day of the window so far for both groups: the server lists only days with responders, and a line
 * drawn straight between two of them would hide the quiet days in between.
 */
function dailySeries(report: CampaignReport): { date: string; group: string; responders: number }[] {
  if (!report.windowStart || !report.windowEnd) return [];
  const counted = new Map(report.daily.map((day) => [`${day.date}|${day.group}`, day.responders]));
  const end = formatShanghaiDate(report.windowEnd);
  const last = shanghaiToday() < end ? shanghaiToday() : end;
  const series: { date: string; group: string; responders: number }[] = [];
  for (let date = formatShanghaiDate(report.windowStart); date <= last; date = addCalendarDays(date, 1)) {
    for (const group of GROUPS) series.push({ date: date.slice(5), group: CAMPAIGN_GROUP_LABELS[group], responders: counted.get(`${date}|${group}`) ?? 0 });
  }
  return series;
}

/** Responders per day since launch, one line per group. */
export function DailyRespondersChart({ report }: { report: CampaignReport }) {
  const data = dailySeries(report);
  if (data.length === 0) return <Empty description="发送后按天统计两组的响应人数" data-testid="campaign-daily-empty" />;
  return (
    <div data-testid="campaign-daily-chart">
      <Line
        data={data}
        xField="date"
        yField="responders"
        colorField="group"
        height={260}
        point={{ shapeField: 'circle', sizeField: 3 }}
        scale={{ color: { domain: GROUP_DOMAIN, range: GROUP_COLORS }, y: { nice: true, domainMin: 0 } }}
        axis={{ y: { title: '响应人数' }, x: { title: false } }}
        legend={{ color: { position: 'top', layout: { justifyContent: 'center' } } }}
      />
    </div>
  );
}
