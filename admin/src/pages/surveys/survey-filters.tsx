import { Segmented } from 'antd';
import { SURVEY_KIND_LABELS, SURVEY_KINDS } from '../../api/feedback';
import type { Store } from '../../api/org';
import { DateRangeFilter } from '../../components/date-range-filter';
import { FilterBar } from '../../components/filter-bar';
import { FilterSelect, StoreFilter } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import type { AnswerFilter, SurveyFilterValues, SurveyPageQuery } from './use-survey-list-query';

const KIND_OPTIONS = SURVEY_KINDS.map((value) => ({ value, label: SURVEY_KIND_LABELS[value] }));

const ANSWER_OPTIONS: { value: AnswerFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'answered', label: '已回复' },
  { value: 'unanswered', label: '仅未回复' },
  { value: 'detractors', label: '仅贬损（0–6 分）' },
];

interface SurveyFiltersProps {
  query: SurveyPageQuery;
  /** The stores to filter by; absent for store roles, who only ever see their own store. */
  stores?: RemoteData<Store[]>;
  onChange: (filters: Partial<SurveyFilterValues>) => void;
  onReset: () => void;
}

export function SurveyFilters({ query, stores, onChange, onReset }: SurveyFiltersProps) {
  return (
    <FilterBar data-testid="survey-filters" onReset={onReset}>
      <FilterSelect data-testid="survey-kind-filter" noun="类型" width={130} options={KIND_OPTIONS} value={query.kind} onChange={(kind) => onChange({ kind })} />
      {stores && <StoreFilter data-testid="survey-store-filter" stores={stores} value={query.storeId} onChange={(storeId) => onChange({ storeId })} />}
      <DateRangeFilter data-testid="survey-date-filter" placeholder={['发送日期起', '发送日期止']} value={query} onChange={onChange} />
      <Segmented<AnswerFilter> options={ANSWER_OPTIONS} value={query.answer} onChange={(answer) => onChange({ answer })} data-testid="survey-answer-filter" />
    </FilterBar>
  );
}
