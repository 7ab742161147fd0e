import { Text, View } from '@tarojs/components';
import './info-rows.scss';

export interface InfoRow {
  label: string;
  value: string;
  testId?: string;
}

interface InfoRowsProps {
  rows: InfoRow[];
  /** Room for four-character labels (保险到期) instead of two. */
  wideLabels?: boolean;
}

/** Label / value lines of a summary, e.g. 门店, 车型, 时间. */
export function InfoRows({ rows, wideLabels = false }: InfoRowsProps) {
  return (
    <View className={`info-rows${wideLabels ? ' info-rows--wide' : ''}`}>
      {rows.map((row) => (
        <View key={row.label} className='info-rows__row'>
          <Text className='info-rows__label'>{row.label}</Text>
          <Text className='info-rows__value' data-testid={row.testId}>
            {row.value}
          </Text>
        </View>
      ))}
    </View>
  );
}
