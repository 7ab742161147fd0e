import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf, outcomeUnknown } from '../../../api/api-error';
import { raiseComplaint, type ComplaintCategory } from '../../../api/feedback';
import { ActionButton } from '../../../components/action-button';
import { ChoiceChips } from '../../../components/choice-chips';
import { ComplaintCard } from '../../../components/complaint-card';
import { NoteField } from '../../../components/note-field';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { StoreChoiceList } from '../../../components/store-choice-list';
import { COMPLAINT_CATEGORIES } from '../../../format/feedback';
import { useStores } from '../../../hooks/use-catalog';
import { useMyComplaints } from '../../../hooks/use-feedback';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import meIcon from '../../../assets/tab-bar/me-active.png';
import { COMPLAINT_CONTENT_MAX, complaintOf } from './complaint-form';
import './index.scss';

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

export default function ComplaintsPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const complaints = useMyComplaints(loggedIn);
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [content, setContent] = useState('');
  const [storeId, setStoreId] = useState<number | null>(null);
  const [choosingStore, setChoosingStore] = useState(false);
  const stores = useStores();
  const sending = useSingleFlight();

  usePullDownReload(complaints.reload);

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState iconSrc={meIcon} title='登录后提交投诉与建议' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  const submit = () => {
    const complaint = complaintOf({ category, content, storeId });
    if ('problem' in complaint) return showMessage(complaint.problem);
    void sending.run(async () => {
      try {
        await raiseComplaint(complaint.input);
        void Taro.showToast({ title: '已提交，门店会尽快处理', icon: 'none', duration: 2500 });
        setCategory(null);
        setContent('');
        setStoreId(null);
      } catch (error) {
        // Not resent by the client: it may have arrived all the same, which the list below then shows.
        showMessage(outcomeUnknown(error) ? `${messageOf(error)}，请查看下方记录确认是否已提交` : messageOf(error));
        // No car on file (a prospect): the store cannot be taken from it, so the customer names it.
        if (error instanceof ApiError && error.code === 'STORE_REQUIRED') setChoosingStore(true);
        if (!outcomeUnknown(error)) return;
      }
      await complaints.reload();
    });
  };

  const chooseStore = (id: number) => {
    setStoreId(id);
    setChoosingStore(false);
  };
  const store = stores.data?.find((candidate) => candidate.id === storeId);
  const list = complaints.data;
  return (
    <View className='page complaints' data-testid='complaints-page'>
      <View className='complaints__card'>
        <Text className='complaints__label'>问题类型</Text>
        <ChoiceChips choices={COMPLAINT_CATEGORIES} selectedKey={category} onSelect={setCategory} testId='complaint-category-chip' />
        <Text className='complaints__label'>问题描述</Text>
        <NoteField
          value={content}
          onChange={setContent}
          maxLength={COMPLAINT_CONTENT_MAX}
          height={240}
          placeholder='请描述您遇到的问题或建议，如时间、门店、车辆等（至少 5 个字）'
          testId='complaint-content-input'
        />
        <Text className='complaints__label'>涉及门店</Text>
        {choosingStore ? (
          <StoreChoiceList stores={stores} selectedId={storeId} onSelect={chooseStore} />
        ) : (
          <View
            className='complaints__store'
            hoverClass='complaints__store--pressed'
            ariaRole='button'
            onClick={() => setChoosingStore(true)}
            data-testid='complaint-store'
          >
            <Text className={store ? 'complaints__store-name' : 'complaints__store-default'}>{store?.name ?? '默认为您爱车所在的门店'}</Text>
            <Text className='complaints__store-change'>{store ? '更换' : '选择门店'}</Text>
          </View>
        )}
        <View className='complaints__submit'>
          <ActionButton busy={sending.busy} onClick={submit} testId='submit-complaint'>
            {sending.busy ? '提交中…' : '提交'}
          </ActionButton>
        </View>
        <Text className='complaints__hint'>提交后门店经理会尽快与您联系，处理进度可在下方查看</Text>
      </View>

      <View className='section-title'>
        <Text>我的投诉与建议</Text>
        {list && list.length > 0 && <Text className='section-title__hint'>共 {list.length} 条</Text>}
      </View>
      {complaints.loading && !list?.length ? (
        <SkeletonCards count={2} cardHeight={220} />
      ) : complaints.errorMessage ? (
        <ErrorState message={complaints.errorMessage} onRetry={() => void complaints.reload()} />
      ) : list?.length ? (
        <View data-testid='complaint-list'>
          {list.map((complaint) => (
            <ComplaintCard key={complaint.id} complaint={complaint} />
          ))}
        </View>
      ) : (
        <EmptyState testId='complaints-empty' title='还没有提交过投诉或建议' description='您的每一条意见，门店都会认真处理并回复' />
      )}
    </View>
  );
}
