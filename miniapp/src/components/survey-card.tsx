import { Text, View } from '@tarojs/components';
import type { Survey } from '../api/feedback';
import { surveyRewardPromiseOf, surveyStatusLabelOf } from '../format/feedback';
import { calendarDateOf } from '../format/shanghai-time';
import { StarRating } from './star-rating';
import { StatusTag } from './status-tag';
import './survey-card.scss';

/** A survey in 满意度回访: what it asks about and where; an answered one shows its scores, a pending one the way in. */
export function SurveyCard({ survey, onOpen }: { survey: Survey; onOpen: () => void }) {
  const answered = survey.answeredAt !== null;
  const promise = answered ? null : surveyRewardPromiseOf(survey.rewardPoints);
  return (
    <View
      className='survey-card'
      hoverClass='survey-card--pressed'
      ariaRole='button'
      data-testid='survey-card'
      data-survey-id={survey.id}
      data-answered={answered ? 'true' : 'false'}
      onClick={onOpen}
    >
      <View className='survey-card__heading'>
        <Text className='survey-card__subject' data-testid='survey-subject'>
          {survey.subject}
        </Text>
        <StatusTag label={surveyStatusLabelOf(survey)} testId='survey-status' />
      </View>
      <Text className='survey-card__meta'>
        {survey.store.name} · {calendarDateOf(answered && survey.answeredAt ? survey.answeredAt : survey.sentAt)}
        {answered ? ' 评价' : ' 邀请'}
      </Text>
      {answered ? (
        <View className='survey-card__scores'>
          <StarRating value={survey.csat ?? 0} size='small' />
          <Text className='survey-card__nps'>推荐意愿 {survey.nps} 分</Text>
        </View>
      ) : (
        <View className='survey-card__action'>
          <Text className='survey-card__promise'>{promise ?? '您的评价帮助我们做得更好'}</Text>
          <Text className='survey-card__go'>去评价 ›</Text>
        </View>
      )}
    </View>
  );
}
