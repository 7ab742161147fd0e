import { Text, View } from '@tarojs/components';
import type { OwnerVehicle } from '../api/vehicles';
import { ENERGY_TYPE_LABELS } from '../format/energy-type';
import { formatCalendarDate, formatKm, insuranceStateOf, nextDueLinesOf, type NextDueLine } from '../format/vehicle';
import { ActionButton } from './action-button';
import { StatusTag } from './status-tag';
import './owner-vehicle-card.scss';

function NextDueText({ label, line, testId }: { label: string; line: NextDueLine; testId: string }) {
  return (
    <Text className={`owner-vehicle-card__value${line.overdue ? ' owner-vehicle-card__value--overdue' : ''}`} data-testid={testId}>
      {label}：{line.text}
      {line.overdue ? '（已到期）' : ''}
    </Text>
  );
}

interface OwnerVehicleCardProps {
  vehicle: OwnerVehicle;
  /** Today's Shanghai date, 'YYYY-MM-DD', for the insurance reminder. */
  today: string;
  onOpenFile: (vehicle: OwnerVehicle) => void;
  onBookService: (vehicle: OwnerVehicle) => void;
}

/** A bound car on 我的车: plate, model, mileage, what falls due next and when the insurance ends. */
export function OwnerVehicleCard({ vehicle, today, onOpenFile, onBookService }: OwnerVehicleCardProps) {
  const energyType = ENERGY_TYPE_LABELS[vehicle.model.energyType];
  const nextDue = nextDueLinesOf(vehicle.nextDue, today, vehicle.mileageKm);
  const insuranceState = insuranceStateOf(vehicle.insurance.expiresOn, today);
  return (
    <View className='owner-vehicle-card' data-testid='vehicle-card' data-vehicle-id={vehicle.id}>
      <View className='owner-vehicle-card__heading'>
        <Text
          className={`owner-vehicle-card__plate${energyType.isNewEnergy ? ' owner-vehicle-card__plate--new-energy' : ''}`}
          data-testid='vehicle-plate'
        >
          {vehicle.plate ?? '未登记车牌'}
        </Text>
        <Text className='owner-vehicle-card__energy'>{energyType.text}</Text>
      </View>
      <Text className='owner-vehicle-card__model'>
        {vehicle.model.name}
        {vehicle.colour ? ` · ${vehicle.colour}` : ''}
      </Text>

      <View className='owner-vehicle-card__facts'>
        <View className='owner-vehicle-card__fact'>
          <Text className='owner-vehicle-card__label'>当前里程</Text>
          <Text className='owner-vehicle-card__value' data-testid='vehicle-mileage'>
            {formatKm(vehicle.mileageKm)}
          </Text>
        </View>
        <View className='owner-vehicle-card__fact'>
          <Text className='owner-vehicle-card__label'>下次保养</Text>
          <View className='owner-vehicle-card__value-lines'>
            <NextDueText label='按日期' line={nextDue.byDate} testId='next-due-by-date' />
            <NextDueText label='按里程' line={nextDue.byMileage} testId='next-due-by-mileage' />
          </View>
        </View>
        <View className='owner-vehicle-card__fact'>
          <Text className='owner-vehicle-card__label'>保险到期</Text>
          <View className='owner-vehicle-card__value-row'>
            <Text className='owner-vehicle-card__value' data-testid='insurance-expiry'>
              {vehicle.insurance.expiresOn ? formatCalendarDate(vehicle.insurance.expiresOn) : '未登记'}
            </Text>
            {insuranceState && <StatusTag label={insuranceState} />}
          </View>
        </View>
      </View>

      <View className='owner-vehicle-card__actions'>
        <ActionButton variant='secondary' size='medium' onClick={() => onOpenFile(vehicle)} testId='open-vehicle-file'>
          查看档案
        </ActionButton>
        <ActionButton size='medium' onClick={() => onBookService(vehicle)} testId='book-service'>
          预约保养
        </ActionButton>
      </View>
    </View>
  );
}
