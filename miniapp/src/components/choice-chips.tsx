import { Text, View } from '@tarojs/components';
import './choice-chips.scss';

export interface ChipChoice<Key extends string> {
  key: Key;
  title: string;
}

interface ChoiceChipsProps<Key extends string> {
  choices: ReadonlyArray<ChipChoice<Key>>;
  selectedKey: Key | null;
  onSelect: (key: Key) => void;
  testId?: string;
}

/** One-of-a-few short choices (问题类型) as chips that wrap, each a thumb high. */
export function ChoiceChips<Key extends string>({ choices, selectedKey, onSelect, testId }: ChoiceChipsProps<Key>) {
  return (
    <View className='choice-chips' ariaRole='radiogroup'>
      {choices.map((choice) => {
        const selected = choice.key === selectedKey;
        return (
          <View
            key={choice.key}
            className={`choice-chips__chip${selected ? ' choice-chips__chip--selected' : ''}`}
            hoverClass='choice-chips__chip--pressed'
            ariaRole='radio'
            aria-checked={selected}
            data-testid={testId}
            data-key={choice.key}
            data-selected={selected ? 'true' : 'false'}
            onClick={() => onSelect(choice.key)}
          >
            <Text>{choice.title}</Text>
          </View>
        );
      })}
    </View>
  );
}
