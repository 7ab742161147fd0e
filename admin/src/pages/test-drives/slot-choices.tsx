import { useCallback } from 'react';
import { listSlots } from '../../api/test-drives';
import { SlotPicker } from '../../components/slot-picker';

interface SlotChoicesProps {
  storeId: number;
  modelId: number;
  /** A Shanghai calendar date, YYYY-MM-DD. */
  date: string;
  /** The chosen slot's start (ISO); a form field's value. */
  value?: string;
  onChange?: (startAt: string) => void;
}

/** The day's future slots for the model at the store, each with the cars still free; full ones disabled. */
export function SlotChoices({ storeId, modelId, date, value, onChange }: SlotChoicesProps) {
  const load = useCallback((signal: AbortSignal) => listSlots({ storeId, modelId, date }, signal), [storeId, modelId, date]);
  return <SlotPicker load={load} unit="辆" value={value} onChange={onChange} />;
}
