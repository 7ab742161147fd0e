import { useCallback, useEffect, useState } from 'react';
import { fetchSchedule, type Schedule } from '../../api/test-drives';
import { useRemoteData, type RemoteData } from '../../hooks/use-remote-data';

/** One store's board for a day; nothing is asked for until the store is known. */
export function useSchedule(storeId: number | undefined, date: string): RemoteData<Schedule | undefined> {
  const load = useCallback(
    (signal: AbortSignal) => (storeId ? fetchSchedule({ storeId, date }, signal) : Promise.resolve(undefined)),
    [storeId, date],
  );
  return useRemoteData(load);
}

/**
 * The current time, refreshed every `everyMs`: slots turn from bookable to past while the board is
 * open, so a consultant is not offered a slot that has just begun.
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
