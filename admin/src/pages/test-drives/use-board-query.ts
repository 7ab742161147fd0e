import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { positiveInt } from '../../route-params';
import { addCalendarDays, shanghaiToday } from '../../shanghai-time';

export interface BoardQuery {
  storeId?: number;
  /** A Shanghai calendar date, YYYY-MM-DD. */
  date: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string | null): string | undefined {
  return value && DATE.test(value) && dayjs(value).format('YYYY-MM-DD') === value ? value : undefined;
}

/**
 * The board's store and day, kept in the URL so a reload or a shared link shows the same board.
 * The default day (today, or tomorrow for 明日到店) is left out of the URL, so a bookmark always
 * opens on the current one.
 */
export function useBoardQuery(defaultDate: () => string = shanghaiToday): {
  query: BoardQuery;
  /** undefined goes back to the default store (the first in scope). */
  changeStore: (storeId: number | undefined) => void;
  changeDate: (date: string) => void;
  /** Moves the day by whole days (←/→); quick repeated clicks each count. */
  shiftDate: (days: number) => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo<BoardQuery>(
    () => ({ storeId: positiveInt(searchParams.get('storeId')), date: validDate(searchParams.get('date')) ?? defaultDate() }),
    [searchParams, defaultDate],
  );
  // The query last asked for: a second click may come before the URL change has re-rendered the page.
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  }, [query]);

  const write = useCallback(
    (next: BoardQuery) => {
      latest.current = next;
      const params = new URLSearchParams();
      if (next.storeId) params.set('storeId', String(next.storeId));
      if (next.date !== defaultDate()) params.set('date', next.date);
      setSearchParams(params);
    },
    [setSearchParams, defaultDate],
  );
  const changeStore = useCallback((storeId: number | undefined) => write({ ...latest.current, storeId }), [write]);
  const changeDate = useCallback((date: string) => write({ ...latest.current, date }), [write]);
  const shiftDate = useCallback(
    (days: number) => write({ ...latest.current, date: addCalendarDays(latest.current.date, days) }),
    [write],
  );
  return { query, changeStore, changeDate, shiftDate };
}
