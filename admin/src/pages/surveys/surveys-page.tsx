import { useCallback, useMemo, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { fetchSurveySummary, listSurveys, type SurveyFilters as SurveySummaryFilters } from '../../api/feedback';
import { ROLE_SCOPE } from '../../api/org';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useScopedStores } from '../../hooks/use-scoped-stores';
import { useCurrentStaff } from '../../layouts/current-staff';
import { SurveyFilters } from './survey-filters';
import { SurveySummaryCards } from './survey-summary-cards';
import { SurveyTable } from './survey-table';
import { toListQuery, useSurveyListQuery, type SurveyPageQuery } from './use-survey-list-query';
import { LoadError } from '../../components/load-error';

/** 回访 `/surveys`: satisfaction surveys after service and test drives, NPS and CSAT, and who answered what. */
export function SurveysPage() {
  const staff = useCurrentStaff();
  const { query, changeFilters, changePage, resetFilters } = useSurveyListQuery();
  const storeScoped = ROLE_SCOPE[staff.role] === 'store';
  const stores = useScopedStores();
  const [version, setVersion] = useState(0);

  return (
    <Card
      title="满意度回访"
      data-testid="surveys-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => setVersion((current) => current + 1)}>
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <SurveyFilters query={query} stores={storeScoped ? undefined : stores} onChange={changeFilters} onReset={resetFilters} />
        <SurveyOverview key={version} query={query} showStore={!storeScoped} onPageChange={changePage} />
      </Flex>
    </Card>
  );
}

function SurveyOverview({ query, showStore, onPageChange }: { query: SurveyPageQuery; showStore: boolean; onPageChange: (page: number, pageSize: number) => void }) {
  // The summary follows the period, kind and store, not the answered/page choice of the list.
  const { kind, storeId, from, to } = query;
  const summaryFilters = useMemo<SurveySummaryFilters>(() => ({ kind, storeId, from, to }), [kind, storeId, from, to]);
  const loadSummary = useCallback((signal: AbortSignal) => fetchSurveySummary(summaryFilters, signal), [summaryFilters]);
  const summary = useRemoteData(loadSummary);
  const loadList = useCallback((signal: AbortSignal) => listSurveys(toListQuery(query), signal), [query]);
  const surveys = useRemoteData(loadList);
  const filtered = Boolean(kind || storeId || from || to) || query.answer !== 'all';

  return (
    <Flex vertical gap={16}>
      <SurveySummaryCards summary={summary} />
      {surveys.error ? (
        <LoadError what="回访" error={surveys.error} onRetry={surveys.reload} data-testid="surveys-error" />
      ) : (
        <SurveyTable page={surveys.data} query={query} loading={surveys.loading} showStore={showStore} filtered={filtered} onPageChange={onPageChange} />
      )}
    </Flex>
  );
}
