import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import { listMyTestDrives, type TestDriveBooking } from '../api/test-drives';
import { useAsyncResource } from './use-async-resource';

const NOT_LOADED: TestDriveBooking[] = [];

/**
 * The signed-in customer's bookings, newest first. Loaded only when `enabled` (signed in, and the page
 * needs them), and re-read whenever the page shows again, since bookings change on other pages.
 */
export function useMyTestDrives(enabled: boolean) {
  const load = useCallback(() => (enabled ? listMyTestDrives() : Promise.resolve(NOT_LOADED)), [enabled]);
  const bookings = useAsyncResource(load);
  const shown = useRef(false);

  useDidShow(() => {
    // The first show is the mount, which useAsyncResource has already loaded for.
    if (shown.current) void bookings.reload();
    shown.current = true;
  });

  return bookings;
}
