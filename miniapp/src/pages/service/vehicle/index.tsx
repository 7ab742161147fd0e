import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../api/api-error';
import { reportMileage, type DueStatus, type MaintenanceDue, type OwnerVehicleFile, type ServiceRecord } from '../../../api/vehicles';
import { ActionButton } from '../../../components/action-button';
import { InfoRows } from '../../../components/info-rows';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { StatusTag } from '../../../components/status-tag';
import { ENERGY_TYPE_LABELS } from '../../../format/energy-type';
import { formatYuan } from 'server/contracts/money.rules';
import { serviceTypeText } from '../../../format/service';
import { shanghaiDateOf } from '../../../format/shanghai-time';
import { DUE_STATUS_LABELS, dueWhenOf, formatCalendarDate, formatKm, insuranceStateOf, lastDoneOf } from '../../../format/vehicle';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyVehicleFile } from '../../../hooks/use-my-vehicles';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import { mileageError } from './mileage-form';
import './index.scss';

const DUE_ORDER: Record<DueStatus, number> = { DUE: 0, DUE_SOON: 1, NOT_DUE: 2 };

/** What needs doing first comes first; the server's order stands within a status. */
const byUrgency = (a: MaintenanceDue, b: MaintenanceDue) => DUE_ORDER[a.status] - DUE_ORDER[b.status];

const calendarDateOf = (iso: string) => formatCalendarDate(shanghaiDateOf(new Date(iso)));

function ScheduleItem({ item }: { item: MaintenanceDue }) {
  const lastDone = lastDoneOf(item);
  return (
    <View className='vehicle-file__row' data-testid='schedule-item' data-status={item.status}>
      <View className='vehicle-file__row-heading'>
        <Text className='vehicle-file__row-title'>{item.name}</Text>
        <StatusTag label={DUE_STATUS_LABELS[item.status]} />
      </View>
      <Text className='vehicle-file__row-detail'>到期：{dueWhenOf(item)}</Text>
      {lastDone && <Text className='vehicle-file__row-muted'>{lastDone}</Text>}
    </View>
  );
}

function RecordItem({ record }: { record: ServiceRecord }) {
  return (
    <View className='vehicle-file__row' data-testid='service-record'>
      <View className='vehicle-file__row-heading'>
        <Text className='vehicle-file__row-title'>
          {calendarDateOf(record.servicedAt)} · {serviceTypeText(record.serviceType)}
        </Text>
        <Text className='vehicle-file__amount'>{formatYuan(record.totalFen)}</Text>
      </View>
      <Text className='vehicle-file__row-detail'>
        {record.store.name} · {formatKm(record.mileageKm)}
      </Text>
      {record.lines.length > 0 && (
        <Text className='vehicle-file__row-muted'>{record.lines.map((line) => line.name).join('、')}</Text>
      )}
    </View>
  );
}

function insuranceRows(vehicle: OwnerVehicleFile, today: string) {
  const { insurance, warranty } = vehicle;
  const insuranceState = insuranceStateOf(insurance.expiresOn, today);
  const insuranceEnd = insurance.expiresOn ? formatCalendarDate(insurance.expiresOn) : '未登记';
  const warrantyLimits = [warranty.endsOn ? `${formatCalendarDate(warranty.endsOn)}前` : null, warranty.km !== null ? `${formatKm(warranty.km)}内` : null];
  return [
    { label: '保险公司', value: insurance.company ?? '未登记' },
    { label: '保险到期', value: insuranceState ? `${insuranceEnd}（${insuranceState.text}）` : insuranceEnd, testId: 'file-insurance' },
    { label: '整车质保', value: warrantyLimits.filter(Boolean).join('，') || '未登记' },
    { label: '质保状态', value: warranty.active ? '在保' : '已过保', testId: 'file-warranty' },
  ];
}

