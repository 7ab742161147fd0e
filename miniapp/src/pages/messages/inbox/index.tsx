import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { CustomerMessage } from '../../../api/messages';
import { ActionButton } from '../../../components/action-button';
import { LoadMoreFooter } from '../../../components/load-more-footer';
import { MessageRow } from '../../../components/message-row';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { messageTargetOf } from '../../../format/messages';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useInboxReading, useMyMessages, useUnreadMessageCount } from '../../../hooks/use-messages';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';
import meIcon from '../../../assets/tab-bar/me-active.png';
import './index.scss';

function openTarget(message: CustomerMessage) {
  const target = messageTargetOf(message.page);
  if (!target) return;
  void (target.tab ? Taro.switchTab({ url: target.url }) : Taro.navigateTo({ url: target.url }));
}

function openSettings() {
  void Taro.navigateTo({ url: '/pages/messages/settings/index' });
}

export default function InboxPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const messages = useMyMessages(loggedIn);
  const unread = useUnreadMessageCount(loggedIn);
  const reading = useInboxReading(unread.reload);

  usePullDownReload(messages.reload, unread.reload);

  useReachBottom(() => {
    void messages.loadMore();
  });

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState iconSrc={meIcon} title='登录后查看消息' description='保养提醒、续保提醒和回访邀请都会在这里' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  const tap = (message: CustomerMessage) => {
    reading.markRead(message);
    openTarget(message);
  };
  const unreadCount = unread.data ?? 0;
  // Read once per render: the page re-renders whenever the list is read again (each time it shows).
  const now = new Date();

  return (
    <View className='page inbox' data-testid='inbox-page'>
      <View className='inbox__bar'>
        <Text className='inbox__unread' data-testid='inbox-unread'>
          {unreadCount > 0 ? `${unreadCount} 条未读` : '没有未读消息'}
        </Text>
        <View className='inbox__actions'>
          {unreadCount > 0 && (
            <ActionButton variant='secondary' size='small' busy={reading.markingAll} onClick={() => void reading.markAllRead(messages.items ?? [])} testId='mark-all-read'>
              全部已读
            </ActionButton>
          )}
          <View className='inbox__settings' hoverClass='inbox__settings--pressed' ariaRole='button' onClick={openSettings} data-testid='open-message-settings'>
            <Text>设置</Text>
          </View>
        </View>
      </View>

      {messages.loading && !messages.items?.length ? (
        <SkeletonCards count={3} cardHeight={200} />
      ) : messages.errorMessage ? (
        <ErrorState message={messages.errorMessage} onRetry={() => void messages.reload()} />
      ) : messages.items?.length ? (
        <View data-testid='message-list'>
          {messages.items.map((message) => (
            <MessageRow
              key={message.id}
              message={message}
              read={reading.isRead(message)}
              opensPage={messageTargetOf(message.page) !== null}
              now={now}
              onTap={() => tap(message)}
            />
          ))}
          <LoadMoreFooter list={messages} moreTestId='load-more-messages' endTestId='messages-end' />
        </View>
      ) : (
        <EmptyState
          testId='messages-empty'
          iconSrc={meIcon}
          title='暂无消息'
          description='保养提醒、续保提醒、满意度回访等消息会显示在这里'
        />
      )}
    </View>
  );
}
