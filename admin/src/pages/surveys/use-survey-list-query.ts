import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { SURVEY_KINDS, type SurveyFilters, type SurveyListQuery } from '../../api/feedback';
import { positiveInt } from '../../route-params';
import { dateRangeParams, PAGE_SIZES } from '../../hooks/use-list-query';

const DEFAULT_PAGE_SIZE = 20;
/** Which answers to list: all, only the answered, only those still waiting, only the low scores (0–6). */
export type AnswerFilter = 'all' | 'answered' | 'unanswered' | 'detractors';
const ANSWER_FILTERS: AnswerFilter[] = ['all', 'answered', 'unanswered', 'detractors'];

export interface SurveyPageQuery extends SurveyFilters {
  answer: AnswerFilter;
  page: number;
  pageSize: number;
}

function parseQuery(params: URLSearchParams): SurveyPageQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    kind: SURVEY_KINDS.find((candidate) => candidate === params.get('kind')),
    storeId: positiveInt(params.get('storeId')),
    ...dateRangeParams(params),
    answer: ANSWER_FILTERS.find((candidate) => candidate === params.get('answer')) ?? 'all',
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearchParams(query: SurveyPageQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.storeId) params.set('storeId', String(query.storeId));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.answer !== 'all') params.set('answer', query.answer);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The page's filters as the API's list query. */
export function toListQuery({ answer, ...rest }: SurveyPageQuery): SurveyListQuery {
  return {
    ...rest,
    answered: answer === 'answered' ? 'true' : answer === 'unanswered' ? 'false' : undefined,
    detractors: answer === 'detractors' ? 'true' : undefined,
  };
}

export type SurveyFilterValues = Omit<SurveyPageQuery, 'page' | 'pageSize'>;

/** The survey list's filters and page, kept in the URL; a new filter goes back to page 1. */
export function useSurveyListQuery(): {
  query: SurveyPageQuery;
  changeFilters: (filters: Partial<SurveyFilterValues>) => void;
  changePage: (page: number, pageSize: number) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeFilters = useCallback(
    (filters: Partial<SurveyFilterValues>) => setSearchParams(toSearchParams({ ...query, ...filters, page: 1 })),
    [query, setSearchParams],
  );
  const changePage = useCallback(
    (page: number, pageSize: number) => setSearchParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
    [query, setSearchParams],
  );
  const resetFilters = useCallback(
    () => setSearchParams(toSearchParams({ answer: 'all', page: 1, pageSize: query.pageSize })),
    [query.pageSize, setSearchParams],
  );
  return { query, changeFilters, changePage, resetFilters };
}
