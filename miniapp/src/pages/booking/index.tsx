import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Store } from '../../api/stores';
import type { VehicleModel } from '../../api/vehicle-models';
import { ActionButton } from '../../components/action-button';
import { ChoiceList, type Choice } from '../../components/choice-list';
import { EmptyState, ErrorState, SkeletonCards } from '../../components/page-states';
import { SlotPicker } from '../../components/slot-picker';
import { StepSection } from '../../components/step-section';
import { ENERGY_TYPE_LABELS } from '../../format/energy-type';
import { timeRangeOf } from '../../format/shanghai-time';
import { useStores, useVehicleModels } from '../../hooks/use-catalog';
import { useLoginGate } from '../../hooks/use-login-gate';
import { useTestDriveSlotPicker } from '../../hooks/use-slot-picker';
import { handOverChoice, takePreselectedModelId } from '../../state/test-drive-handoff';
import './index.scss';

type ReopenedStep = 'store' | 'model' | null;

const storeChoice = (store: Store): Choice => ({ key: store.id, title: store.name, subtitle: store.address, tag: store.city });

const modelChoice = (model: VehicleModel): Choice => ({
  key: model.id,
  title: model.name,
  subtitle: `${model.brand} · ${model.bodyType}`,
  tag: ENERGY_TYPE_LABELS[model.energyType].text,
});

function openMyBookings() {
  void Taro.navigateTo({ url: '/pages/test-drive/my-bookings/index' });
}

export default function BookingPage() {
  const stores = useStores();
  const vehicleModels = useVehicleModels();
  const [storeId, setStoreId] = useState<number | null>(null);
  const [modelId, setModelId] = useState<number | null>(null);
  const [reopened, setReopened] = useState<ReopenedStep>(null);
  const store = stores.data?.find((candidate) => candidate.id === storeId);
  const model = vehicleModels.data?.find((candidate) => candidate.id === modelId);
  const picker = useTestDriveSlotPicker(store?.id ?? null, model?.id ?? null);
  const { requireLogin } = useLoginGate();
  const shownBefore = useRef(false);

  useDidShow(() => {
    const preselectedModelId = takePreselectedModelId();
    if (preselectedModelId !== null) {
      setModelId(preselectedModelId);
      setReopened(null);
      picker.selectSlot(null);
    }
    // Slots fill up while the customer is elsewhere (or just booked one): show what is left now.
    if (shownBefore.current) void picker.slots.reload();
    shownBefore.current = true;
  });

  const chooseStore = (id: number) => {
    setStoreId(id);
    setReopened(null);
    picker.selectSlot(null);
  };

  const chooseModel = (id: number) => {
    setModelId(id);
    setReopened(null);
    picker.selectSlot(null);
  };

  const goToConfirm = () => {
    const slot = picker.selectedSlot;
    if (!store || !model || !slot) return;
    handOverChoice({ store, model, slot });
    requireLogin(() => void Taro.navigateTo({ url: '/pages/test-drive/confirm/index' }));
  };

  const storeOpen = !store || reopened === 'store';
  const modelOpen = !model || reopened === 'model';

  return (
    <View className='page booking'>
      <View className='booking__intro'>
        <Text className='booking__intro-text'>选门店、车型和时间，到店即可试驾</Text>
        <View className='booking__mine' hoverClass='booking__mine--pressed' onClick={openMyBookings} data-testid='open-my-bookings'>
          <Text>我的预约 ›</Text>
        </View>
      </View>

      <StepSection step={1} title='选择门店' open={storeOpen} summary={store?.name} onChange={() => setReopened('store')} testId='step-store'>
        {stores.loading && !stores.data ? (
          <SkeletonCards count={3} cardHeight={120} />
        ) : stores.errorMessage ? (
          <ErrorState message={stores.errorMessage} onRetry={() => void stores.reload()} />
        ) : stores.data?.length ? (
          <ChoiceList choices={stores.data.map(storeChoice)} selectedKey={storeId} onSelect={chooseStore} testId='store-choice' />
        ) : (
          <EmptyState title='暂无可预约的门店' description='门店信息整理中，请稍后再来看看' />
        )}
      </StepSection>

      <StepSection step={2} title='选择车型' open={modelOpen} summary={model?.name} onChange={() => setReopened('model')} testId='step-model'>
        {vehicleModels.loading && !vehicleModels.data ? (
          <SkeletonCards count={3} cardHeight={120} />
        ) : vehicleModels.errorMessage ? (
          <ErrorState message={vehicleModels.errorMessage} onRetry={() => void vehicleModels.reload()} />
        ) : vehicleModels.data?.length ? (
          <ChoiceList choices={vehicleModels.data.map(modelChoice)} selectedKey={modelId} onSelect={chooseModel} testId='model-choice' />
        ) : (
          <EmptyState title='暂无可试驾的车型' description='新车型上架后会第一时间展示在这里' />
        )}
      </StepSection>

      {store && model && (
        <StepSection step={3} title='选择时间' open testId='step-time'>
          <SlotPicker picker={picker} />
        </StepSection>
      )}

      {store && model && (
        <View className='booking__footer'>
          <Text className='booking__selection' data-testid='booking-selection'>
            {picker.selectedSlot ? timeRangeOf(picker.selectedSlot.startAt, picker.selectedSlot.endAt) : '请选择试驾时段'}
          </Text>
          <ActionButton disabled={!picker.selectedSlot} onClick={goToConfirm} testId='booking-next'>
            下一步：填写联系方式
          </ActionButton>
        </View>
      )}
    </View>
  );
}
