import { View } from '@tarojs/components';
import type { SlotPicker as SlotPickerState } from '../hooks/use-slot-picker';
import { DateChips } from './date-chips';
import { SlotGrid } from './slot-grid';
import './slot-picker.scss';

interface SlotPickerProps {
  picker: SlotPickerState;
  currentStartAt?: string;
}

/** Date chips over the slot grid of the chosen day. */
export function SlotPicker({ picker, currentStartAt }: SlotPickerProps) {
  return (
    <View className='slot-picker'>
      <DateChips dates={picker.dates} selectedDate={picker.date} onSelect={picker.selectDate} />
      <View className='slot-picker__grid'>
        <SlotGrid
          slots={picker.slots}
          selectedStartAt={picker.selectedSlot?.startAt ?? null}
          onSelect={picker.selectSlot}
          currentStartAt={currentStartAt}
        />
      </View>
    </View>
  );
}
