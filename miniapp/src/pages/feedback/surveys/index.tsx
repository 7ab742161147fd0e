import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { Survey } from '../../../api/feedback';
import { LoadMoreFooter } from '../../../components/load-more-footer';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { SurveyCard } from '../../../components/survey-card';
import { useMySurveys } from '../../../hooks/use-feedback';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';
import meIcon from '../../../assets/tab-bar/me-active.png';
import './index.scss';

function openSurvey(surveyId: number) {
  void Taro.navigateTo({ url: `/pages/feedback/survey/index?id=${surveyId}` });
}

function SurveyCards({ surveys, testId }: { surveys: Survey[]; testId: string }) {
  return (
    <View data-testid={testId}>
      {surveys.map((survey) => (
        <SurveyCard key={survey.id} survey={survey} onOpen={() => openSurvey(survey.id)} />
      ))}
    </View>
  );
}

export default function SurveysPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const surveys = useMySurveys(loggedIn);

  usePullDownReload(surveys.reload);

  useReachBottom(() => {
    void surveys.loadMore();
  });

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState iconSrc={meIcon} title='登录后查看满意度回访' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  const items = surveys.items;
  if (!items?.length) {
    return (
      <View className='page'>
        {surveys.loading ? (
          <SkeletonCards count={3} cardHeight={220} />
        ) : surveys.errorMessage ? (
          <ErrorState message={surveys.errorMessage} onRetry={() => void surveys.reload()} />
        ) : (
          <EmptyState testId='surveys-empty' iconSrc={meIcon} title='暂无回访' description='到店保养、维修或试驾后，我们会邀请您评价本次服务' />
        )}
      </View>
    );
  }

  // The server lists the surveys waiting for an answer first, so the answered ones follow them page by page.
  const waiting = items.filter((survey) => survey.answeredAt === null);
  const answered = items.filter((survey) => survey.answeredAt !== null);
  return (
    <View className='page' data-testid='surveys-page'>
      <View className='section-title surveys__first-title'>
        <Text>待评价</Text>
        {waiting.length > 0 && <Text className='section-title__hint'>{waiting.length} 份</Text>}
      </View>
      {waiting.length > 0 ? (
        <SurveyCards surveys={waiting} testId='pending-surveys' />
      ) : (
        <Text className='surveys__none'>暂无待评价的回访，感谢您的支持</Text>
      )}
      {answered.length > 0 && (
        <>
          <View className='section-title'>
            <Text>已评价</Text>
          </View>
          <SurveyCards surveys={answered} testId='answered-surveys' />
        </>
      )}
      <LoadMoreFooter list={surveys} moreTestId='load-more-surveys' endTestId='surveys-end' />
    </View>
  );
}
