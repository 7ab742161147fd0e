import { Text, View } from '@tarojs/components';
import { shortDateTimeOf } from '../format/shanghai-time';
import type { ProgressStep } from '../format/service';
import './progress-steps.scss';

/** Steps in a row joined by a line: ticked when done, ringed when current, with the time each was reached. */
export function ProgressSteps({ steps }: { steps: ProgressStep[] }) {
  return (
    <View className='progress-steps' data-testid='progress-steps'>
      {steps.map((step, index) => {
        const [monthDay, clock] = step.at ? shortDateTimeOf(step.at).split(' ') : [null, null];
        return (
          <View
            key={step.text}
            className={`progress-steps__step progress-steps__step--${step.state}`}
            data-testid='progress-step'
            data-state={step.state}
          >
            <View className='progress-steps__dot'>
              <Text className='progress-steps__dot-text'>{step.state === 'done' ? '✓' : index + 1}</Text>
            </View>
            <Text className='progress-steps__label'>{step.text}</Text>
            {monthDay && <Text className='progress-steps__time'>{monthDay}</Text>}
            {clock && <Text className='progress-steps__time'>{clock}</Text>}
          </View>
        );
      })}
    </View>
  );
}
