import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { messageOf } from '../../api/api-error';
import { ActionButton } from '../../components/action-button';
import { BirthdayRow } from '../../components/birthday-row';
import { MenuList, type MenuEntry } from '../../components/menu-list';
import { ErrorState } from '../../components/page-states';
import { PointsSummaryCard, type PointsShortcut } from '../../components/points-summary-card';
import type { CustomerProfile } from '../../api/me';
import { useCustomerProfile } from '../../hooks/use-customer-profile';
import { usePendingSurveyCount } from '../../hooks/use-feedback';
import { useMyPoints } from '../../hooks/use-loyalty';
import { useUnreadMessageCount } from '../../hooks/use-messages';
import { useSingleFlight } from '../../hooks/use-single-flight';
import { takeSignOutNotice } from '../../state/sign-out-notice';
import meIcon from '../../assets/tab-bar/me.png';
import './index.scss';

function displayNameOf(profile: CustomerProfile | undefined, loading: boolean): string {
  if (profile) return profile.name || '尊敬的客户';
  return loading ? '加载中…' : '尊敬的客户';
}

function mobileLineOf(profile: CustomerProfile | undefined): string {
  if (!profile) return '';
  return profile.hasMobile && profile.mobileMasked ? profile.mobileMasked : '未绑定手机号';
}

function openLogin() {
  void Taro.navigateTo({ url: '/pages/login/index' });
}

function open(url: string) {
  void Taro.navigateTo({ url });
}

const POINTS_URL = '/pages/loyalty/points/index';

const POINTS_SHORTCUTS: PointsShortcut[] = [
  { title: '积分商城', onClick: () => open('/pages/loyalty/mall/index'), testId: 'me-points-mall' },
  { title: '我的券', onClick: () => open('/pages/loyalty/coupons/index'), testId: 'me-coupons' },
  { title: '积分明细', onClick: () => open(POINTS_URL), testId: 'me-points-history' },
];

export default function MePage() {
  const { loggedIn, profile, loading, errorMessage, refresh, update, logout } = useCustomerProfile();
  const points = useMyPoints(loggedIn);
  const unreadMessages = useUnreadMessageCount(loggedIn);
  const pendingSurveys = usePendingSurveyCount(loggedIn);
  const savingBirthday = useSingleFlight();

  // Sent here signed out by another page (the account deleted): say so once the page is on screen.
  useDidShow(() => {
    const notice = takeSignOutNotice();
    if (notice) void Taro.showToast({ title: notice, icon: 'none', duration: 3000 });
  });

  const saveBirthday = (birthday: string) =>
    savingBirthday.run(async () => {
      if (birthday === profile?.birthday) return;
      try {
        await update({ birthday });
        void Taro.showToast({ title: '生日已保存', icon: 'success' });
      } catch (error) {
        void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 2500 });
      }
    });

  const confirmLogout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出当前账号吗？', confirmText: '退出' });
    if (confirm) logout();
  };

  const feedbackEntries: MenuEntry[] = [
    {
      title: '消息',
      badge: loggedIn ? unreadMessages.data : undefined,
      onClick: () => open('/pages/messages/inbox/index'),
      testId: 'me-messages',
    },
    {
      title: '满意度回访',
      badge: loggedIn ? pendingSurveys.data : undefined,
      onClick: () => open('/pages/feedback/surveys/index'),
      testId: 'me-surveys',
    },
    { title: '投诉与建议', onClick: () => open('/pages/feedback/complaints/index'), testId: 'me-complaints' },
    { title: '消息设置', onClick: () => open('/pages/messages/settings/index'), testId: 'me-message-settings' },
  ];

  const entries: MenuEntry[] = [
    {
      title: '我的试驾预约',
      onClick: () => void Taro.navigateTo({ url: '/pages/test-drive/my-bookings/index' }),
      testId: 'me-my-bookings',
    },
    { title: '我的车辆', onClick: () => void Taro.switchTab({ url: '/pages/my-cars/index' }), testId: 'me-my-cars' },
    {
      title: '我的保养预约',
      onClick: () => void Taro.navigateTo({ url: '/pages/service/my-bookings/index' }),
      testId: 'me-service-bookings',
    },
    {
      title: '维修进度',
      onClick: () => void Taro.navigateTo({ url: '/pages/service/work-orders/index' }),
      testId: 'me-work-orders',
    },
    { title: '我的积分', onClick: () => open(POINTS_URL), testId: 'me-points' },
    { title: '邀请好友', note: '好友提车得积分', onClick: () => open('/pages/loyalty/referrals/index'), testId: 'me-referrals' },
    { title: '个人信息与隐私', onClick: () => open('/pages/account/privacy/index'), testId: 'me-privacy' },
    { title: '隐私政策', onClick: () => void Taro.navigateTo({ url: '/pages/legal/index?doc=privacy' }) },
  ];

  return (
    <View className='page me'>
      <View className='me__header' data-testid={loggedIn ? 'me-logged-in' : 'me-logged-out'}>
        <View className='me__avatar'>
          <Image className='me__avatar-icon' src={meIcon} mode='aspectFit' />
        </View>
        {loggedIn ? (
          <View className='me__identity'>
            <Text className='me__name' data-testid='me-name'>
              {displayNameOf(profile, loading)}
            </Text>
            <Text className='me__detail'>{mobileLineOf(profile)}</Text>
          </View>
        ) : (
          <View className='me__identity'>
            <Text className='me__name'>未登录</Text>
            <Text className='me__detail'>登录后可预约试驾、查看爱车和积分</Text>
          </View>
        )}
      </View>

      {!loggedIn && (
        <View className='me__login'>
          <ActionButton onClick={openLogin} testId='me-login-button'>
            登录 / 注册
          </ActionButton>
        </View>
      )}

      {loggedIn && (
        <View className='me__section'>
          <PointsSummaryCard summary={points.data} onOpen={() => open(POINTS_URL)} shortcuts={POINTS_SHORTCUTS} />
        </View>
      )}

      {loggedIn && !errorMessage && (
        <View className='me__section'>
          <BirthdayRow birthday={profile?.birthday} saving={savingBirthday.busy} onPick={(birthday) => void saveBirthday(birthday)} />
        </View>
      )}

      {loggedIn && errorMessage && (
        <View className='me__section'>
          <ErrorState message={errorMessage} onRetry={() => void refresh()} />
        </View>
      )}

      <View className='me__section'>
        <MenuList entries={feedbackEntries} />
      </View>

      <View className='me__section'>
        <MenuList entries={entries} />
      </View>

      {loggedIn && (
        <View className='me__section'>
          <ActionButton variant='plain' onClick={() => void confirmLogout()} testId='logout-button'>
            退出登录
          </ActionButton>
        </View>
      )}
    </View>
  );
}
