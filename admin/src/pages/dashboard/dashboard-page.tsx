import { lazy, Suspense, useCallback, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { DASHBOARD_EXPORT_PATH, fetchDashboard, type Breakdown, type Dashboard, type DashboardQuery, type Kpi } from '../../api/analytics';
import { listRegions } from '../../api/org';
import { can, canOpen } from '../../access';
import { ExportButton } from '../../components/export-button';
import { useConsultants } from '../../hooks/use-consultants';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useScopedStores } from '../../hooks/use-scoped-stores';
import { useCurrentStaff } from '../../layouts/current-staff';
import { formatShanghaiClock, formatShanghaiDate, formatShanghaiShort, shanghaiToday } from '../../shanghai-time';
import { DashboardFilters } from './dashboard-filters';
import { kpiDrillPath, leadListPath } from './dashboard-drill';
import { KpiSections } from './dashboard-kpi-cards';
import { ChannelTable, ChurnTable, LeaderboardTable } from './dashboard-tables';
import { FormulaTitle } from './formula-title';
import { useDashboardQuery } from './use-dashboard-query';
import { LoadError } from '../../components/load-error';

// The charting library is large: it loads with the dashboard, not with the admin.
const charts = () => import('./dashboard-charts');
const FunnelChart = lazy(() => charts().then((module) => ({ default: module.FunnelChart })));
const TrendChart = lazy(() => charts().then((module) => ({ default: module.TrendChart })));
const LeaderboardChart = lazy(() => charts().then((module) => ({ default: module.LeaderboardChart })));
const ChurnChart = lazy(() => charts().then((module) => ({ default: module.ChurnChart })));

/** How many consultants the bar chart ranks; the table beside it lists them all. */
const LEADERBOARD_TOP = 10;

const chartFallback = <Skeleton.Node active style={{ width: '100%', height: 300 }} />;

/** 数据看板: the period's sales, service and members' figures, and the sales breakdowns behind them. */
export function DashboardPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { query, changeQuery, resetFilters } = useDashboardQuery();
  const filterByRegion = can(staff.role, 'dashboard.filterByRegion');
  const filterByStore = can(staff.role, 'dashboard.filterByStore');
  const filterByConsultant = can(staff.role, 'dashboard.filterByConsultant');
  const regions = useRemoteData(listRegions);
  const stores = useScopedStores();
  const consultants = useConsultants(
    {
      storeId: query.storeId ?? (filterByStore ? undefined : (staff.storeId ?? undefined)),
      regionId: query.storeId ? undefined : (query.regionId ?? staff.regionId ?? undefined),
    },
    filterByConsultant,
  );
  const load = useCallback((signal: AbortSignal) => fetchDashboard(query, signal), [query]);
  const dashboard = useRemoteData(load);

  return (
    <Card
      title="数据看板"
      data-testid="dashboard-page"
      extra={
        <Space wrap>
          {dashboard.data && <RefreshedAt refreshedAt={dashboard.data.refreshedAt} />}
          <ExportButton path={DASHBOARD_EXPORT_PATH} filters={query} hint="导出当前筛选下的全部指标、漏斗、排行、渠道、战败和趋势表，导出会记录在审计日志" data-testid="dashboard-export" />
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <DashboardFilters
          query={query}
          regions={filterByRegion ? regions : undefined}
          stores={filterByStore ? stores : undefined}
          consultants={filterByConsultant ? consultants : undefined}
          onChange={changeQuery}
          onReset={resetFilters}
        />
        {dashboard.error && !dashboard.data ? (
          <LoadError what="数据看板" error={dashboard.error} onRetry={dashboard.reload} data-testid="dashboard-error" />
        ) : !dashboard.data ? (
          <Skeleton active paragraph={{ rows: 12 }} data-testid="dashboard-loading" />
        ) : (
          <>
            {dashboard.error && (
              <Alert
                type="warning"
                showIcon
                title={`刷新失败：${dashboard.error.message}`}
                action={
                  <Button size="small" onClick={dashboard.reload}>
                    重试
                  </Button>
                }
              />
            )}
            <Spin spinning={dashboard.loading}>
              <DashboardBody dashboard={dashboard.data} query={query} showStore={filterByStore && !query.storeId} onOpen={navigate} />
            </Spin>
          </>
        )}
      </Flex>
    </Card>
  );
}

/** 数据更新于 14:05, with the date too when the last refresh was not today. */
function RefreshedAt({ refreshedAt }: { refreshedAt: string | null }) {
  if (!refreshedAt) {
    return (
      <Typography.Text type="warning" data-testid="dashboard-refreshed-at">
        数据尚未更新
      </Typography.Text>
    );
  }
  const when = formatShanghaiDate(refreshedAt) === shanghaiToday() ? formatShanghaiClock(refreshedAt) : formatShanghaiShort(refreshedAt);
  return (
    <Typography.Text type="secondary" data-testid="dashboard-refreshed-at">
      数据更新于 {when}
    </Typography.Text>
  );
}

interface DashboardBodyProps {
  dashboard: Dashboard;
  query: DashboardQuery;
  showStore: boolean;
  onOpen: (path: string) => void;
}

