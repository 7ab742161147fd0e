import { Text, View } from '@tarojs/components';
import type { StatusLabel } from '../format/status-tone';
import { StatusTag } from './status-tag';
import './choice-list.scss';
import './check-list.scss';

export interface CheckItem {
  key: number;
  title: string;
  subtitle?: string;
  /** A status beside the title, e.g. 已到期. */
  status?: StatusLabel;
}

interface CheckListProps {
  items: CheckItem[];
  checkedKeys: ReadonlySet<number>;
  onToggle: (key: number) => void;
  testId?: string;
}

/** Many-of-many picker: the rows of ChoiceList with a square box that each tap ticks or clears. */
export function CheckList({ items, checkedKeys, onToggle, testId }: CheckListProps) {
  return (
    <View className='choice-list check-list'>
      {items.map((item) => {
        const checked = checkedKeys.has(item.key);
        return (
          <View
            key={item.key}
            className={`choice-list__item${checked ? ' choice-list__item--selected' : ''}`}
            hoverClass='choice-list__item--pressed'
            ariaRole='checkbox'
            aria-checked={checked}
            data-testid={testId}
            data-key={item.key}
            data-checked={checked ? 'true' : 'false'}
            onClick={() => onToggle(item.key)}
          >
            <View className='choice-list__text'>
              <View className='choice-list__heading'>
                <Text className='choice-list__title check-list__title'>{item.title}</Text>
                {item.status && <StatusTag label={item.status} />}
              </View>
              {item.subtitle && <Text className='choice-list__subtitle'>{item.subtitle}</Text>}
            </View>
            <View className={`choice-list__radio check-list__box${checked ? ' choice-list__radio--checked' : ''}`}>
              {checked && <Text className='choice-list__tick'>✓</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
