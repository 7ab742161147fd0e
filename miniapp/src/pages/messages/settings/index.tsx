import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { SwitchRow } from '../../../components/switch-row';
import { channelOffWarningOf } from '../../../format/messages';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMessagePreferences, type MessageChannelKey } from '../../../hooks/use-messages';
import { MODAL_DANGER_COLOR } from '../../../styles/modal-colors';
import meIcon from '../../../assets/tab-bar/me-active.png';
import './index.scss';

const CHANNELS: ReadonlyArray<{ channel: MessageChannelKey; title: string; reminders: string; description: string }> = [
  { channel: 'wechat', title: '微信订阅消息', reminders: '微信提醒', description: '通过微信服务通知提醒您保养、续保、预约和回访' },
  { channel: 'sms', title: '短信', reminders: '短信提醒', description: '发送到您登录的手机号' },
];

export default function MessageSettingsPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const settings = useMessagePreferences(loggedIn);

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState iconSrc={meIcon} title='登录后设置消息提醒' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  // Turning a channel off is asked first: the customer then misses reminders that matter (保养, 续保).
  const toggle = async (channel: MessageChannelKey, reminders: string, on: boolean) => {
    if (!on) {
      const { confirm } = await Taro.showModal({
        title: `关闭${reminders}`,
        content: channelOffWarningOf(channel),
        confirmText: '仍要关闭',
        confirmColor: MODAL_DANGER_COLOR,
        cancelText: '保留',
      });
      if (!confirm) return;
    }
    await settings.change(channel, on);
  };

  const { preferences } = settings;
  return (
    <View className='page message-settings' data-testid='message-settings-page'>
      {preferences ? (
        <View className='message-settings__card'>
          {CHANNELS.map(({ channel, title, reminders, description }) => (
            <SwitchRow
              key={channel}
              title={title}
              description={description}
              checked={preferences[channel]}
              disabled={settings.busy}
              onChange={(on) => void toggle(channel, reminders, on)}
              testId={`preference-${channel}`}
            />
          ))}
        </View>
      ) : settings.errorMessage ? (
        <ErrorState message={settings.errorMessage} onRetry={() => void settings.reload()} />
      ) : (
        <SkeletonCards count={1} cardHeight={260} />
      )}
      <Text className='message-settings__note'>
        登录验证码短信不受此设置影响。
      </Text>
    </View>
  );
}
