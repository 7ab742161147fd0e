import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../api/client';
import { countSegment, segmentFilterSchema, type SegmentFilter } from '../../api/marketing';
import { useRemoteData } from '../../hooks/use-remote-data';
import { compactFilter } from './segment-conditions';

/** Ticking a few boxes in a row asks the database once, after the marketer pauses. */
const EDITING_PAUSE_MS = 400;

export interface LiveCount {
  /** The last count the server answered; kept while a new one is under way. */
  count: number | undefined;
  /** Waiting for the pause or for the server. */
  counting: boolean;
  /** The conditions as they stand cannot be counted (a lower bound above the upper one). */
  invalid: boolean;
  error: ApiError | undefined;
  retry: () => void;
}

const INVALID = 'invalid';

/** The conditions as a stable key: what the server stores, or INVALID when they cannot be counted. */
function countKey(filter: SegmentFilter | undefined): string {
  const parsed = segmentFilterSchema.safeParse(compactFilter(filter));
  return parsed.success ? JSON.stringify(parsed.data) : INVALID;
}

/** How many members the conditions being edited hold, counted by the server as they change. */
export function useLiveCount(filter: SegmentFilter | undefined): LiveCount {
  // Keyed by content: the form hands over a new object on every render.
  const key = countKey(filter);
  // The conditions counted: the first ones at once, later ones once the editing pauses.
  const [settledKey, setSettledKey] = useState(key);

  useEffect(() => {
    const timer = window.setTimeout(() => setSettledKey(key), EDITING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);

  const load = useCallback(
    async (signal: AbortSignal) => (settledKey === INVALID ? undefined : (await countSegment(JSON.parse(settledKey) as SegmentFilter, signal)).count),
    [settledKey],
  );
  const remote = useRemoteData(load);
  const invalid = key === INVALID;

  return {
    count: remote.data,
    counting: !invalid && (remote.loading || key !== settledKey),
    invalid,
    error: remote.error,
    retry: remote.reload,
  };
}
