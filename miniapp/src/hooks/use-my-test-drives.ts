import { useCallback } from 'react';
import { listMyTestDrives, type TestDriveBooking } from '../api/test-drives';
import { useShownResource } from './use-shown-resource';

const NOT_LOADED: TestDriveBooking[] = [];

/**
 * The signed-in customer's bookings, newest first. Loaded only when `enabled` (signed in, and the page
 * needs them), and re-read whenever the page shows again, since bookings change on other pages.
 */
export function useMyTestDrives(enabled: boolean) {
  const load = useCallback(() => (enabled ? listMyTestDrives() : Promise.resolve(NOT_LOADED)), [enabled]);
  return useShownResource(load);
}
