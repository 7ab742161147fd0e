import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './step-section.scss';

interface StepSectionProps {
  step: number;
  title: string;
  /** What was chosen; shown instead of the content while the step is closed. */
  summary?: string;
  open: boolean;
  /** Reopens a closed step to change the choice. */
  onChange?: () => void;
  children: ReactNode;
  testId?: string;
}

/** One numbered step of a flow: open to choose, closed to a one-line summary with 更换 once chosen. */
export function StepSection({ step, title, summary, open, onChange, children, testId }: StepSectionProps) {
  return (
    <View className='step-section' data-testid={testId}>
      <View className='step-section__header'>
        <Text className='step-section__number'>{step}</Text>
        <Text className='step-section__title'>{title}</Text>
      </View>
      {open ? (
        children
      ) : (
        <View className='step-section__summary' hoverClass='step-section__summary--pressed' onClick={onChange}>
          <Text className='step-section__summary-text'>{summary}</Text>
          {onChange && <Text className='step-section__change'>更换</Text>}
        </View>
      )}
    </View>
  );
}
