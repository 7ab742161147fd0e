import { Text, View } from '@tarojs/components';
import './info-rows.scss';

export interface InfoRow {
  label: string;
  value: string;
  testId?: string;
}

/** Label / value lines of a summary, e.g. 门店, 车型, 时间. */
export function InfoRows({ rows }: { rows: InfoRow[] }) {
  return (
    <View className='info-rows'>
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
