import { Text, View } from '@tarojs/components';
import './segmented-tabs.scss';

export interface SegmentedTab<Key extends string> {
  key: Key;
  title: string;
  /** Shown after the title, e.g. how many coupons are in the tab. */
  count?: number;
}

interface SegmentedTabsProps<Key extends string> {
  tabs: ReadonlyArray<SegmentedTab<Key>>;
  selectedKey: Key;
  onSelect: (key: Key) => void;
  testId?: string;
}

/** A row of equal tabs that filter one list (可用 / 已使用 / 已过期). */
export function SegmentedTabs<Key extends string>({ tabs, selectedKey, onSelect, testId }: SegmentedTabsProps<Key>) {
  return (
    <View className='segmented-tabs' ariaRole='tablist'>
      {tabs.map((tab) => {
        const selected = tab.key === selectedKey;
        return (
          <View
            key={tab.key}
            className={`segmented-tabs__tab${selected ? ' segmented-tabs__tab--selected' : ''}`}
            ariaRole='tab'
            aria-selected={selected}
            data-testid={testId}
            data-key={tab.key}
            data-selected={selected ? 'true' : 'false'}
            onClick={() => onSelect(tab.key)}
          >
            <Text>
              {tab.title}
              {tab.count !== undefined ? ` ${tab.count}` : ''}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
