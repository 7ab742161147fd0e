import { Text } from '@tarojs/components';
import type { StatusLabel } from '../format/status-tone';
import './status-tag.scss';

/** A small coloured label for a status (已确认, 即将到期, 待取车). */
export function StatusTag({ label, testId }: { label: StatusLabel; testId?: string }) {
  return (
    <Text className={`status-tag status-tag--${label.tone}`} data-testid={testId}>
      {label.text}
    </Text>
  );
}
