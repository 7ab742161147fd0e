import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { ServiceType } from '../../../api/service';
import type { MaintenanceDue, OwnerVehicle } from '../../../api/vehicles';
import { ActionButton } from '../../../components/action-button';
import { CheckList, type CheckItem } from '../../../components/check-list';
import { ChoiceList, type Choice } from '../../../components/choice-list';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { SlotFooter } from '../../../components/slot-footer';
import { SlotPicker } from '../../../components/slot-picker';
import { StepSection } from '../../../components/step-section';
import { StoreChoiceList } from '../../../components/store-choice-list';
import { SERVICE_TYPES, serviceTypeText } from '../../../format/service';
import { DUE_STATUS_LABELS, dueWhenOf, formatKm } from '../../../format/vehicle';
import { useServiceItems } from '../../../hooks/use-service-items';
import { useStores } from '../../../hooks/use-catalog';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyVehicleFile, useMyVehicles } from '../../../hooks/use-my-vehicles';
import { useServiceSlotPicker } from '../../../hooks/use-slot-picker';
import { useVerifiedMobileGate } from '../../../hooks/use-verified-mobile-gate';
import { handOverServiceChoice } from '../../../state/service-booking-handoff';
import carIcon from '../../../assets/tab-bar/my-cars-active.png';
import { labourTextOf, recommendedItemIds } from './recommended-items';
import './index.scss';

type ReopenedStep = 'vehicle' | 'store' | 'type' | null;

const NOTHING_CHECKED: ReadonlySet<number> = new Set();

const vehicleTitle = (vehicle: OwnerVehicle) => vehicle.plate ?? vehicle.model.name;

const vehicleChoice = (vehicle: OwnerVehicle): Choice => ({
  key: vehicle.id,
  title: vehicleTitle(vehicle),
  subtitle: `${vehicle.model.name} · ${formatKm(vehicle.mileageKm)}`,
});

const SERVICE_TYPE_CHOICES: Choice<ServiceType>[] = SERVICE_TYPES.map(({ type, text, description }) => ({
  key: type,
  title: text,
  subtitle: description,
}));