function DashboardBody({ dashboard, query, showStore, onOpen }: DashboardBodyProps) {
  const staff = useCurrentStaff();
  // A drill-down only where the person may open the list it leads to.
  const openable = (path: string | undefined) => (path && canOpen(staff.role, path.split('?')[0]) ? path : undefined);
  const drillPathOf = (kpi: Kpi) => openable(kpiDrillPath(kpi.key, kpi.section, query));
  const openLeads = (drill: Parameters<typeof leadListPath>[1]) => onOpen(leadListPath(query, drill));
  const formulaOf = (breakdown: Breakdown) => dashboard.formulas[breakdown];

  if (dashboard.kpis.length === 0) {
    return <Empty description="当前角色没有可查看的指标" data-testid="dashboard-empty" />;
  }
  // The breakdowns are the sales pipeline's: roles without the sales section get none.
  const hasSales = dashboard.kpis.some((kpi) => kpi.section === 'sales');
  const noNewLeads = dashboard.funnel.every((stage) => stage.count === 0);
  const noActivity = dashboard.trend.points.every((point) => point.newLeads + point.ordersSigned + point.followUps + point.testDrives === 0);
  const ranked = [...dashboard.leaderboard].sort((a, b) => b.ordersSigned - a.ordersSigned).slice(0, LEADERBOARD_TOP);

  return (
    <Flex vertical gap={24}>
      <KpiSections kpis={dashboard.kpis} drillPathOf={drillPathOf} onOpen={onOpen} />
      {hasSales && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <ChartCard title="销售漏斗" formula={formulaOf('funnel')} testId="dashboard-funnel" hint="点击阶段查看线索">
              {noNewLeads ? (
                <PeriodEmpty />
              ) : (
                <Suspense fallback={chartFallback}>
                  <FunnelChart stages={dashboard.funnel} onSelect={(stage) => openLeads({ stage: stage.stage })} />
                </Suspense>
              )}
            </ChartCard>
          </Col>
          <Col xs={24} xl={14}>
            <ChartCard title="趋势" formula={formulaOf('trend')} testId="dashboard-trend" hint={GRANULARITY_LABELS[dashboard.trend.granularity]}>
              {noActivity ? (
                <PeriodEmpty />
              ) : (
                <Suspense fallback={chartFallback}>
                  <TrendChart trend={dashboard.trend} />
                </Suspense>
              )}
            </ChartCard>
          </Col>
          <Col xs={24}>
            <ChartCard title="顾问排行" formula={formulaOf('leaderboard')} testId="dashboard-leaderboard" hint="按签约订单排名，点击顾问查看其线索">
              {dashboard.leaderboard.length === 0 ? (
                <PeriodEmpty />
              ) : (
                <Row gutter={[24, 16]}>
                  <Col xs={24} xxl={9}>
                    <Suspense fallback={chartFallback}>
                      <LeaderboardChart rows={ranked} onSelect={(row) => openLeads({ assigneeId: row.consultant.id })} />
                    </Suspense>
                  </Col>
                  <Col xs={24} xxl={15}>
                    <LeaderboardTable rows={dashboard.leaderboard} showStore={showStore} onSelect={(row) => openLeads({ assigneeId: row.consultant.id })} />
                  </Col>
                </Row>
              )}
            </ChartCard>
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard title="渠道质量" formula={formulaOf('channels')} testId="dashboard-channels" hint="点击来源查看线索">
              {dashboard.channels.length === 0 ? <PeriodEmpty /> : <ChannelTable rows={dashboard.channels} onSelect={(row) => openLeads({ source: row.source })} />}
            </ChartCard>
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard title="战败分析" formula={formulaOf('churn')} testId="dashboard-churn" hint="点击查看战败线索">
              {dashboard.churn.length === 0 ? (
                <PeriodEmpty description="本期新增线索中没有战败的" />
              ) : (
                <Flex vertical gap={16}>
                  <Suspense fallback={chartFallback}>
                    <ChurnChart rows={dashboard.churn} onSelect={() => openLeads({ stage: 'LOST' })} />
                  </Suspense>
                  {/* The lead list cannot filter by the stage a lead was lost at or by reason: a row opens the period's lost leads. */}
                  <ChurnTable rows={dashboard.churn} onSelect={() => openLeads({ stage: 'LOST' })} />
                </Flex>
              )}
            </ChartCard>
          </Col>
        </Row>
      )}
    </Flex>
  );
}

const GRANULARITY_LABELS: Record<Dashboard['trend']['granularity'], string> = { day: '按天', week: '按周', month: '按月' };

function ChartCard({ title, formula, hint, testId, children }: { title: string; formula: string; hint?: string; testId: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={<FormulaTitle title={title} formula={formula} testId={`${testId}-formula`} />}
      extra={hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>}
      style={{ height: '100%' }}
      data-testid={testId}
    >
      {children}
    </Card>
  );
}

function PeriodEmpty({ description = '本期没有数据' }: { description?: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} data-testid="dashboard-period-empty" />;
}
