import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../api/client';

export interface RemoteData<T> {
  /** The last data loaded; kept while a reload runs so a table does not flash empty. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface LoadState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * Loads data whenever `load` changes (memoise it with useCallback over its inputs).
 * A superseded request is aborted so a slow answer never overwrites a newer one.
 */
export function useRemoteData<T>(load: (signal: AbortSignal) => Promise<T>): RemoteData<T> {
  const [state, setState] = useState<LoadState<T>>({ data: undefined, error: undefined, loading: true });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState((previous) => ({ data: previous.data, error: toApiError(error), loading: false }));
        }
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...state, reload };
}
