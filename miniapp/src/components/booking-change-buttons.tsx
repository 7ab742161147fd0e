import { ActionButton } from './action-button';

interface BookingChangeButtonsProps {
  /** A cancel is in flight (one at a time on the list). */
  cancelling: boolean;
  onCancel: () => void;
  onReschedule: () => void;
  cancelTestId: string;
  rescheduleTestId: string;
}

/** 取消 and 改期 on a booking card, while the booking can still be changed online. */
export function BookingChangeButtons({ cancelling, onCancel, onReschedule, cancelTestId, rescheduleTestId }: BookingChangeButtonsProps) {
  return (
    <>
      <ActionButton variant='plain' size='medium' busy={cancelling} onClick={onCancel} testId={cancelTestId}>
        取消
      </ActionButton>
      <ActionButton variant='secondary' size='medium' onClick={onReschedule} testId={rescheduleTestId}>
        改期
      </ActionButton>
    </>
  );
}
