import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { ActionButton } from './action-button';
import './page-states.scss';

interface EmptyStateProps {
  title: string;
  description?: string;
  /** A picture above the title, e.g. one of the tab-bar icons. */
  iconSrc?: string;
  action?: ReactNode;
  testId?: string;
}

export function EmptyState({ title, description, iconSrc, action, testId }: EmptyStateProps) {
  return (
    <View className='empty-state' data-testid={testId}>
      {iconSrc && (
        <View className='empty-state__icon'>
          <Image className='empty-state__icon-image' src={iconSrc} mode='aspectFit' />
        </View>
      )}
      <Text className='empty-state__title'>{title}</Text>
      {description && <Text className='empty-state__description'>{description}</Text>}
      {action && <View className='empty-state__action'>{action}</View>}
    </View>
  );
}

interface SignInStateProps {
  /** What signing in unlocks, e.g. 登录后查看您的预约. */
  title: string;
  description?: string;
  iconSrc?: string;
  onSignIn: () => void;
  testId?: string;
  actionTestId?: string;
}

/** A page, or a part of one, that needs the customer signed in: says what for, with 登录 / 注册. */
export function SignInState({ title, description, iconSrc, onSignIn, testId, actionTestId }: SignInStateProps) {
  return (
    <EmptyState
      testId={testId}
      iconSrc={iconSrc}
      title={title}
      description={description}
      action={
        <ActionButton onClick={onSignIn} testId={actionTestId}>
          登录 / 注册
        </ActionButton>
      }
    />
  );
}

interface ErrorStateProps {
  message: string;
  onRetry: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <View className='empty-state' data-testid='error-state'>
      <Text className='empty-state__title'>加载失败</Text>
      <Text className='empty-state__description'>{message}</Text>
      <View className='empty-state__action'>
        <ActionButton variant='secondary' size='small' onClick={onRetry} testId='retry-button'>
          重试
        </ActionButton>
      </View>
    </View>
  );
}

interface SkeletonCardsProps {
  count: number;
  /** Height of one card in design pixels. */
  cardHeight: number;
}

export function SkeletonCards({ count, cardHeight }: SkeletonCardsProps) {
  return (
    <View aria-busy data-testid='loading-skeleton'>
      {Array.from({ length: count }, (_, index) => (
        <View key={index} className='skeleton-card' style={{ height: Taro.pxTransform(cardHeight) }}>
          <View className='skeleton-card__line skeleton-card__line--wide' />
          <View className='skeleton-card__line' />
          <View className='skeleton-card__line skeleton-card__line--short' />
        </View>
      ))}
    </View>
  );
}
