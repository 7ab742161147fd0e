import { Input, Text, View } from '@tarojs/components';
import './text-field.scss';

interface TextFieldProps {
  /** Up to three characters: 联系人, 手机号. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  maxLength: number;
  /** 'number' brings up the digit keyboard, for a mobile number. */
  type?: 'text' | 'number';
  testId?: string;
}

/** One line of a form: its label, and the input filling the rest of a full-width, thumb-high row. */
export function TextField({ label, value, onChange, placeholder, maxLength, type = 'text', testId }: TextFieldProps) {
  return (
    <View className='text-field'>
      <Text className='text-field__label'>{label}</Text>
      <Input
        className='text-field__input'
        type={type}
        maxlength={maxLength}
        placeholder={placeholder}
        value={value}
        onInput={(event) => onChange(event.detail.value)}
        data-testid={testId}
      />
    </View>
  );
}
