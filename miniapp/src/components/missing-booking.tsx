import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { ActionButton } from './action-button';
import { EmptyState, ErrorState, SkeletonCards } from './page-states';

/** The customer's list of bookings, which a page opened for one booking looks it up in. */
interface BookingLookup {
  loading: boolean;
  errorMessage: string | null;
  reload: () => Promise<void>;
}

interface MissingBookingProps {
  lookup: BookingLookup;
  /** The list cannot be read yet, e.g. until the customer has signed in: show it as loading. */
  waiting?: boolean;
  /** The shape of the page being loaded. */
  skeleton: { count: number; cardHeight: number };
  /** When the list has no such booking; by default 没有找到这条预约 with 返回. */
  notFound?: ReactNode;
}

function goBack() {
  void Taro.navigateBack();
}

/**
 * The page shown while the booking named in the route is not in hand (改期, 评价, 预约成功 after a reload):
 * the list failed (with 重试), is still loading, or does not have it.
 */
export function MissingBooking({ lookup, waiting = false, skeleton, notFound }: MissingBookingProps) {
  return (
    <View className='page'>
      {lookup.errorMessage ? (
        <ErrorState message={lookup.errorMessage} onRetry={() => void lookup.reload()} />
      ) : lookup.loading || waiting ? (
        <SkeletonCards count={skeleton.count} cardHeight={skeleton.cardHeight} />
      ) : (
        (notFound ?? <EmptyState title='没有找到这条预约' action={<ActionButton onClick={goBack}>返回</ActionButton>} />)
      )}
    </View>
  );
}
