import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf, type ApiError } from '../../../api/api-error';
import { bookTestDrive, ROUTE_NOT_FOUND, type TestDriveRoute } from '../../../api/test-drives';
import { ActionButton } from '../../../components/action-button';
import { BookingSubmit } from '../../../components/booking-submit';
import { ChoiceList, type Choice } from '../../../components/choice-list';
import { InfoRows } from '../../../components/info-rows';
import { EmptyState, SignInState, SkeletonCards } from '../../../components/page-states';
import { SlotRepick } from '../../../components/slot-repick';
import { TextField } from '../../../components/text-field';
import { shanghaiDateOf, timeRangeOf } from '../../../format/shanghai-time';
import { routeSummaryOf } from '../../../format/test-drive';
import { useConfirmBooking } from '../../../hooks/use-confirm-booking';
import { useCustomerProfile } from '../../../hooks/use-customer-profile';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useTestDriveSlotPicker } from '../../../hooks/use-slot-picker';
import { useTestDriveRoutes } from '../../../hooks/use-test-drive-routes';
import { referralCode } from '../../../state/referral';
import { handedOverChoice, handOverBooking } from '../../../state/test-drive-handoff';
import { contactFormError } from './contact-form';
import './index.scss';

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/** The key of 由顾问安排: route ids from the server start at 1. */
const NO_ROUTE = 0;

const ADVISER_CHOICE: Choice = { key: NO_ROUTE, title: '由顾问安排', subtitle: '到店后由顾问根据路况推荐路线' };

const routeChoice = (route: TestDriveRoute): Choice => ({ key: route.id, title: route.name, subtitle: routeSummaryOf(route) });

function backToSlots() {
  void Taro.switchTab({ url: '/pages/booking/index' });
}

export default function ConfirmBookingPage() {
  const [choice] = useState(handedOverChoice);
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const { profile } = useCustomerProfile();
  const picker = useTestDriveSlotPicker(
    choice?.store.id ?? null,
    choice?.model.id ?? null,
    choice ? shanghaiDateOf(new Date(choice.slot.startAt)) : undefined,
  );
  const routes = useTestDriveRoutes(choice?.store.id ?? null);
  const [routeId, setRouteId] = useState(NO_ROUTE);
  // null until the customer types, so the name from their profile shows once it has loaded.
  const [typedName, setTypedName] = useState<string | null>(null);
  const [mobile, setMobile] = useState('');

  // The store stopped offering the route meanwhile: show what it offers now.
  const offerRoutesAgain = (error: ApiError) => {
    if (error.code !== ROUTE_NOT_FOUND) return false;
    setRouteId(NO_ROUTE);
    void routes.reload();
    showMessage(messageOf(error));
    return true;
  };

  const booking = useConfirmBooking({
    book: bookTestDrive,
    pickedSlot: choice?.slot ?? null,
    picker,
    onBooked: (created) => {
      handOverBooking(created);
      void Taro.redirectTo({ url: `/pages/test-drive/success/index?id=${created.id}` });
    },
    onRefused: offerRoutesAgain,
  });

  if (!choice) {
    return (
      <View className='page'>
        <EmptyState
          title='预约信息已失效'
          description='请重新选择门店、车型和试驾时间'
          action={<ActionButton onClick={backToSlots}>重新选择</ActionButton>}
        />
      </View>
    );
  }
  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState title='登录后即可预约试驾' description='预约成功后，我们会通过手机号与您确认试驾安排' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  const contactName = typedName ?? profile?.name ?? '';
  const { slot } = booking;
  // Routes are optional: when they cannot be loaded the section is left out and the booking goes ahead without one.
  const routesLoading = routes.loading && !routes.data;
  const offeredRoutes = routes.errorMessage ? [] : (routes.data ?? []);
  const route = offeredRoutes.find((candidate) => candidate.id === routeId);
  const mobilePlaceholder = profile?.hasMobile && profile.mobileMasked ? `请完整输入 ${profile.mobileMasked}` : '请输入手机号';

  const submit = () => {
    const problem = contactFormError({ contactName, mobile });
    if (problem) return showMessage(problem);
    void booking.submit((picked) => ({
      storeId: choice.store.id,
      modelId: choice.model.id,
      startAt: picked.startAt,
      contactName: contactName.trim(),
      mobile,
      ...(route ? { routeId: route.id } : {}),
      ...(referralCode() ? { referralCode: referralCode() } : {}),
    }));
  };

  return (
    <View className='page confirm'>
      <View className='confirm__card'>
        <Text className='confirm__card-title'>试驾信息</Text>
        <InfoRows
          rows={[
            { label: '时间', value: slot ? timeRangeOf(slot.startAt, slot.endAt) : '请在下方重新选择', testId: 'confirm-time' },
            { label: '门店', value: choice.store.name },
            { label: '地址', value: choice.store.address },
            { label: '车型', value: choice.model.name },
          ]}
        />
      </View>

      {booking.slotRejection && <SlotRepick rejection={booking.slotRejection} picker={picker} />}

      {(routesLoading || offeredRoutes.length > 0) && (
        <View className='confirm__routes' data-testid='route-section'>
          <View className='confirm__section-heading'>
            <Text className='confirm__section-title'>试驾路线</Text>
            <Text className='confirm__section-note'>选填</Text>
          </View>
          {routesLoading ? (
            <SkeletonCards count={2} cardHeight={120} />
          ) : (
            <ChoiceList
              choices={[ADVISER_CHOICE, ...offeredRoutes.map(routeChoice)]}
              selectedKey={route?.id ?? NO_ROUTE}
              onSelect={setRouteId}
              testId='route-choice'
            />
          )}
        </View>
      )}

      <View className='confirm__card'>
        <Text className='confirm__card-title'>联系方式</Text>
        <TextField
          label='联系人'
          value={contactName}
          onChange={setTypedName}
          placeholder='请输入您的姓名'
          maxLength={64}
          testId='contact-name-input'
        />
        <TextField
          label='手机号'
          type='number'
          value={mobile}
          onChange={(typed) => setMobile(typed.trim())}
          placeholder={mobilePlaceholder}
          maxLength={11}
          testId='contact-mobile-input'
        />
        {profile?.hasMobile && <Text className='confirm__hint'>为保护您的隐私，已绑定的手机号需完整填写一次</Text>}
        <Text className='confirm__hint'>顾问将通过此手机号与您确认试驾安排</Text>
      </View>

      <BookingSubmit
        busy={booking.busy}
        networkFailed={booking.networkFailed}
        disabled={!slot}
        onSubmit={submit}
        testId='confirm-booking'
        noticeTestId='booking-network-error'
      />
    </View>
  );
}
