import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/api-error';
import { answerSurvey, type Survey } from '../../../api/feedback';
import { ActionButton } from '../../../components/action-button';
import { NoteField } from '../../../components/note-field';
import { NoticeBar } from '../../../components/notice-bar';
import { NpsScale } from '../../../components/nps-scale';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { StarRating } from '../../../components/star-rating';
import { SuccessHero } from '../../../components/success-hero';
import { SurveyAnswers } from '../../../components/survey-answers';
import { CSAT_WORDS, isDetractor, npsWordOf, surveyRewardPromiseOf, surveyThanksOf } from '../../../format/feedback';
import { calendarDateOf } from '../../../format/shanghai-time';
import { useMySurvey } from '../../../hooks/use-feedback';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import meIcon from '../../../assets/tab-bar/me-active.png';
import { SURVEY_COMMENT_MAX, surveyAnswerOf } from './survey-form';
import './index.scss';

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/** Back where the customer came from; a survey opened straight from a WeChat message has nowhere to go back to. */
function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/me/index' });
}

function openPoints() {
  void Taro.redirectTo({ url: '/pages/loyalty/points/index' });
}

/** What the survey asks about: the visit, the store, when the invitation came. */
function SubjectCard({ survey }: { survey: Survey }) {
  return (
    <View className='survey__card'>
      <Text className='survey__subject' data-testid='survey-subject'>
        {survey.subject}
      </Text>
      <Text className='survey__meta'>
        {survey.store.name} · {calendarDateOf(survey.sentAt)} 邀请评价
      </Text>
    </View>
  );
}

/** After answering here: thanks, the points it earned, and an apology with a call-back for a low score. */
function Thanks({ survey }: { survey: Survey }) {
  return (
    <View className='page survey' data-testid='survey-thanks'>
      <SuccessHero title='感谢您的反馈' subtitle={surveyThanksOf(survey.rewardPoints)} subtitleTestId='survey-thanks-points' />
      {survey.nps !== null && isDetractor(survey.nps) && (
        <NoticeBar testId='survey-apology'>很抱歉没能让您满意，门店经理会尽快联系您</NoticeBar>
      )}
      <SubjectCard survey={survey} />
      <SurveyAnswers survey={survey} />
      <View className='survey__actions'>
        {survey.rewardPoints > 0 && (
          <View className='survey__action'>
            <ActionButton variant='secondary' onClick={openPoints} testId='survey-open-points'>
              查看我的积分
            </ActionButton>
          </View>
        )}
        <View className='survey__action'>
          <ActionButton onClick={leave} testId='survey-done'>
            完成
          </ActionButton>
        </View>
      </View>
    </View>
  );
}

export default function SurveyPage() {
  const surveyId = Number(useRouter<{ id?: string }>().params.id);
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const lookup = useMySurvey(surveyId, loggedIn);
  const [answeredHere, setAnsweredHere] = useState<Survey | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [csat, setCsat] = useState(0);
  const [comment, setComment] = useState('');
  const submitting = useSingleFlight();

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState iconSrc={meIcon} title='登录后评价本次服务' onSignIn={() => requireLogin()} />
      </View>
    );
  }
  if (answeredHere) return <Thanks survey={answeredHere} />;

  const survey = lookup.data;
  if (!survey) {
    return (
      <View className='page'>
        {survey === null ? (
          <EmptyState
            testId='survey-not-found'
            title='没有找到这份回访'
            description='回访可能已失效，或不属于当前登录的账号'
            action={<ActionButton onClick={leave}>返回</ActionButton>}
          />
        ) : lookup.errorMessage ? (
          <ErrorState message={lookup.errorMessage} onRetry={() => void lookup.reload()} />
        ) : (
          <SkeletonCards count={3} cardHeight={240} />
        )}
      </View>
    );
  }

  if (survey.answeredAt !== null) {
    return (
      <View className='page survey' data-testid='survey-answered'>
        <NoticeBar tone='info'>您已完成这次回访，感谢您的反馈</NoticeBar>
        <SubjectCard survey={survey} />
        <SurveyAnswers survey={survey} />
      </View>
    );
  }

  const submit = () => {
    const result = surveyAnswerOf({ nps, csat, comment });
    if ('problem' in result) return showMessage(result.problem);
    void submitting.run(async () => {
      try {
        setAnsweredHere(await answerSurvey(survey.id, result.answer));
        void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      } catch (error) {
        showMessage(messageOf(error));
        // Answered meanwhile (another phone, or a first send whose answer was lost): show how it was answered.
        if (error instanceof ApiError && error.code === 'SURVEY_ALREADY_ANSWERED') await lookup.reload();
      }
    });
  };

  const promise = surveyRewardPromiseOf(survey.rewardPoints);
  return (
    <View className='page survey' data-testid='survey-form'>
      <SubjectCard survey={survey} />
      {promise && (
        <NoticeBar tone='info' testId='survey-reward'>
          {promise}
        </NoticeBar>
      )}

      <View className='survey__card survey__card--center'>
        <Text className='survey__question'>您有多大可能把我们推荐给朋友？</Text>
        <NpsScale value={nps} onChange={setNps} />
        <Text className='survey__word' data-testid='nps-word'>
          {npsWordOf(nps)}
        </Text>
      </View>

      <View className='survey__card survey__card--center'>
        <Text className='survey__question'>本次服务满意度</Text>
        <StarRating value={csat} onChange={setCsat} />
        <Text className='survey__word'>{CSAT_WORDS[csat] || '点击星星评分'}</Text>
      </View>

      <View className='survey__card'>
        <NoteField
          value={comment}
          onChange={setComment}
          maxLength={SURVEY_COMMENT_MAX}
          height={200}
          placeholder='说说哪里做得好、哪里需要改进（选填）'
          testId='survey-comment'
        />
      </View>

      <ActionButton busy={submitting.busy} onClick={submit} testId='submit-survey'>
        {submitting.busy ? '提交中…' : '提交评价'}
      </ActionButton>
    </View>
  );
}
