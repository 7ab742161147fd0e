import { Text, View } from '@tarojs/components';
import type { CustomerMessage } from '../api/messages';
import { MESSAGE_CHANNEL_TEXT, messageTimeOf } from '../format/messages';
import './message-row.scss';

interface MessageRowProps {
  message: CustomerMessage;
  /** Read on the server, or tapped here since the list was read. */
  read: boolean;
  /** The page opens when the message is tapped (回访, 维修进度); a plain notice has nothing to open. */
  opensPage: boolean;
  now: Date;
  onTap: () => void;
}

/** One message of the inbox: a dot while unread, the title, the whole text, when it came and how. */
export function MessageRow({ message, read, opensPage, now, onTap }: MessageRowProps) {
  return (
    <View
      className={`message-row${read ? '' : ' message-row--unread'}`}
      hoverClass='message-row--pressed'
      ariaRole='button'
      data-testid='message-row'
      data-message-id={message.id}
      data-read={read ? 'true' : 'false'}
      onClick={onTap}
    >
      <View className='message-row__heading'>
        {!read && <View className='message-row__dot' data-testid='message-unread-dot' />}
        <Text className='message-row__title' data-testid='message-title'>
          {message.title}
        </Text>
        <Text className='message-row__time'>{messageTimeOf(message.sentAt, now)}</Text>
      </View>
      <Text className='message-row__body' data-testid='message-body'>
        {message.body}
      </Text>
      <View className='message-row__footer'>
        <Text className='message-row__channel'>{MESSAGE_CHANNEL_TEXT[message.channel]}通知</Text>
        {opensPage && <Text className='message-row__open'>查看详情 ›</Text>}
      </View>
    </View>
  );
}