export default function VehicleFilePage() {
  const vehicleId = Number(useRouter<{ id?: string }>().params.id) || null;
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const file = useMyVehicleFile(loggedIn ? vehicleId : null);
  const [mileageOpen, setMileageOpen] = useState(false);
  const [typedKm, setTypedKm] = useState('');
  const saving = useSingleFlight();
  const today = shanghaiDateOf(new Date());

  usePullDownReload(file.reload);

  const vehicle = file.data;
  if (!vehicle) {
    return (
      <View className='page'>
        {!loggedIn ? (
          <SignInState title='登录后查看车辆档案' onSignIn={() => requireLogin()} />
        ) : file.errorMessage ? (
          <ErrorState message={file.errorMessage} onRetry={() => void file.reload()} />
        ) : file.loading ? (
          <SkeletonCards count={3} cardHeight={260} />
        ) : (
          <EmptyState title='没有找到这辆车' description='请回到「我的车」重新选择' />
        )}
      </View>
    );
  }

  const submitMileage = () =>
    saving.run(async () => {
      const problem = mileageError(typedKm, vehicle.mileageKm);
      if (problem) {
        void Taro.showToast({ title: problem, icon: 'none', duration: 2500 });
        return;
      }
      try {
        await reportMileage(vehicle.id, Number(typedKm));
        void Taro.showToast({ title: '里程已更新', icon: 'success' });
        setMileageOpen(false);
        setTypedKm('');
        await file.reload();
      } catch (error) {
        void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 2500 });
      }
    });

  const bookService = () => void Taro.navigateTo({ url: `/pages/service/book/index?vehicleId=${vehicle.id}` });
  const { store } = vehicle;
  // Cancelling the dialler (or H5 without one) rejects; there is nothing to tell the owner.
  const callStore = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
  const energyType = ENERGY_TYPE_LABELS[vehicle.model.energyType];
  const schedule = [...vehicle.schedule.items].sort(byUrgency);
  const dueCount = schedule.filter((item) => item.status !== 'NOT_DUE').length;

  return (
    <View className='page vehicle-file' data-testid='vehicle-file'>
      <View className='vehicle-file__summary'>
        <View className='vehicle-file__summary-heading'>
          <Text className='vehicle-file__plate' data-testid='file-plate'>
            {vehicle.plate ?? '未登记车牌'}
          </Text>
          <Text className='vehicle-file__energy'>{energyType.text}</Text>
        </View>
        <Text className='vehicle-file__model'>
          {vehicle.model.name}
          {vehicle.colour ? ` · ${vehicle.colour}` : ''}
        </Text>
        <View className='vehicle-file__figures'>
          <View className='vehicle-file__figure'>
            <Text className='vehicle-file__figure-value' data-testid='file-mileage'>
              {formatKm(vehicle.mileageKm)}
            </Text>
            <Text className='vehicle-file__figure-label'>上次记录里程</Text>
          </View>
          <View className='vehicle-file__figure'>
            <Text className='vehicle-file__figure-value'>约 {formatKm(vehicle.schedule.projectedKm)}</Text>
            <Text className='vehicle-file__figure-label'>估算今日里程</Text>
          </View>
        </View>
        <InfoRows
          wideLabels
          rows={[
            { label: '车架号', value: vehicle.vin, testId: 'file-vin' },
            { label: '交车日期', value: calendarDateOf(vehicle.deliveredAt) },
          ]}
        />
        <View className='vehicle-file__actions'>
          <ActionButton variant='secondary' size='medium' onClick={() => setMileageOpen(!mileageOpen)} testId='report-mileage'>
            上报里程
          </ActionButton>
          <ActionButton size='medium' onClick={bookService} testId='file-book-service'>
            预约保养
          </ActionButton>
        </View>
        {mileageOpen && (
          <View className='vehicle-file__mileage' data-testid='mileage-form'>
            <View className='vehicle-file__mileage-field'>
              <Input
                className='vehicle-file__mileage-input'
                type='number'
                maxlength={7}
                placeholder='仪表盘显示的总里程'
                value={typedKm}
                onInput={(event) => setTypedKm(event.detail.value.trim())}
                data-testid='mileage-input'
              />
              <Text className='vehicle-file__mileage-unit'>公里</Text>
            </View>
            <ActionButton size='medium' busy={saving.busy} onClick={() => void submitMileage()} testId='mileage-submit'>
              提交
            </ActionButton>
          </View>
        )}
      </View>

      {store && (
        <View className='vehicle-file__store' data-testid='file-store'>
          <View className='vehicle-file__store-text'>
            <Text className='vehicle-file__store-label'>服务门店</Text>
            <Text className='vehicle-file__store-name' data-testid='file-store-name'>
              {store.name}
            </Text>
            <Text className='vehicle-file__store-phone'>{store.phone}</Text>
          </View>
          <ActionButton variant='secondary' size='medium' onClick={() => callStore(store.phone)} testId='call-home-store'>
            致电门店
          </ActionButton>
        </View>
      )}

      <View className='section-title'>
        <Text>保养计划</Text>
        <Text className='section-title__hint'>{dueCount > 0 ? `${dueCount} 项需要保养` : '按里程或时间，先到为准'}</Text>
      </View>
      <View className='vehicle-file__card' data-testid='maintenance-plan'>
        {schedule.length > 0 ? (
          schedule.map((item) => <ScheduleItem key={item.itemId} item={item} />)
        ) : (
          <Text className='vehicle-file__empty'>该车型暂无保养计划</Text>
        )}
      </View>

      <View className='section-title'>
        <Text>保养记录</Text>
        {vehicle.serviceRecords.length > 0 && <Text className='section-title__hint'>共 {vehicle.serviceRecords.length} 次</Text>}
      </View>
      <View className='vehicle-file__card' data-testid='service-records'>
        {vehicle.serviceRecords.length > 0 ? (
          vehicle.serviceRecords.map((record) => <RecordItem key={record.id} record={record} />)
        ) : (
          <Text className='vehicle-file__empty'>暂无保养记录，到店保养后会显示在这里</Text>
        )}
      </View>

      <View className='section-title'>
        <Text>保险与质保</Text>
      </View>
      <View className='vehicle-file__card vehicle-file__card--rows' data-testid='insurance-warranty'>
        <InfoRows wideLabels rows={insuranceRows(vehicle, today)} />
      </View>
    </View>
  );
}
