import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './notice-bar.scss';

interface NoticeBarProps {
  children: ReactNode;
  tone?: 'warning' | 'info';
  testId?: string;
}

/** A line the customer must not miss, e.g. why their slot is gone. */
export function NoticeBar({ children, tone = 'warning', testId }: NoticeBarProps) {
  return (
    <View className={`notice-bar notice-bar--${tone}`} ariaRole='alert' data-testid={testId}>
      <Text>{children}</Text>
    </View>
  );
}
