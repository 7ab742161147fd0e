import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { messageOf } from '../api/api-error';
import {
  getMessagePreferences,
  getUnreadMessageCount,
  listMyMessages,
  markAllMessagesRead,
  markMessageRead,
  updateMessagePreferences,
  type CustomerMessage,
  type MessagePreferences,
} from '../api/messages';
import { useAsyncResource } from './use-async-resource';
import { usePagedResource } from './use-paged-resource';
import { useShownResource } from './use-shown-resource';
import { useSingleFlight } from './use-single-flight';

/** The inbox, newest first, a page at a time; read again when the page shows. */
export function useMyMessages(enabled: boolean) {
  return usePagedResource(enabled ? listMyMessages : null);
}

/** How many messages are unread (the badge on 我的); re-read when the page shows again. */
export function useUnreadMessageCount(enabled: boolean) {
  const load = useCallback(() => (enabled ? getUnreadMessageCount() : Promise.resolve(0)), [enabled]);
  return useShownResource(load);
}

/**
 * Reading the inbox. `markRead` shows a message read at once and tells the server in the background (the page
 * moves on to the message's page meanwhile); should that fail, the message shows unread again. `markAllRead`
 * marks the rest, one request at a time. `onChanged` re-reads what counts them (the unread count).
 */
export function useInboxReading(onChanged: () => Promise<void>) {
  const [readHere, setReadHere] = useState<ReadonlySet<number>>(() => new Set());
  const { busy, run } = useSingleFlight();

  const isRead = useCallback((message: CustomerMessage) => message.readAt !== null || readHere.has(message.id), [readHere]);

  const setReadHereOf = useCallback((messageId: number, read: boolean) => {
    setReadHere((shown) => {
      const next = new Set(shown);
      if (read) next.add(messageId);
      else next.delete(messageId);
      return next;
    });
  }, []);

  const markRead = useCallback(
    (message: CustomerMessage) => {
      if (message.readAt !== null || readHere.has(message.id)) return;
      setReadHereOf(message.id, true);
      void markMessageRead(message.id).then(onChanged, () => setReadHereOf(message.id, false));
    },
    [readHere, setReadHereOf, onChanged],
  );

  const markAllRead = useCallback(
    (shown: readonly CustomerMessage[]) =>
      run(async () => {
        try {
          await markAllMessagesRead();
          // What is shown turns read where it is; later pages come from the server already read.
          setReadHere((before) => new Set([...before, ...shown.map((message) => message.id)]));
          void Taro.showToast({ title: '已全部标为已读', icon: 'success' });
        } catch (error) {
          void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 2500 });
        }
        await onChanged();
      }),
    [run, onChanged],
  );

  return { isRead, markRead, markAllRead, markingAll: busy };
}

export type MessageChannelKey = keyof MessagePreferences;

const CHANNEL_NAMES: Record<MessageChannelKey, string> = { wechat: '微信', sms: '短信' };

/**
 * 消息设置. A switch shows the value being saved at once, and goes back if the save fails; one change at a time,
 * so two quick taps never race each other to the server.
 */
export function useMessagePreferences(enabled: boolean) {
  const load = useCallback(() => (enabled ? getMessagePreferences() : Promise.resolve<MessagePreferences | undefined>(undefined)), [enabled]);
  const resource = useAsyncResource(load);
  const [saved, setSaved] = useState<MessagePreferences>();
  const [saving, setSaving] = useState<Partial<MessagePreferences>>({});
  const { busy, run } = useSingleFlight();

  const stored = saved ?? resource.data;
  const shown = stored ? { ...stored, ...saving } : undefined;

  const change = useCallback(
    (channel: MessageChannelKey, on: boolean) =>
      run(async () => {
        setSaving({ [channel]: on });
        try {
          setSaved(await updateMessagePreferences({ [channel]: on }));
          void Taro.showToast({ title: `${CHANNEL_NAMES[channel]}提醒已${on ? '开启' : '关闭'}`, icon: 'none' });
        } catch (error) {
          void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 2500 });
        } finally {
          setSaving({});
        }
      }),
    [run],
  );

  const { reload: reloadResource } = resource;
  const reload = useCallback(async () => {
    setSaved(undefined);
    await reloadResource();
  }, [reloadResource]);

  return { preferences: shown, loading: resource.loading, errorMessage: resource.errorMessage, reload, busy, change };
}
