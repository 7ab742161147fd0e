import { useCallback, useMemo, useState } from 'react';
import { listTestDriveSlots, type TestDriveSlot } from '../api/test-drives';
import { bookableDates, shanghaiDateOf } from '../format/shanghai-time';
import { useAsyncResource } from './use-async-resource';

/** Stores take bookings up to 14 days ahead (the server refuses later ones with BEYOND_BOOKING_WINDOW). */
export const BOOKING_WINDOW_DAYS = 14;

const NO_SLOTS: TestDriveSlot[] = [];

/**
 * A date among the next 14 Shanghai days (`initialDate`, else today) and a free slot on it, for one
 * store and model. Nothing is loaded until both are known. The chosen slot counts only while the latest answer still shows it
 * free, so a refresh that finds it taken clears the choice.
 */
export function useSlotPicker(storeId: number | null, modelId: number | null, initialDate?: string) {
  const today = shanghaiDateOf(new Date());
  const dates = useMemo(() => bookableDates(new Date(`${today}T12:00:00+08:00`), BOOKING_WINDOW_DAYS), [today]);
  const [pickedDate, setPickedDate] = useState(initialDate ?? dates[0].date);
  // A page left open past midnight: yesterday is no longer offered.
  const date = dates.some((day) => day.date === pickedDate) ? pickedDate : dates[0].date;
  const [pickedStartAt, setPickedStartAt] = useState<string | null>(null);

  const load = useCallback(
    () => (storeId && modelId ? listTestDriveSlots({ storeId, modelId, date }) : Promise.resolve(NO_SLOTS)),
    [storeId, modelId, date],
  );
  const slots = useAsyncResource(load);
  const selectedSlot = slots.data?.find((slot) => slot.startAt === pickedStartAt && slot.remaining > 0) ?? null;

  const selectDate = useCallback((nextDate: string) => {
    setPickedDate(nextDate);
    setPickedStartAt(null);
  }, []);

  const selectSlot = useCallback((slot: TestDriveSlot | null) => setPickedStartAt(slot?.startAt ?? null), []);

  return { dates, date, selectDate, slots, selectedSlot, selectSlot };
}

export type SlotPicker = ReturnType<typeof useSlotPicker>;
