import { Picker, Text, View } from '@tarojs/components';
import { BIRTHDAY_PICKER_START, birthdayPickerValue, birthdayText, latestBirthday } from '../format/birthday';
import './birthday-row.scss';

interface BirthdayRowProps {
  /** 'YYYY-MM-DD', or null when not given yet; undefined while the profile loads. */
  birthday: string | null | undefined;
  /** A save is in flight: the row shows it and takes no new date. */
  saving: boolean;
  onPick: (birthday: string) => void;
}

/** 我的: the customer's birthday, picked from a date wheel, and why we ask for it. */
export function BirthdayRow({ birthday, saving, onPick }: BirthdayRowProps) {
  const loaded = birthday !== undefined;
  const value = saving ? '保存中…' : birthday ? birthdayText(birthday) : loaded ? '去填写' : '';
  return (
    <Picker
      mode='date'
      value={birthdayPickerValue(birthday ?? null)}
      start={BIRTHDAY_PICKER_START}
      end={latestBirthday(new Date())}
      disabled={!loaded || saving}
      onChange={(event) => onPick(String(event.detail.value))}
    >
      <View className='birthday-row' hoverClass='birthday-row--pressed' ariaRole='button' data-testid='me-birthday'>
        <View className='birthday-row__text'>
          <Text className='birthday-row__title'>生日</Text>
          <Text className='birthday-row__hint'>生日当天送上祝福和积分</Text>
        </View>
        <View className='birthday-row__trailing'>
          <Text className={`birthday-row__value${birthday ? '' : ' birthday-row__value--empty'}`} data-testid='me-birthday-value'>
            {value}
          </Text>
          <Text className='birthday-row__chevron'>›</Text>
        </View>
      </View>
    </Picker>
  );
}
