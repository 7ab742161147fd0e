import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/api-error';
import { rateTestDrive } from '../../../api/test-drives';
import { ActionButton } from '../../../components/action-button';
import { MissingBooking } from '../../../components/missing-booking';
import { NoteField } from '../../../components/note-field';
import { EmptyState } from '../../../components/page-states';
import { StarRating } from '../../../components/star-rating';
import { timeRangeOf } from '../../../format/shanghai-time';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyTestDrives } from '../../../hooks/use-my-test-drives';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import { MODAL_CONFIRM_COLOR } from '../../../styles/modal-colors';
import './index.scss';

const RATING_WORDS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'];
const COMMENT_MAX = 500;

function goBack() {
  void Taro.navigateBack();
}

export default function RateTestDrivePage() {
  const bookingId = Number(useRouter<{ id?: string }>().params.id);
  const { loggedIn } = useLoginGate({ askOnLoad: true });
  const bookings = useMyTestDrives(loggedIn);
  const booking = bookings.data?.find((candidate) => candidate.id === bookingId);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const submitting = useSingleFlight();

  if (!booking) return <MissingBooking lookup={bookings} waiting={!loggedIn} skeleton={{ count: 1, cardHeight: 320 }} />;
  if (booking.status !== 'COMPLETED' || booking.rating !== null) {
    return (
      <View className='page'>
        <EmptyState
          title={booking.rating !== null ? '您已评价过这次试驾' : '试驾完成后才能评价'}
          action={<ActionButton onClick={goBack}>返回</ActionButton>}
        />
      </View>
    );
  }

  const submit = () =>
    submitting.run(async () => {
      if (rating < 1) {
        void Taro.showToast({ title: '请先选择评分', icon: 'none' });
        return;
      }
      try {
        await rateTestDrive(booking.id, rating, comment.trim());
        void Taro.showToast({ title: '感谢您的评价', icon: 'success' });
        setTimeout(goBack, 800);
      } catch (error) {
        const code = error instanceof ApiError ? error.code : null;
        if (code === 'ALREADY_RATED' || code === 'BOOKING_NOT_COMPLETED') {
          await Taro.showModal({ title: '无法评价', content: messageOf(error), showCancel: false, confirmText: '知道了', confirmColor: MODAL_CONFIRM_COLOR });
          goBack();
          return;
        }
        void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 2500 });
      }
    });

  return (
    <View className='page rate'>
      <View className='rate__card'>
        <Text className='rate__model'>试驾 {booking.model.name}</Text>
        <Text className='rate__meta'>
          {timeRangeOf(booking.startAt, booking.endAt)} · {booking.store.name}
        </Text>
      </View>

      <View className='rate__card rate__card--center'>
        <Text className='rate__question'>这次试驾体验如何？</Text>
        <StarRating value={rating} onChange={setRating} />
        <Text className='rate__word'>{RATING_WORDS[rating] || '点击星星评分'}</Text>
      </View>

      <View className='rate__card'>
        <NoteField
          value={comment}
          onChange={setComment}
          maxLength={COMMENT_MAX}
          height={240}
          placeholder='说说车辆、顾问和试驾路线的感受（选填）'
          testId='rating-comment'
        />
      </View>

      <ActionButton busy={submitting.busy} onClick={() => void submit()} testId='submit-rating'>
        {submitting.busy ? '提交中…' : '提交评价'}
      </ActionButton>
    </View>
  );
}
