import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf, type ApiError } from '../../../api/api-error';
import { bookService, VEHICLE_ALREADY_BOOKED, type BookServiceInput } from '../../../api/service';
import { ActionButton } from '../../../components/action-button';
import { BookingSubmit } from '../../../components/booking-submit';
import { InfoRows } from '../../../components/info-rows';
import { NoteField } from '../../../components/note-field';
import { EmptyState, SignInState } from '../../../components/page-states';
import { SlotRepick } from '../../../components/slot-repick';
import { serviceTypeText } from '../../../format/service';
import { shanghaiDateOf, timeRangeOf } from '../../../format/shanghai-time';
import { useConfirmBooking } from '../../../hooks/use-confirm-booking';
import { useCustomerProfile } from '../../../hooks/use-customer-profile';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useServiceSlotPicker } from '../../../hooks/use-slot-picker';
import { handedOverServiceChoice, handOverServiceBooking } from '../../../state/service-booking-handoff';
import { MODAL_CONFIRM_COLOR } from '../../../styles/modal-colors';
import './index.scss';

const NOTE_MAX = 500;

function backToBooking() {
  void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/my-cars/index' }));
}

/** The car already has a visit booked: offer the bookings list, where it can be moved or cancelled. */
async function explainAlreadyBooked(error: ApiError): Promise<boolean> {
  if (error.code !== VEHICLE_ALREADY_BOOKED) return false;
  const { confirm } = await Taro.showModal({
    title: '已有待到店的预约',
    content: messageOf(error),
    confirmText: '查看预约',
    confirmColor: MODAL_CONFIRM_COLOR,
    cancelText: '知道了',
  });
  if (confirm) void Taro.redirectTo({ url: '/pages/service/my-bookings/index' });
  return true;
}

export default function ConfirmServiceBookingPage() {
  const [choice] = useState(handedOverServiceChoice);
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const { profile } = useCustomerProfile();
  const picker = useServiceSlotPicker(choice?.store.id ?? null, choice ? shanghaiDateOf(new Date(choice.slot.startAt)) : undefined);
  const booking = useConfirmBooking({
    book: bookService,
    pickedSlot: choice?.slot ?? null,
    picker,
    onBooked: (created) => {
      handOverServiceBooking(created);
      void Taro.redirectTo({ url: `/pages/service/success/index?id=${created.id}` });
    },
    onRefused: explainAlreadyBooked,
  });
  const [note, setNote] = useState('');

  if (!choice) {
    return (
      <View className='page'>
        <EmptyState
          title='预约信息已失效'
          description='请重新选择爱车、门店和到店时间'
          action={<ActionButton onClick={backToBooking}>重新选择</ActionButton>}
        />
      </View>
    );
  }
  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState title='登录后即可预约保养' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  const { vehicle, store, serviceType, items } = choice;
  const { slot } = booking;
  const itemNames = items.length > 0 ? items.map((item) => item.name).join('、') : '到店由顾问检查后确定';

  const submit = () =>
    booking.submit((picked): BookServiceInput => {
      const trimmedNote = note.trim();
      return {
        vehicleId: vehicle.id,
        storeId: store.id,
        serviceType,
        startAt: picked.startAt,
        itemIds: items.map((item) => item.id),
        ...(trimmedNote ? { note: trimmedNote } : {}),
      };
    });

  return (
    <View className='page service-confirm'>
      <View className='service-confirm__card'>
        <Text className='service-confirm__card-title'>预约信息</Text>
        <InfoRows
          rows={[
            { label: '时间', value: slot ? timeRangeOf(slot.startAt, slot.endAt) : '请在下方重新选择', testId: 'service-confirm-time' },
            { label: '爱车', value: vehicle.plate ? `${vehicle.plate} · ${vehicle.model.name}` : vehicle.model.name },
            { label: '门店', value: store.name },
            { label: '地址', value: store.address },
            { label: '服务', value: serviceTypeText(serviceType), testId: 'service-confirm-type' },
            { label: '项目', value: itemNames, testId: 'service-confirm-items' },
          ]}
        />
      </View>

      {booking.slotRejection && <SlotRepick rejection={booking.slotRejection} picker={picker} />}

      <View className='service-confirm__card'>
        <View className='service-confirm__heading'>
          <Text className='service-confirm__card-title'>备注</Text>
          <Text className='service-confirm__optional'>选填</Text>
        </View>
        <NoteField
          value={note}
          onChange={setNote}
          maxLength={NOTE_MAX}
          placeholder='如有异响、故障灯亮等情况，或希望顾问特别检查的地方，请写在这里'
          testId='service-note-input'
        />
        <Text className='service-confirm__hint'>
          {profile?.mobileMasked ? `顾问将通过 ${profile.mobileMasked} 与您确认预约` : '顾问将通过您登录的手机号与您确认预约'}
        </Text>
      </View>

      <BookingSubmit
        busy={booking.busy}
        networkFailed={booking.networkFailed}
        disabled={!slot}
        onSubmit={() => void submit()}
        testId='confirm-service-booking'
        noticeTestId='service-booking-network-error'
      />
      <Text className='service-confirm__footnote'>到店前如需改期或取消，可在「我的保养预约」中操作</Text>
    </View>
  );
}
