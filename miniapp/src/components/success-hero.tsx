import { Text, View } from '@tarojs/components';
import './success-hero.scss';

interface SuccessHeroProps {
  title: string;
  subtitle: string;
  subtitleTestId?: string;
}

/** The top of a result page (预约成功, 兑换成功): a green tick, what went through, and what happens next. */
export function SuccessHero({ title, subtitle, subtitleTestId }: SuccessHeroProps) {
  return (
    <View className='success-hero'>
      <View className='success-hero__check'>
        <Text>✓</Text>
      </View>
      <Text className='success-hero__title'>{title}</Text>
      <Text className='success-hero__subtitle' data-testid={subtitleTestId}>
        {subtitle}
      </Text>
    </View>
  );
}
