import { ActionButton } from './action-button';
import { NoticeBar } from './notice-bar';

interface BookingSubmitProps {
  busy: boolean;
  /** The last attempt was lost on the network: it may or may not have gone through. */
  networkFailed: boolean;
  disabled: boolean;
  onSubmit: () => void;
  testId: string;
  noticeTestId: string;
}

/**
 * 确认预约 at the foot of a confirm screen. After a request lost on the network it says so and offers 重试,
 * which sends the screen's idempotency key again, so it never makes a second booking.
 */
export function BookingSubmit({ busy, networkFailed, disabled, onSubmit, testId, noticeTestId }: BookingSubmitProps) {
  return (
    <>
      {networkFailed && <NoticeBar testId={noticeTestId}>网络异常，预约可能未提交成功。请点击「重试」，不会重复预约。</NoticeBar>}
      <ActionButton busy={busy} disabled={disabled} onClick={onSubmit} testId={testId}>
        {busy ? '提交中…' : networkFailed ? '重试' : '确认预约'}
      </ActionButton>
    </>
  );
}
