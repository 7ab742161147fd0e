import { ScrollView, Text, View } from '@tarojs/components';
import type { BookableDate } from '../format/shanghai-time';
import './date-chips.scss';

interface DateChipsProps {
  dates: BookableDate[];
  selectedDate: string;
  onSelect: (date: string) => void;
}

/** The next days as a row of chips (今天 / 明天 / 周X over MM-DD), scrolled sideways. */
export function DateChips({ dates, selectedDate, onSelect }: DateChipsProps) {
  return (
    <ScrollView className='date-chips' scrollX enhanced showScrollbar={false}>
      <View className='date-chips__track'>
        {dates.map((day) => {
          const selected = day.date === selectedDate;
          return (
            <View
              key={day.date}
              className={`date-chips__chip${selected ? ' date-chips__chip--selected' : ''}`}
              ariaRole='radio'
              data-testid='date-chip'
              data-date={day.date}
              onClick={() => onSelect(day.date)}
            >
              <Text className='date-chips__day'>{day.dayLabel}</Text>
              <Text className='date-chips__month-day'>{day.monthDay}</Text>
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
