import { useCallback, useRef, useState } from 'react';

/**
 * Runs one action at a time. A ref, not the `busy` state, decides: two taps in the same frame both see
 * the state before React re-renders, but the second one finds the ref already set and is dropped.
 */
export function useSingleFlight() {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (action: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await action();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, run };
}
