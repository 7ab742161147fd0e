import { Button, DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { SURVEY_KIND_LABELS, SURVEY_KINDS } from '../../api/feedback';
import type { Store } from '../../api/org';
import { FilterSelect } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import { storeOptions } from '../staff/org-select-options';
import type { AnswerFilter, SurveyFilterValues, SurveyPageQuery } from './use-survey-list-query';

const DATE_FORMAT = 'YYYY-MM-DD';

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
    <Space wrap data-testid="survey-filters">
      <Select
        data-testid="survey-kind-filter"
        placeholder="全部类型"
        allowClear
        style={{ width: 130 }}
        options={SURVEY_KINDS.map((value) => ({ value, label: SURVEY_KIND_LABELS[value] }))}
        value={query.kind}
        onChange={(kind) => onChange({ kind })}
      />
      {stores && (
        <FilterSelect
          data-testid="survey-store-filter"
          noun="门店"
          source={stores}
          searchable
          width={180}
          options={storeOptions(stores.data ?? [])}
          value={query.storeId}
          onChange={(storeId) => onChange({ storeId })}
        />
      )}
      <DatePicker.RangePicker
        data-testid="survey-date-filter"
        placeholder={['发送日期起', '发送日期止']}
        allowEmpty={[true, true]}
        style={{ width: 260 }}
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format(DATE_FORMAT) ?? undefined, to: range?.[1]?.format(DATE_FORMAT) ?? undefined })}
      />
      <Segmented<AnswerFilter> options={ANSWER_OPTIONS} value={query.answer} onChange={(answer) => onChange({ answer })} data-testid="survey-answer-filter" />
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
