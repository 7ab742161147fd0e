import { useCallback } from 'react';
import { ApiError } from '../api/api-error';
import { countPendingSurveys, getMySurvey, listMyComplaints, listMySurveys, type MyComplaint, type Survey } from '../api/feedback';
import { usePagedResource } from './use-paged-resource';
import { useShownResource } from './use-shown-resource';

const NO_COMPLAINTS: MyComplaint[] = [];

/** The customer's surveys, those waiting for an answer first, a page at a time; read again when the page shows. */
export function useMySurveys(enabled: boolean) {
  return usePagedResource(enabled ? listMySurveys : null);
}

/** How many surveys wait for an answer (the badge on 我的); re-read when the page shows again. */
export function usePendingSurveyCount(enabled: boolean) {
  const load = useCallback(() => (enabled ? countPendingSurveys() : Promise.resolve(0)), [enabled]);
  return useShownResource(load);
}

/**
 * One survey: undefined until it is read (nothing is read until the customer is signed in), null when there is no
 * such survey of theirs (a link from an old message, another customer's survey), which no retry would change.
 */
export function useMySurvey(surveyId: number, enabled: boolean) {
  const load = useCallback(async (): Promise<Survey | null | undefined> => {
    if (!enabled) return undefined;
    if (!Number.isInteger(surveyId) || surveyId <= 0) return null;
    try {
      return await getMySurvey(surveyId);
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 404) return null;
      throw error;
    }
  }, [surveyId, enabled]);
  return useShownResource(load);
}

/** The customer's complaints and suggestions, newest first; re-read when the page shows again, as the store moves them on. */
export function useMyComplaints(enabled: boolean) {
  const load = useCallback(() => (enabled ? listMyComplaints() : Promise.resolve(NO_COMPLAINTS)), [enabled]);
  return useShownResource(load);
}
