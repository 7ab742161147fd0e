import { Text, View } from '@tarojs/components';
import type { Survey } from '../api/feedback';
import { CSAT_WORDS, npsWordOf } from '../format/feedback';
import { dateTimeOf } from '../format/shanghai-time';
import { NpsScale } from './nps-scale';
import { StarRating } from './star-rating';
import './survey-answers.scss';

/** An answered survey, read-only: the recommendation, the stars, the comment, and when it was given. */
export function SurveyAnswers({ survey }: { survey: Survey }) {
  return (
    <View className='survey-answers' data-testid='survey-answers'>
      <Text className='survey-answers__label'>推荐意愿</Text>
      <NpsScale value={survey.nps} />
      <Text className='survey-answers__word' data-testid='survey-answer-nps'>
        {npsWordOf(survey.nps)}
      </Text>
      <Text className='survey-answers__label'>本次服务满意度</Text>
      <View className='survey-answers__stars'>
        <StarRating value={survey.csat ?? 0} />
        <Text className='survey-answers__star-word' data-testid='survey-answer-csat'>
          {CSAT_WORDS[survey.csat ?? 0]}
        </Text>
      </View>
      {survey.comment && (
        <>
          <Text className='survey-answers__label'>您的评价</Text>
          <Text className='survey-answers__comment' data-testid='survey-answer-comment'>
            {survey.comment}
          </Text>
        </>
      )}
      {survey.answeredAt && <Text className='survey-answers__time'>评价于 {dateTimeOf(survey.answeredAt)}</Text>}
    </View>
  );
}
