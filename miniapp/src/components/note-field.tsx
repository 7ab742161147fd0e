import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './note-field.scss';

interface NoteFieldProps {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder: string;
  /** In design pixels. */
  height?: number;
  testId?: string;
}

/** Free text the customer may add (备注, 评价), with how much of the allowed length is used. */
export function NoteField({ value, onChange, maxLength, placeholder, height = 200, testId }: NoteFieldProps) {
  return (
    <View className='note-field'>
      <Textarea
        className='note-field__input'
        style={{ height: Taro.pxTransform(height) }}
        maxlength={maxLength}
        placeholder={placeholder}
        value={value}
        onInput={(event) => onChange(event.detail.value)}
        data-testid={testId}
      />
      <Text className='note-field__count'>
        {value.length}/{maxLength}
      </Text>
    </View>
  );
}
