import { Text, View } from '@tarojs/components';
import './choice-list.scss';

/** `key` identifies the choice: an id, or a code such as a service type. */
export interface Choice<K extends string | number = number> {
  key: K;
  title: string;
  subtitle?: string;
  /** A short label on the right of the title, e.g. a city or '纯电'. */
  tag?: string;
}

interface ChoiceListProps<K extends string | number> {
  choices: Choice<K>[];
  selectedKey: K | null;
  onSelect: (key: K) => void;
  testId?: string;
}

/** One-of-many picker as full-width rows, easy to hit with a thumb. */
export function ChoiceList<K extends string | number = number>({ choices, selectedKey, onSelect, testId }: ChoiceListProps<K>) {
  return (
    <View className='choice-list'>
      {choices.map((choice) => {
        const selected = choice.key === selectedKey;
        return (
          <View
            key={choice.key}
            className={`choice-list__item${selected ? ' choice-list__item--selected' : ''}`}
            hoverClass='choice-list__item--pressed'
            ariaRole='radio'
            data-testid={testId}
            onClick={() => onSelect(choice.key)}
          >
            <View className='choice-list__text'>
              <View className='choice-list__heading'>
                <Text className='choice-list__title'>{choice.title}</Text>
                {choice.tag && <Text className='choice-list__tag'>{choice.tag}</Text>}
              </View>
              {choice.subtitle && <Text className='choice-list__subtitle'>{choice.subtitle}</Text>}
            </View>
            <View className={`choice-list__radio${selected ? ' choice-list__radio--checked' : ''}`}>
              {selected && <Text className='choice-list__tick'>✓</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
