import { Text, View } from '@tarojs/components';
import './choice-list.scss';

export interface Choice {
  key: number;
  title: string;
  subtitle?: string;
  /** A short label on the right of the title, e.g. a city or '纯电'. */
  tag?: string;
}

interface ChoiceListProps {
  choices: Choice[];
  selectedKey: number | null;
  onSelect: (key: number) => void;
  testId?: string;
}

/** One-of-many picker as full-width rows, easy to hit with a thumb. */
export function ChoiceList({ choices, selectedKey, onSelect, testId }: ChoiceListProps) {
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
