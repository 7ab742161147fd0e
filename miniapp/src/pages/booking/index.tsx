import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { SlotFooter } from '../../components/slot-footer';
import { SlotPicker } from '../../components/slot-picker';
import { StepSection } from '../../components/step-section';
import { StoreChoiceList } from '../../components/store-choice-list';
import { VehicleModelChoiceList } from '../../components/vehicle-model-choice-list';
import { useStores, useVehicleModels } from '../../hooks/use-catalog';
import { useLoginGate } from '../../hooks/use-login-gate';
import { useTestDriveSlotPicker } from '../../hooks/use-slot-picker';
import { handOverChoice, takePreselectedModelId } from '../../state/test-drive-handoff';
import './index.scss';

type ReopenedStep = 'store' | 'model' | null;

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
        <StoreChoiceList stores={stores} selectedId={storeId} onSelect={chooseStore} />
      </StepSection>

      <StepSection step={2} title='选择车型' open={modelOpen} summary={model?.name} onChange={() => setReopened('model')} testId='step-model'>
        <VehicleModelChoiceList models={vehicleModels} selectedId={modelId} onSelect={chooseModel} />
      </StepSection>

      {store && model && (
        <StepSection step={3} title='选择时间' open testId='step-time'>
          <SlotPicker picker={picker} />
        </StepSection>
      )}

      {store && model && (
        <SlotFooter slot={picker.selectedSlot} placeholder='请选择试驾时段' testId='booking-selection'>
          <ActionButton disabled={!picker.selectedSlot} onClick={goToConfirm} testId='booking-next'>
            下一步：填写联系方式
          </ActionButton>
        </SlotFooter>
      )}
    </View>
  );
}
