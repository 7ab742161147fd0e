import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { fetchImport, isRunning, type ImportJob } from '../../api/imports';

/** How often a running import is asked for its progress. */
export const POLL_MS = 1000;

interface JobState {
  job: ImportJob | undefined;
  error: ApiError | undefined;
}

/**
 * One import job, asked again every second while it is checking or writing (its progress moves), and no more
 * once it has settled. A failed poll keeps the last job shown with the error beside it.
 */
export function useImportJob(jobId: number): JobState & { loading: boolean; reload: () => void } {
  const [state, setState] = useState<JobState>({ job: undefined, error: undefined });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchImport(jobId, controller.signal).then(
      (job) => {
        if (!controller.signal.aborted) setState({ job, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ job: previous.job, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [jobId, attempt]);

  const running = state.job !== undefined && isRunning(state.job.status);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => setAttempt((count) => count + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, state.job]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...state, loading: state.job === undefined && state.error === undefined, reload };
}
