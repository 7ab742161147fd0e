import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf } from '../api/api-error';
import { SLOT_UNAVAILABLE_CODES } from '../api/slots';
import { timeRangeOf } from '../format/shanghai-time';
import { useSingleFlight } from '../hooks/use-single-flight';
import type { SlotPicker as SlotPickerState } from '../hooks/use-slot-picker';
import { ActionButton } from './action-button';
import { explainChangeFailure, type BookingStore } from './booking-change-error';
import { InfoRows, type InfoRow } from './info-rows';
import { NoticeBar } from './notice-bar';
import { SlotFooter } from './slot-footer';
import { SlotPicker } from './slot-picker';
import './reschedule-form.scss';

interface RescheduleFormProps {
  booking: { startAt: string; endAt: string; store: BookingStore };
  /** What else names the booking, after its time and store: the model, or the service and the car. */
  details: InfoRow[];
  /** Slots of the booking's store (and model); the booking's own time stays marked in the grid. */
  picker: SlotPickerState;
  title: string;
  /** Shown until a new slot is picked. */
  placeholder: string;
  /** Under the button: until when changes can be made online, and whom to call after. */
  note: string;
  noteTestId?: string;
  /** Moves the booking; the server answers whether the new slot can be had. */
  reschedule: (startAt: string) => Promise<unknown>;
  /** The booking changed meanwhile (cut-off passed, cancelled, started): read it again. */
  onStale: () => void;
  testId: string;
}

function goBack() {
  void Taro.navigateBack();
}

/**
 * 改期 of a test drive or a workshop visit: the booking as it stands, a new slot, 确认改期. A slot taken
 * meanwhile is said above the grid, which is read again; any other refusal is explained (past the cut-off,
 * with the store's number) and the booking read again.
 */
export function RescheduleForm({ booking, details, picker, title, placeholder, note, noteTestId, reschedule, onStale, testId }: RescheduleFormProps) {
  const saving = useSingleFlight();
  const [slotRejection, setSlotRejection] = useState<string | null>(null);

  const save = () =>
    saving.run(async () => {
      const slot = picker.selectedSlot;
      if (!slot) return;
      try {
        await reschedule(slot.startAt);
        void Taro.showToast({ title: '改期成功', icon: 'success' });
        setTimeout(goBack, 800);
      } catch (error) {
        if (error instanceof ApiError && SLOT_UNAVAILABLE_CODES.has(error.code)) {
          setSlotRejection(messageOf(error));
          picker.selectSlot(null);
          void picker.slots.reload();
          return;
        }
        await explainChangeFailure(error, booking.store);
        onStale();
      }
    });

  return (
    <View className='page reschedule-form'>
      <View className='reschedule-form__card'>
        <InfoRows
          rows={[
            { label: '原时间', value: timeRangeOf(booking.startAt, booking.endAt) },
            { label: '门店', value: booking.store.name },
            ...details,
          ]}
        />
      </View>

      <Text className='reschedule-form__title'>{title}</Text>
      {slotRejection && <NoticeBar testId='slot-rejected'>{slotRejection}</NoticeBar>}
      <SlotPicker picker={picker} currentStartAt={booking.startAt} />

      <SlotFooter slot={picker.selectedSlot} prefix='改到' placeholder={placeholder} note={note} noteTestId={noteTestId}>
        <ActionButton busy={saving.busy} disabled={!picker.selectedSlot} onClick={() => void save()} testId={testId}>
          {saving.busy ? '提交中…' : '确认改期'}
        </ActionButton>
      </SlotFooter>
    </View>
  );
}
