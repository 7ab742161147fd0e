import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { ActionButton } from './action-button';
import './confirm-sheet.scss';

/** Taps this soon after the sheet opens are the second half of the tap that opened it, not a decision. */
const ARMING_MS = 400;

interface ConfirmSheetProps {
  title: string;
  children: ReactNode;
  confirmText: string;
  busy: boolean;
  /** The confirm button stays dimmed until the customer has done what the body asks (typed a word). */
  confirmDisabled?: boolean;
  /** The confirm button in red, for what deletes. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/**
 * A confirm step that slides up from the bottom, for what cannot be undone (spending points); shown while
 * mounted. Unlike Taro.showModal, whose buttons appear under the finger in H5, it ignores taps for a moment
 * after opening, so a double tap on the button that opened it never confirms unread.
 */
export function ConfirmSheet({ title, children, confirmText, busy, confirmDisabled = false, danger = false, onConfirm, onCancel, testId }: ConfirmSheetProps) {
  const [openedAt] = useState(() => Date.now());
  const armed = () => Date.now() - openedAt >= ARMING_MS;

  return (
    <View className='confirm-sheet' data-testid={testId}>
      <View className='confirm-sheet__mask' onClick={() => armed() && !busy && onCancel()} />
      <View className='confirm-sheet__panel' ariaRole='dialog'>
        <Text className='confirm-sheet__title'>{title}</Text>
        <View className='confirm-sheet__body'>{children}</View>
        <View className='confirm-sheet__actions'>
          <View className='confirm-sheet__action'>
            <ActionButton variant='plain' disabled={busy} onClick={() => armed() && onCancel()} testId='confirm-sheet-cancel'>
              再想想
            </ActionButton>
          </View>
          <View className='confirm-sheet__action'>
            <ActionButton
              variant={danger ? 'danger' : 'primary'}
              busy={busy}
              disabled={confirmDisabled}
              onClick={() => armed() && onConfirm()}
              testId='confirm-sheet-confirm'
            >
              {busy ? '提交中…' : confirmText}
            </ActionButton>
          </View>
        </View>
      </View>
    </View>
  );
}
