import { Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../api/api-error';
import { referFriend, type MyReferrals, type ReferralResult } from '../../../api/loyalty';
import { ActionButton } from '../../../components/action-button';
import { NoteField } from '../../../components/note-field';
import { NoticeBar } from '../../../components/notice-bar';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { ReferralRow } from '../../../components/referral-row';
import { ShareButton } from '../../../components/share-button';
import { StepSection } from '../../../components/step-section';
import { StoreChoiceList } from '../../../components/store-choice-list';
import { TextField } from '../../../components/text-field';
import { NO_MODEL, VehicleModelChoiceList } from '../../../components/vehicle-model-choice-list';
import { referralInviteText, referralRewardText } from '../../../format/loyalty';
import { useStores, useVehicleModels } from '../../../hooks/use-catalog';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyReferrals } from '../../../hooks/use-loyalty';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import meIcon from '../../../assets/tab-bar/me-active.png';
import { REFERRAL_NOTE_MAX, referralOf } from './referral-form';
import './index.scss';

type ReopenedStep = 'store' | 'model' | null;

const HOW_IT_WORKS = ['推荐好友', '顾问联系', '好友购车', '积分到账'];

const NO_MODEL_CHOICE = { title: '暂不确定', subtitle: '由顾问根据好友需求推荐' };

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/** Where a shared card opens: the home page, carrying the member's code. */
function sharedPathOf(code: string | undefined): string {
  return code ? `/pages/home/index?ref=${encodeURIComponent(code)}` : '/pages/home/index';
}

function copyCode(code: string) {
  void Taro.setClipboardData({ data: code }).catch(() => undefined);
}

// H5 has no share sheet: the invitation goes to the clipboard, to paste into a chat.
async function copyInvitation(code: string) {
  try {
    await Taro.setClipboardData({ data: referralInviteText(code) });
    void Taro.showToast({ title: '邀请语已复制，发给好友吧', icon: 'none', duration: 2000 });
  } catch {
    showMessage('复制失败，请长按邀请码复制');
  }
}

/** How it works, the reward, and the member's share code with 复制 and 分享. */
function InviteCard({ referrals }: { referrals: MyReferrals }) {
  const { code, rewardPoints } = referrals;
  return (
    <View className='referrals__invite' data-testid='referral-invite'>
      <Text className='referrals__invite-title'>邀请好友购车</Text>
      <Text className='referrals__invite-reward' data-testid='referral-reward'>
        {referralRewardText(rewardPoints)}
      </Text>
      <View className='referrals__steps'>
        {HOW_IT_WORKS.map((step, index) => (
          <View key={step} className='referrals__step'>
            <Text className='referrals__step-number'>{index + 1}</Text>
            <Text className='referrals__step-text'>{step}</Text>
          </View>
        ))}
      </View>
      <View className='referrals__code-box'>
        <View className='referrals__code-text'>
          <Text className='referrals__code-label'>我的邀请码</Text>
          <Text className='referrals__code' userSelect data-testid='referral-code'>
            {code}
          </Text>
        </View>
        <ActionButton variant='secondary' size='small' onClick={() => copyCode(code)} testId='copy-referral-code'>
          复制
        </ActionButton>
      </View>
      <ShareButton onFallback={() => void copyInvitation(code)} testId='share-referral'>
        分享给好友
      </ShareButton>
    </View>
  );
}

