import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './action-button.scss';

interface ActionButtonProps {
  children: ReactNode;
  onClick: () => void;
  /** 'danger' is for what cannot be undone, e.g. deleting the account. */
  variant?: 'primary' | 'secondary' | 'plain' | 'danger';
  size?: 'large' | 'medium' | 'small';
  disabled?: boolean;
  /** Shows the label dimmed and ignores taps while a request is in flight. */
  busy?: boolean;
  testId?: string;
}

/** A tappable button styled the same in the weapp and in H5 (the native Button differs between them). */
export function ActionButton({
  children,
  onClick,
  variant = 'primary',
  size = 'large',
  disabled = false,
  busy = false,
  testId,
}: ActionButtonProps) {
  const inactive = disabled || busy;
  const classNames = ['action-button', `action-button--${variant}`, `action-button--${size}`];
  if (inactive) classNames.push('action-button--inactive');
  return (
    <View
      className={classNames.join(' ')}
      hoverClass={inactive ? 'none' : 'action-button--pressed'}
      ariaRole='button'
      data-testid={testId}
      onClick={(event) => {
        event.stopPropagation();
        if (!inactive) onClick();
      }}
    >
      {children}
    </View>
  );
}
