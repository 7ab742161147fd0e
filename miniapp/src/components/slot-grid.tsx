import { Text, View } from '@tarojs/components';
import type { BookableSlot } from '../api/slots';
import { clockOf } from '../format/shanghai-time';
import type { AsyncResource } from '../hooks/use-async-resource';
import { ErrorState } from './page-states';
import './slot-grid.scss';

interface SlotGridProps {
  slots: AsyncResource<BookableSlot[]>;
  selectedStartAt: string | null;
  onSelect: (slot: BookableSlot) => void;
  /** The slot a booking being rescheduled holds now; marked, not offered. */
  currentStartAt?: string;
}

const PLACEHOLDER_CELLS = 6;

function statusOf(slot: BookableSlot, current: boolean): string {
  if (current) return '当前预约';
  return slot.remaining > 0 ? `剩余 ${slot.remaining}` : '已约满';
}

/** The day's slots, three to a row: start time and what is left; full ones are shown but cannot be picked. */
export function SlotGrid({ slots, selectedStartAt, onSelect, currentStartAt }: SlotGridProps) {
  if (slots.loading) {
    return (
      <View className='slot-grid' aria-busy data-testid='slot-grid-loading'>
        {Array.from({ length: PLACEHOLDER_CELLS }, (_, index) => (
          <View key={index} className='slot-grid__cell slot-grid__cell--placeholder' />
        ))}
      </View>
    );
  }
  if (slots.errorMessage) return <ErrorState message={slots.errorMessage} onRetry={() => void slots.reload()} />;
  // The server answers nothing for a day the store is closed, a day whose slots have all passed, and a day
  // beyond the store's booking window, which may be shorter than the dates offered.
  if (!slots.data?.length) {
    return (
      <View className='slot-grid__empty' data-testid='slot-grid-empty'>
        <Text>当天暂无可预约时段（已过、门店休息或超出可预约日期），请选择其他日期</Text>
      </View>
    );
  }
  return (
    <View className='slot-grid' data-testid='slot-grid'>
      {slots.data.map((slot) => {
        const current = slot.startAt === currentStartAt;
        const available = slot.remaining > 0 && !current;
        const classNames = ['slot-grid__cell'];
        if (!available) classNames.push('slot-grid__cell--full');
        if (slot.startAt === selectedStartAt) classNames.push('slot-grid__cell--selected');
        return (
          <View
            key={slot.startAt}
            className={classNames.join(' ')}
            ariaRole='radio'
            aria-disabled={!available}
            data-testid='slot'
            data-available={available ? 'true' : 'false'}
            onClick={() => {
              if (available) onSelect(slot);
            }}
          >
            <Text className='slot-grid__time'>{clockOf(slot.startAt)}</Text>
            <Text className='slot-grid__status'>{statusOf(slot, current)}</Text>
          </View>
        );
      })}
    </View>
  );
}
