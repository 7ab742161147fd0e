import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/api-error';

export interface AsyncResource<T> {
  data: T | undefined;
  loading: boolean;
  /** A message ready to show, or null. */
  errorMessage: string | null;
  reload: () => Promise<void>;
}

/**
 * Loads `load()` on mount and on `reload()`. A reply that arrives after a newer request started is
 * dropped, so a slow first answer never overwrites a fresh retry.
 */
export function useAsyncResource<T>(load: () => Promise<T>): AsyncResource<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const latestRequestId = useRef(0);

  const reload = useCallback(async () => {
    const requestId = ++latestRequestId.current;
    setLoading(true);
    setErrorMessage(null);
    try {
      const result = await load();
      if (requestId === latestRequestId.current) setData(result);
    } catch (error) {
      if (requestId === latestRequestId.current) setErrorMessage(messageOf(error));
    } finally {
      if (requestId === latestRequestId.current) setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, errorMessage, reload };
}
