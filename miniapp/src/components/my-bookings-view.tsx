import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { AsyncResource } from '../hooks/use-async-resource';
import { ActionButton } from './action-button';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from './page-states';
import bookingIcon from '../assets/tab-bar/booking-active.png';

interface MyBookingsViewProps<Booking extends { id: number }> {
  loggedIn: boolean;
  onSignIn: () => void;
  /** What signing in shows, e.g. 登录后查看您的预约. */
  signInTitle: string;
  bookings: AsyncResource<Booking[]>;
  /** The height of one booking's card, for the loading skeleton. */
  cardHeight: number;
  renderBooking: (booking: Booking) => ReactNode;
  /** No bookings yet: what to say, and the way to make one. */
  empty: { title: string; description: string; actionText: string; onAction: () => void; testId: string };
  testId: string;
}

/** A customer's bookings of one kind (试驾, 保养), newest first, with the signed-out, loading, error and empty states. */
export function MyBookingsView<Booking extends { id: number }>({
  loggedIn,
  onSignIn,
  signInTitle,
  bookings,
  cardHeight,
  renderBooking,
  empty,
  testId,
}: MyBookingsViewProps<Booking>) {
  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState iconSrc={bookingIcon} title={signInTitle} onSignIn={onSignIn} />
      </View>
    );
  }

  return (
    <View className='page' data-testid={testId}>
      {bookings.loading && !bookings.data?.length ? (
        <SkeletonCards count={3} cardHeight={cardHeight} />
      ) : bookings.errorMessage ? (
        <ErrorState message={bookings.errorMessage} onRetry={() => void bookings.reload()} />
      ) : bookings.data?.length ? (
        bookings.data.map(renderBooking)
      ) : (
        <EmptyState
          testId={empty.testId}
          iconSrc={bookingIcon}
          title={empty.title}
          description={empty.description}
          action={<ActionButton onClick={empty.onAction}>{empty.actionText}</ActionButton>}
        />
      )}
    </View>
  );
}
