import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ActionButton } from './action-button';
import './share-button.scss';

interface ShareButtonProps {
  children: ReactNode;
  /** Outside WeChat there is no share sheet: what to do instead (copy an invitation). */
  onFallback: () => void;
  testId?: string;
}

/**
 * Shares the page to a WeChat chat. Only WeChat's own button opens the share sheet; what is sent is what the
 * page's useShareAppMessage answers. On H5 it is a plain button doing `onFallback`.
 */
export function ShareButton({ children, onFallback, testId }: ShareButtonProps) {
  if (process.env.TARO_ENV !== 'weapp') {
    return (
      <ActionButton onClick={onFallback} testId={testId}>
        {children}
      </ActionButton>
    );
  }
  return (
    <Button className='share-button' hoverClass='share-button--pressed' openType='share' data-testid={testId}>
      {children}
    </Button>
  );
}
