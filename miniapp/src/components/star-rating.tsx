import { Text, View } from '@tarojs/components';
import './star-rating.scss';

const STARS = [1, 2, 3, 4, 5];

interface StarRatingProps {
  value: number;
  /** Without a handler the stars only show the value. */
  onChange?: (value: number) => void;
  size?: 'large' | 'small';
}

/** 1–5 stars; as an input each star is a large tap target. */
export function StarRating({ value, onChange, size = 'large' }: StarRatingProps) {
  return (
    <View className={`star-rating star-rating--${size}`} ariaRole={onChange ? 'radiogroup' : undefined} ariaLabel={`${value} 星`}>
      {STARS.map((star) => (
        <View
          key={star}
          className='star-rating__star'
          ariaRole={onChange ? 'radio' : undefined}
          data-testid={onChange ? 'star' : undefined}
          onClick={onChange ? () => onChange(star) : undefined}
        >
          <Text className={star <= value ? 'star-rating__glyph star-rating__glyph--on' : 'star-rating__glyph'}>★</Text>
        </View>
      ))}
    </View>
  );
}
