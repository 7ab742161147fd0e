import { Text, View } from '@tarojs/components';
import './switch-row.scss';

interface SwitchRowProps {
  title: string;
  description: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shows the switch dimmed and ignores taps, e.g. while a change is saved. */
  disabled?: boolean;
  testId?: string;
}

/**
 * A setting turned on or off: its name and what it does, with a switch. The whole row toggles it. Drawn by hand
 * rather than the native Switch, which looks different in the weapp and in H5.
 */
export function SwitchRow({ title, description, checked, onChange, disabled = false, testId }: SwitchRowProps) {
  return (
    <View
      className={`switch-row${disabled ? ' switch-row--disabled' : ''}`}
      ariaRole='switch'
      aria-checked={checked}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    >
      <View className='switch-row__text'>
        <Text className='switch-row__title'>{title}</Text>
        <Text className='switch-row__description'>{description}</Text>
      </View>
      <View className={`switch-row__track${checked ? ' switch-row__track--on' : ''}`}>
        <View className='switch-row__knob' />
      </View>
    </View>
  );
}
