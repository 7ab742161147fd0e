import { Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf, NETWORK_ERROR } from '../../../api/api-error';
import { SLOT_UNAVAILABLE_CODES } from '../../../api/slots';
import { ROUTE_NOT_FOUND, type TestDriveRoute } from '../../../api/test-drives';
import { ActionButton } from '../../../components/action-button';
import { ChoiceList, type Choice } from '../../../components/choice-list';
import { InfoRows } from '../../../components/info-rows';
import { NoticeBar } from '../../../components/notice-bar';
import { EmptyState, SkeletonCards } from '../../../components/page-states';
import { SlotPicker } from '../../../components/slot-picker';
import { shanghaiDateOf, timeRangeOf } from '../../../format/shanghai-time';
import { routeSummaryOf } from '../../../format/test-drive';
import { useBookTestDrive } from '../../../hooks/use-book-test-drive';
import { useCustomerProfile } from '../../../hooks/use-customer-profile';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useTestDriveSlotPicker } from '../../../hooks/use-slot-picker';
import { useTestDriveRoutes } from '../../../hooks/use-test-drive-routes';
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
  const { loggedIn, requireLogin } = useLoginGate();
  const { profile } = useCustomerProfile();
  const booking = useBookTestDrive();
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
  const [slotRejection, setSlotRejection] = useState<string | null>(null);
  const [networkFailed, setNetworkFailed] = useState(false);

  useLoad(() => {
    if (!loggedIn) requireLogin();
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
        <EmptyState
          title='登录后即可预约试驾'
          description='预约成功后，我们会通过手机号与您确认试驾安排'
          action={<ActionButton onClick={() => requireLogin()}>登录 / 注册</ActionButton>}
        />
      </View>
    );
  }

  const contactName = typedName ?? profile?.name ?? '';
  // After a rejection the customer picks again below; until then the slot from the booking tab stands.
  const slot = slotRejection ? picker.selectedSlot : choice.slot;
  // Routes are optional: when they cannot be loaded the section is left out and the booking goes ahead without one.
  const routesLoading = routes.loading && !routes.data;
  const offeredRoutes = routes.errorMessage ? [] : (routes.data ?? []);
  const route = offeredRoutes.find((candidate) => candidate.id === routeId);
  const mobilePlaceholder = profile?.hasMobile && profile.mobileMasked ? `请完整输入 ${profile.mobileMasked}` : '请输入手机号';

  const submit = () =>
    booking.run(async () => {
      if (!slot) return showMessage('请选择试驾时段');
      const problem = contactFormError({ contactName, mobile });
      if (problem) return showMessage(problem);
      setNetworkFailed(false);
      try {
        const created = await booking.book({
          storeId: choice.store.id,
          modelId: choice.model.id,
          startAt: slot.startAt,
          contactName: contactName.trim(),
          mobile,
          ...(route ? { routeId: route.id } : {}),
        });
        handOverBooking(created);
        void Taro.redirectTo({ url: `/pages/test-drive/success/index?id=${created.id}` });
      } catch (error) {
        const code = error instanceof ApiError ? error.code : null;
        if (code && SLOT_UNAVAILABLE_CODES.has(code)) {
          setSlotRejection(messageOf(error));
          picker.selectSlot(null);
          void picker.slots.reload();
        } else if (code === ROUTE_NOT_FOUND) {
          // The store stopped offering the route meanwhile: show what it offers now.
          setRouteId(NO_ROUTE);
          void routes.reload();
          showMessage(messageOf(error));
        } else if (code === NETWORK_ERROR) {
          setNetworkFailed(true);
        } else {
          showMessage(messageOf(error));
        }
      }
    });

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

      {slotRejection && (
        <View className='confirm__repick' data-testid='slot-rejected'>
          <NoticeBar>{slotRejection}</NoticeBar>
          <SlotPicker picker={picker} />
        </View>
      )}

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
        <View className='confirm__field'>
          <Text className='confirm__label'>联系人</Text>
          <Input
            className='confirm__input'
            maxlength={64}
            placeholder='请输入您的姓名'
            value={contactName}
            onInput={(event) => setTypedName(event.detail.value)}
            data-testid='contact-name-input'
          />
        </View>
        <View className='confirm__field'>
          <Text className='confirm__label'>手机号</Text>
          <Input
            className='confirm__input'
            type='number'
            maxlength={11}
            placeholder={mobilePlaceholder}
            value={mobile}
            onInput={(event) => setMobile(event.detail.value.trim())}
            data-testid='contact-mobile-input'
          />
        </View>
        {profile?.hasMobile && <Text className='confirm__hint'>为保护您的隐私，已绑定的手机号需完整填写一次</Text>}
        <Text className='confirm__hint'>顾问将通过此手机号与您确认试驾安排</Text>
      </View>

      {networkFailed && (
        <NoticeBar testId='booking-network-error'>网络异常，预约可能未提交成功。请点击「重试」，不会重复预约。</NoticeBar>
      )}

      <ActionButton busy={booking.busy} disabled={!slot} onClick={() => void submit()} testId='confirm-booking'>
        {booking.busy ? '提交中…' : networkFailed ? '重试' : '确认预约'}
      </ActionButton>
    </View>
  );
}
