import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { BookableSlot } from '../api/slots';
import { timeRangeOf } from '../format/shanghai-time';
import './slot-footer.scss';

interface SlotFooterProps {
  /** The slot picked above, or null. */
  slot: BookableSlot | null;
  /** Shown until a slot is picked, e.g. 请选择到店时段. */
  placeholder: string;
  /** Put before the picked time, e.g. 改到. */
  prefix?: string;
  /** The button that goes on with the slot. */
  children: ReactNode;
  /** A line under the button, e.g. until when the booking can be changed. */
  note?: string;
  testId?: string;
  noteTestId?: string;
}

/** Under a slot picker: the time picked, large, over the button that takes it. */
export function SlotFooter({ slot, placeholder, prefix, children, note, testId, noteTestId }: SlotFooterProps) {
  const picked = slot ? timeRangeOf(slot.startAt, slot.endAt) : null;
  return (
    <View className='slot-footer'>
      <Text className='slot-footer__selection' data-testid={testId}>
        {picked ? (prefix ? `${prefix} ${picked}` : picked) : placeholder}
      </Text>
      {children}
      {note && (
        <Text className='slot-footer__note' data-testid={noteTestId}>
          {note}
        </Text>
      )}
    </View>
  );
}
