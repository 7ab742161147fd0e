import { Text, View } from '@tarojs/components';
import { isDetractor, NPS_SCORES } from '../format/feedback';
import './nps-scale.scss';

// Two rows (0–5, 6–10): eleven circles in one row of a phone would each be narrower than a thumb.
const ROWS = [NPS_SCORES.slice(0, 6), NPS_SCORES.slice(6)];

interface NpsScaleProps {
  value: number | null;
  /** Without a handler the scale only shows the value. */
  onChange?: (score: number) => void;
}

function toneOf(score: number): string {
  if (isDetractor(score)) return 'low';
  return score >= 9 ? 'high' : 'middle';
}

/** The 0–10 "would you recommend us" answer as tappable circles, 不可能 at 0 and 非常愿意 at 10. */
export function NpsScale({ value, onChange }: NpsScaleProps) {
  return (
    <View className='nps-scale' ariaRole={onChange ? 'radiogroup' : undefined} ariaLabel={value === null ? '未选择' : `${value} 分`}>
      {ROWS.map((row) => (
        <View key={row[0]} className='nps-scale__row'>
          {row.map((score) => {
            const selected = score === value;
            return (
              <View
                key={score}
                className={`nps-scale__score${selected ? ` nps-scale__score--selected nps-scale__score--${toneOf(score)}` : ''}`}
                hoverClass={onChange ? 'nps-scale__score--pressed' : 'none'}
                ariaRole={onChange ? 'radio' : undefined}
                aria-checked={selected}
                data-testid='nps-score'
                data-score={score}
                data-selected={selected ? 'true' : 'false'}
                onClick={onChange ? () => onChange(score) : undefined}
              >
                <Text>{score}</Text>
              </View>
            );
          })}
        </View>
      ))}
      <View className='nps-scale__legend'>
        <Text>0 = 不可能</Text>
        <Text>10 = 非常愿意</Text>
      </View>
    </View>
  );
}
