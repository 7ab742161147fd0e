import { lazy, Suspense, useCallback, type ReactNode } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { fetchCampaignReport, type Campaign, type CampaignOutcome, type CampaignReport } from '../../api/marketing';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatShanghaiTime } from '../../shanghai-time';
import { formatCount } from '../segments/segment-conditions';
import { LoadError } from '../../components/load-error';

// The charting library is large: it loads with the first report opened, not with the admin.
const ComparisonChart = lazy(() => import('./campaign-report-charts').then((module) => ({ default: module.ComparisonChart })));
const DailyRespondersChart = lazy(() => import('./campaign-report-charts').then((module) => ({ default: module.DailyRespondersChart })));

/** A rate the server gives in percent: 12.5 → 12.5%. */
function formatRate(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

/** Percentage points with their sign: +3.2 个百分点. */
function formatUplift(uplift: number): string {
  return `${uplift > 0 ? '+' : ''}${uplift.toFixed(1)}`;
}

const chartFallback = <Skeleton.Node active style={{ width: '100%', height: 260 }} />;

/** 投放与效果: delivery, then the recipients against the holdout within the attribution window. */
export function CampaignReportSection({ campaign }: { campaign: Campaign }) {
  if (!campaign.launchedAt) {
    return (
      <Card title="活动效果" data-testid="campaign-report">
        <Empty
          data-testid="campaign-report-pending"
          description={
            campaign.status === 'CANCELLED'
              ? '活动已取消，未发送'
              : `活动尚未发送。发送后在此对比发送组与对照组（${campaign.holdoutPercent}%）在 ${campaign.attributionDays} 天内的预约、兑换与到店。`
          }
        />
      </Card>
    );
  }
  return <LaunchedReport campaign={campaign} />;
}

function LaunchedReport({ campaign }: { campaign: Campaign }) {
  const load = useCallback((signal: AbortSignal) => fetchCampaignReport(campaign.id, signal), [campaign.id]);
  const report = useRemoteData(load);

  if (report.error && !report.data) {
    return (
      <Card title="活动效果" data-testid="campaign-report">
        <LoadError what="活动效果" error={report.error} onRetry={report.reload} data-testid="campaign-report-error" />
      </Card>
    );
  }
  if (!report.data) {
    return (
      <Card title="活动效果" data-testid="campaign-report">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const data = report.data;
  return (
    <Flex vertical gap={16} data-testid="campaign-report">
      {report.error && <Alert type="warning" showIcon title={`刷新失败：${report.error.message}`} />}
      <DeliveryCard campaign={campaign} report={data} />
      <Card title="发送组 vs 对照组" extra={<WindowText report={data} />} data-testid="campaign-comparison">
        <Row gutter={[24, 16]}>
          <Col xs={24} md={8}>
            <UpliftStatistic report={data} />
          </Col>
          <Col xs={12} md={8}>
            <Statistic title="发送组响应率" value={formatRate(data.recipients.responseRate)} data-testid="campaign-recipients-rate" />
          </Col>
          <Col xs={12} md={8}>
            <Statistic title="对照组响应率" value={formatRate(data.holdout.responseRate)} data-testid="campaign-holdout-rate" />
          </Col>
          <Col xs={24} xl={14}>
            <Typography.Text type="secondary">每百位会员的预约、兑换、到店次数与响应人数</Typography.Text>
            <Suspense fallback={chartFallback}>
              <ComparisonChart report={data} />
            </Suspense>
          </Col>
          <Col xs={24} xl={10}>
            <OutcomeTable report={data} />
          </Col>
        </Row>
      </Card>
      <Card title="每日响应人数" data-testid="campaign-daily">
        <Suspense fallback={chartFallback}>
          <DailyRespondersChart report={data} />
        </Suspense>
      </Card>
    </Flex>
  );
}

function WindowText({ report }: { report: CampaignReport }) {
  if (!report.windowStart || !report.windowEnd) return null;
  return (
    <Typography.Text type="secondary">
      统计窗口 {formatShanghaiTime(report.windowStart)} 至 {formatShanghaiTime(report.windowEnd)}
    </Typography.Text>
  );
}

function DeliveryCard({ campaign, report }: { campaign: Campaign; report: CampaignReport }) {
  const { delivery } = report;
  const items: { title: string; value: number; testId: string; danger?: boolean }[] = [
    { title: '发送组', value: campaign.recipients, testId: 'delivery-recipients' },
    { title: '对照组（不发送）', value: campaign.holdout, testId: 'delivery-holdout' },
    { title: '已发送', value: delivery.sent, testId: 'delivery-sent' },
    { title: '待发送', value: delivery.pending, testId: 'delivery-pending' },
    { title: '已跳过', value: delivery.skipped, testId: 'delivery-skipped' },
    { title: '发送失败', value: delivery.failed, testId: 'delivery-failed', danger: delivery.failed > 0 },
  ];
  return (
    <Card title="发送情况" data-testid="campaign-delivery" extra={<Typography.Text type="secondary">已跳过：未授权订阅、无手机号或已退订的会员</Typography.Text>}>
      <Row gutter={[24, 16]}>
        {items.map((item) => (
          <Col key={item.testId} xs={12} md={8} xl={4}>
            <div data-testid={item.testId}>
              <Statistic title={item.title} value={item.value} suffix="人" styles={item.danger ? { content: { color: '#cf1322' } } : undefined} />
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function UpliftStatistic({ report }: { report: CampaignReport }) {
  if (report.uplift === null) {
    return <Statistic title="效果提升" value="—" suffix={<Typography.Text type="secondary">无对照组，无法衡量</Typography.Text>} data-testid="campaign-uplift" />;
  }
  const up = report.uplift > 0;
  const down = report.uplift < 0;
  return (
    <div data-testid="campaign-uplift" data-uplift={report.uplift}>
      <Statistic
        title="效果提升（响应率差）"
        value={formatUplift(report.uplift)}
        suffix="个百分点"
        prefix={up ? <ArrowUpOutlined /> : down ? <ArrowDownOutlined /> : undefined}
        styles={{ content: { color: up ? '#389e0d' : down ? '#cf1322' : undefined } }}
      />
    </div>
  );
}

interface OutcomeRow {
  key: string;
  label: string;
  recipients: ReactNode;
  holdout: ReactNode;
}

function OutcomeTable({ report }: { report: CampaignReport }) {
  const row = (key: string, label: string, of: (outcome: CampaignOutcome) => ReactNode): OutcomeRow => ({
    key,
    label,
    recipients: of(report.recipients),
    holdout: of(report.holdout),
  });
  const rows: OutcomeRow[] = [
    row('members', '会员数', (outcome) => formatCount(outcome.members)),
    row('serviceBookings', '预约保养', (outcome) => formatCount(outcome.serviceBookings)),
    row('redemptions', '积分兑换', (outcome) => formatCount(outcome.redemptions)),
    row('visits', '到店', (outcome) => formatCount(outcome.visits)),
    row('responders', '响应会员', (outcome) => formatCount(outcome.responders)),
    row('responseRate', '响应率', (outcome) => <Typography.Text strong>{formatRate(outcome.responseRate)}</Typography.Text>),
  ];
  const columns: TableColumnsType<OutcomeRow> = [
    { title: '指标', dataIndex: 'label' },
    { title: '发送组', dataIndex: 'recipients', align: 'right' },
    { title: '对照组', dataIndex: 'holdout', align: 'right' },
  ];
  return <Table<OutcomeRow> data-testid="campaign-outcomes" size="small" columns={columns} dataSource={rows} pagination={false} />;
}