export default function BookServicePage() {
  const { params } = useRouter<{ vehicleId?: string }>();
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const vehicles = useMyVehicles(loggedIn);
  const stores = useStores();
  const [pickedVehicleId, setPickedVehicleId] = useState<number | null>(Number(params.vehicleId) || null);
  // null until the owner picks a store: until then the car's home store stands.
  const [pickedStoreId, setPickedStoreId] = useState<number | null>(null);
  const [serviceType, setServiceType] = useState<ServiceType>('MAINTENANCE');
  // null until the owner ticks or clears an item: until then the recommendation stands.
  const [chosenItemIds, setChosenItemIds] = useState<ReadonlySet<number> | null>(null);
  const [reopened, setReopened] = useState<ReopenedStep>(null);

  // One car needs no choosing.
  const onlyVehicle = vehicles.data?.length === 1 ? vehicles.data[0] : undefined;
  const vehicle = vehicles.data?.find((candidate) => candidate.id === pickedVehicleId) ?? onlyVehicle;
  const storeId = pickedStoreId ?? vehicle?.store?.id ?? null;
  const store = stores.data?.find((candidate) => candidate.id === storeId);
  const verification = useVerifiedMobileGate();
  const file = useMyVehicleFile(vehicle?.id ?? null);
  const items = useServiceItems(vehicle?.model.id ?? null);
  const picker = useServiceSlotPicker(store?.id ?? null);

  const openBind = () => void verification.requireVerifiedMobile(() => void Taro.navigateTo({ url: '/pages/service/bind/index' }));

  const schedule: MaintenanceDue[] = useMemo(
    () => (file.data?.id === vehicle?.id ? (file.data?.schedule.items ?? []) : []),
    [file.data, vehicle?.id],
  );
  const recommended = useMemo(() => recommendedItemIds(schedule, items.data ?? []), [schedule, items.data]);
  const checkedIds = chosenItemIds ?? (serviceType === 'MAINTENANCE' ? recommended : NOTHING_CHECKED);

  const itemChoices: CheckItem[] = (items.data ?? []).map((item) => {
    const due = schedule.find((candidate) => candidate.itemId === item.id);
    const dueSoon = due && due.status !== 'NOT_DUE';
    return {
      key: item.id,
      title: item.name,
      subtitle: dueSoon ? `建议保养 · 到期：${dueWhenOf(due)}` : labourTextOf(item),
      status: dueSoon ? DUE_STATUS_LABELS[due.status] : undefined,
    };
  });

  const chooseVehicle = (id: number) => {
    setPickedVehicleId(id);
    setChosenItemIds(null);
    setReopened(null);
  };

  const chooseStore = (id: number) => {
    setPickedStoreId(id);
    setReopened(null);
    picker.selectSlot(null);
  };

  const chooseServiceType = (type: ServiceType) => {
    setServiceType(type);
    setReopened(null);
  };

  const toggleItem = (id: number) => {
    const next = new Set(checkedIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosenItemIds(next);
  };

  const goToConfirm = () => {
    const slot = picker.selectedSlot;
    if (!vehicle || !store || !slot) return;
    const chosenItems = (items.data ?? []).filter((item) => checkedIds.has(item.id));
    handOverServiceChoice({ vehicle, store, serviceType, items: chosenItems, slot });
    void Taro.navigateTo({ url: '/pages/service/confirm/index' });
  };

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState title='登录后即可预约保养' onSignIn={() => requireLogin()} />
      </View>
    );
  }
  if (vehicles.loading && !vehicles.data) {
    return (
      <View className='page'>
        <SkeletonCards count={3} cardHeight={120} />
      </View>
    );
  }
  if (vehicles.errorMessage) {
    return (
      <View className='page'>
        <ErrorState message={vehicles.errorMessage} onRetry={() => void vehicles.reload()} />
      </View>
    );
  }
  if (!vehicles.data?.length) {
    return (
      <View className='page'>
        <EmptyState
          iconSrc={carIcon}
          title='请先绑定爱车'
          description='绑定爱车后，即可按保养计划预约到店保养'
          action={
            <ActionButton busy={verification.busy} onClick={openBind}>
              绑定爱车
            </ActionButton>
          }
        />
      </View>
    );
  }

  const vehicleOpen = !vehicle || reopened === 'vehicle';
  const storeOpen = !store || reopened === 'store';
  const typeOpen = reopened === 'type';
  const itemsLoading = (items.loading && !items.data) || (file.loading && !file.data);

  return (
    <View className='page book-service'>
      <StepSection
        step={1}
        title='选择爱车'
        open={vehicleOpen}
        summary={vehicle ? `${vehicleTitle(vehicle)} · ${vehicle.model.name}` : undefined}
        onChange={() => setReopened('vehicle')}
        testId='step-vehicle'
      >
        <ChoiceList choices={vehicles.data.map(vehicleChoice)} selectedKey={vehicle?.id ?? null} onSelect={chooseVehicle} testId='vehicle-choice' />
      </StepSection>

      <StepSection
        step={2}
        title='选择门店'
        open={storeOpen}
        summary={store && store.id === vehicle?.store?.id ? `${store.name}（爱车所属门店）` : store?.name}
        onChange={() => setReopened('store')}
        testId='step-store'
      >
        <StoreChoiceList stores={stores} selectedId={storeId} onSelect={chooseStore} />
      </StepSection>

      <StepSection
        step={3}
        title='服务类型'
        open={typeOpen}
        summary={serviceTypeText(serviceType)}
        onChange={() => setReopened('type')}
        testId='step-service-type'
      >
        <ChoiceList choices={SERVICE_TYPE_CHOICES} selectedKey={serviceType} onSelect={chooseServiceType} testId='service-type-choice' />
      </StepSection>

      {vehicle && (
        <StepSection step={4} title='服务项目' open testId='step-items'>
          <Text className='book-service__hint'>
            {serviceType === 'MAINTENANCE'
              ? '已按保养计划勾选到期项目，可增减；到店后顾问会再检查确认'
              : '选填：也可在下一步备注中描述车辆情况'}
          </Text>
          {itemsLoading ? (
            <SkeletonCards count={3} cardHeight={120} />
          ) : items.errorMessage ? (
            <ErrorState message={items.errorMessage} onRetry={() => void items.reload()} />
          ) : itemChoices.length ? (
            <CheckList items={itemChoices} checkedKeys={checkedIds} onToggle={toggleItem} testId='item-choice' />
          ) : (
            <Text className='book-service__empty'>该车型暂无可选项目，到店后由顾问检查确定</Text>
          )}
        </StepSection>
      )}

      {vehicle && store && (
        <StepSection step={5} title='到店时间' open testId='step-time'>
          <SlotPicker picker={picker} />
        </StepSection>
      )}

      {vehicle && store && (
        <SlotFooter slot={picker.selectedSlot} placeholder='请选择到店时段' testId='service-selection'>
          <ActionButton disabled={!picker.selectedSlot} onClick={goToConfirm} testId='service-next'>
            下一步：确认预约
          </ActionButton>
        </SlotFooter>
      )}
    </View>
  );
}
