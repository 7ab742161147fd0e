import { Text, View } from '@tarojs/components';
import { badgeText } from '../format/messages';
import './menu-list.scss';

export interface MenuEntry {
  title: string;
  /** Shown on the right, e.g. '即将上线'. */
  note?: string;
  /** A red count on the right (unread messages, surveys to answer); hidden at 0. */
  badge?: number;
  /** No handler: the entry is shown greyed out, for features not built yet. */
  onClick?: () => void;
  testId?: string;
}

export function MenuList({ entries }: { entries: MenuEntry[] }) {
  return (
    <View className='menu-list'>
      {entries.map((entry) => {
        const enabled = entry.onClick !== undefined;
        return (
          <View
            key={entry.title}
            className={`menu-list__entry${enabled ? '' : ' menu-list__entry--disabled'}`}
            hoverClass={enabled ? 'menu-list__entry--pressed' : 'none'}
            ariaRole='button'
            data-testid={entry.testId}
            onClick={entry.onClick}
          >
            <Text className='menu-list__title'>{entry.title}</Text>
            <View className='menu-list__trailing'>
              {entry.note && <Text className='menu-list__note'>{entry.note}</Text>}
              {entry.badge !== undefined && entry.badge > 0 && (
                <Text className='menu-list__badge' data-testid='menu-badge'>
                  {badgeText(entry.badge)}
                </Text>
              )}
              {enabled && <Text className='menu-list__chevron'>›</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
