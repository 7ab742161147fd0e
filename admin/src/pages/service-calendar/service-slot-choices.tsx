import { useCallback } from 'react';
import { listServiceSlots } from '../../api/service';
import { SlotPicker } from '../../components/slot-picker';

interface ServiceSlotChoicesProps {
  storeId: number;
  /** A Shanghai calendar date, YYYY-MM-DD. */
  date: string;
  value?: string;
  onChange?: (startAt: string) => void;
}

/** The store's workshop slots of a day, each with the bays still free; full ones disabled. */
export function ServiceSlotChoices({ storeId, date, value, onChange }: ServiceSlotChoicesProps) {
  const load = useCallback((signal: AbortSignal) => listServiceSlots({ storeId, date }, signal), [storeId, date]);
  return <SlotPicker load={load} unit="个工位" value={value} onChange={onChange} />;
}