export default function ReferralsPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const referrals = useMyReferrals(loggedIn);
  const stores = useStores();
  const models = useVehicleModels();
  const [name, setName] = useState('');
  const [mobile, setMobile] = useState('');
  const [storeId, setStoreId] = useState<number | null>(null);
  const [modelId, setModelId] = useState(NO_MODEL);
  const [note, setNote] = useState('');
  const [reopened, setReopened] = useState<ReopenedStep>(null);
  const [result, setResult] = useState<ReferralResult | null>(null);
  const sending = useSingleFlight();

  useShareAppMessage(() => ({ title: '邀请你来悦行汽车看看新车，预约到店试驾', path: sharedPathOf(referrals.data?.code) }));

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState
          iconSrc={meIcon}
          title='登录后邀请好友'
          description='推荐好友到店购车，好友提车后您可获得积分奖励'
          onSignIn={() => requireLogin()}
        />
      </View>
    );
  }

  const store = stores.data?.find((candidate) => candidate.id === storeId);
  const model = models.data?.find((candidate) => candidate.id === modelId);
  const storeOpen = !store || reopened === 'store';
  const modelOpen = reopened === 'model';

  const chooseStore = (id: number) => {
    setStoreId(id);
    setReopened(null);
  };

  const chooseModel = (id: number) => {
    setModelId(id);
    setReopened(null);
  };

  const submit = () => {
    const referral = referralOf({ name, mobile, storeId, modelId: model?.id ?? null, note });
    if ('problem' in referral) return showMessage(referral.problem);
    void sending.run(async () => {
      setResult(null);
      try {
        const answer = await referFriend(referral.input);
        // Either way the store now has the friend and will call: the form starts afresh for the next one.
        setResult(answer);
        setName('');
        setMobile('');
        setModelId(NO_MODEL);
        setNote('');
        if (answer.eligible) void Taro.showToast({ title: '推荐成功', icon: 'success' });
        void referrals.reload();
      } catch (error) {
        showMessage(messageOf(error));
      }
    });
  };

  const list = referrals.data?.referrals;
  return (
    <View className='page referrals' data-testid='referrals-page'>
      {referrals.data ? (
        <InviteCard referrals={referrals.data} />
      ) : referrals.errorMessage ? (
        <ErrorState message={referrals.errorMessage} onRetry={() => void referrals.reload()} />
      ) : (
        <SkeletonCards count={1} cardHeight={520} />
      )}

      <View className='section-title'>
        <Text>推荐好友</Text>
        <Text className='section-title__hint'>顾问会尽快联系您的好友</Text>
      </View>

      <StepSection step={1} title='好友信息' open testId='step-friend'>
        <View className='referrals__card'>
          <TextField label='姓名' value={name} onChange={setName} placeholder='好友的姓名' maxLength={64} testId='referral-name-input' />
          <TextField
            label='手机号'
            type='number'
            value={mobile}
            onChange={(typed) => setMobile(typed.trim())}
            placeholder='好友的手机号'
            maxLength={11}
            testId='referral-mobile-input'
          />
          <Text className='referrals__hint'>请先征得好友同意，门店仅用于联系好友看车</Text>
        </View>
      </StepSection>

      <StepSection step={2} title='意向门店' open={storeOpen} summary={store?.name} onChange={() => setReopened('store')} testId='step-store'>
        <StoreChoiceList stores={stores} selectedId={storeId} onSelect={chooseStore} />
      </StepSection>

      <StepSection
        step={3}
        title='意向车型（选填）'
        open={modelOpen}
        summary={model?.name ?? NO_MODEL_CHOICE.title}
        onChange={() => setReopened('model')}
        testId='step-model'
      >
        <VehicleModelChoiceList models={models} selectedId={modelId} onSelect={chooseModel} noModelChoice={NO_MODEL_CHOICE} />
      </StepSection>

      <StepSection step={4} title='备注（选填）' open testId='step-note'>
        <View className='referrals__card'>
          <NoteField
            value={note}
            onChange={setNote}
            maxLength={REFERRAL_NOTE_MAX}
            height={160}
            placeholder='如好友的购车预算、方便联系的时间'
            testId='referral-note-input'
          />
        </View>
      </StepSection>

      <View className='referrals__submit'>
        {result && (
          <NoticeBar tone={result.eligible ? 'info' : 'warning'} testId='referral-result'>
            {result.message}
          </NoticeBar>
        )}
        <ActionButton busy={sending.busy} onClick={submit} testId='submit-referral'>
          {sending.busy ? '提交中…' : '提交推荐'}
        </ActionButton>
      </View>

      <View className='section-title'>
        <Text>我的推荐</Text>
        {list && list.length > 0 && <Text className='section-title__hint'>共 {list.length} 位</Text>}
      </View>
      {list ? (
        list.length > 0 ? (
          <View className='referrals__card referrals__list' data-testid='referral-list'>
            {list.map((referral) => (
              <ReferralRow key={referral.leadId} referral={referral} />
            ))}
          </View>
        ) : (
          <EmptyState testId='referrals-empty' title='还没有推荐记录' description='推荐的好友会显示在这里，好友提车后积分自动到账' />
        )
      ) : referrals.errorMessage ? null : (
        <SkeletonCards count={2} cardHeight={120} />
      )}
    </View>
  );
}
