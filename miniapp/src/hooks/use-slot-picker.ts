import { useCallback, useMemo, useState } from 'react';
import { listServiceSlots } from '../api/service';
import type { BookableSlot } from '../api/slots';
import { listTestDriveSlots } from '../api/test-drives';
import { bookableDates, shanghaiDateOf } from '../format/shanghai-time';
import { useAsyncResource } from './use-async-resource';

// The days offered as date chips. A store may set a shorter window: the slots endpoints then answer a later
// day with no slots, and a booking for one is refused with BEYOND_BOOKING_WINDOW.
/** Test drives: up to 14 days ahead. */
export const TEST_DRIVE_WINDOW_DAYS = 14;
/** Workshop visits: up to 30 days ahead. */
export const SERVICE_WINDOW_DAYS = 30;

const NO_SLOTS: BookableSlot[] = [];

/** One day's slots; null until the page knows enough to ask (store, model). */
type DaySlotsLoader = ((date: string) => Promise<BookableSlot[]>) | null;

/**
 * A date among the next `windowDays` Shanghai days (`initialDate`, else today) and a free slot on it.
 * Nothing is loaded until `loadDay` is given. The chosen slot counts only while the latest answer still
 * shows it free, so a refresh that finds it taken clears the choice.
 */
function useSlotPicker(loadDay: DaySlotsLoader, windowDays: number, initialDate?: string) {
  const today = shanghaiDateOf(new Date());
  const dates = useMemo(() => bookableDates(new Date(`${today}T12:00:00+08:00`), windowDays), [today, windowDays]);
  const [pickedDate, setPickedDate] = useState(initialDate ?? dates[0].date);
  // A page left open past midnight: yesterday is no longer offered.
  const date = dates.some((day) => day.date === pickedDate) ? pickedDate : dates[0].date;
  const [pickedStartAt, setPickedStartAt] = useState<string | null>(null);

  const load = useCallback(() => (loadDay ? loadDay(date) : Promise.resolve(NO_SLOTS)), [loadDay, date]);
  const slots = useAsyncResource(load);
  const selectedSlot = slots.data?.find((slot) => slot.startAt === pickedStartAt && slot.remaining > 0) ?? null;

  const selectDate = useCallback((nextDate: string) => {
    setPickedDate(nextDate);
    setPickedStartAt(null);
  }, []);

  const selectSlot = useCallback((slot: BookableSlot | null) => setPickedStartAt(slot?.startAt ?? null), []);

  return { dates, date, selectDate, slots, selectedSlot, selectSlot };
}

export type SlotPicker = ReturnType<typeof useSlotPicker>;

/** Test-drive slots of one model at one store. */
export function useTestDriveSlotPicker(storeId: number | null, modelId: number | null, initialDate?: string): SlotPicker {
  const loadDay = useMemo(
    () => (storeId && modelId ? (date: string) => listTestDriveSlots({ storeId, modelId, date }) : null),
    [storeId, modelId],
  );
  return useSlotPicker(loadDay, TEST_DRIVE_WINDOW_DAYS, initialDate);
}

/** Workshop slots at one store. */
export function useServiceSlotPicker(storeId: number | null, initialDate?: string): SlotPicker {
  const loadDay = useMemo(() => (storeId ? (date: string) => listServiceSlots(storeId, date) : null), [storeId]);
  return useSlotPicker(loadDay, SERVICE_WINDOW_DAYS, initialDate);
}
