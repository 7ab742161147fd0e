import { Image, Text, View } from '@tarojs/components';
import type { VehicleModel } from '../api/vehicle-models';
import carIcon from '../assets/tab-bar/my-cars.png';
import { ENERGY_TYPE_LABELS } from '../format/energy-type';
import { formatWanYuan } from 'server/contracts/money.rules';
import { ActionButton } from './action-button';
import './vehicle-model-card.scss';

interface VehicleModelCardProps {
  model: VehicleModel;
  onBookTestDrive: (model: VehicleModel) => void;
}

function lowestMsrpFen(model: VehicleModel): number | null {
  if (model.trims.length === 0) return null;
  return Math.min(...model.trims.map((trim) => trim.msrpFen));
}

export function VehicleModelCard({ model, onBookTestDrive }: VehicleModelCardProps) {
  const energyType = ENERGY_TYPE_LABELS[model.energyType];
  const startingPriceFen = lowestMsrpFen(model);
  return (
    <View className='vehicle-model-card' data-testid='vehicle-model-card'>
      {model.imageUrl ? (
        <Image className='vehicle-model-card__image' src={model.imageUrl} mode='aspectFill' lazyLoad />
      ) : (
        <View className='vehicle-model-card__image vehicle-model-card__placeholder'>
          <Image className='vehicle-model-card__placeholder-icon' src={carIcon} mode='aspectFit' />
          <Text className='vehicle-model-card__placeholder-brand'>{model.brand}</Text>
        </View>
      )}
      <View className='vehicle-model-card__body'>
        <View className='vehicle-model-card__heading'>
          <Text className='vehicle-model-card__name'>{model.name}</Text>
          <Text
            className={`vehicle-model-card__tag${energyType.isNewEnergy ? ' vehicle-model-card__tag--new-energy' : ''}`}
          >
            {energyType.text}
          </Text>
        </View>
        <Text className='vehicle-model-card__meta'>
          {model.brand} · {model.bodyType}
        </Text>
        {model.description && <Text className='vehicle-model-card__description'>{model.description}</Text>}
        <View className='vehicle-model-card__footer'>
          <View>
            <Text className='vehicle-model-card__price-label'>指导价 </Text>
            <Text className='vehicle-model-card__price'>
              {startingPriceFen === null ? '敬请期待' : `${formatWanYuan(startingPriceFen)} 起`}
            </Text>
          </View>
          <ActionButton size='small' onClick={() => onBookTestDrive(model)} testId='book-test-drive'>
            预约试驾
          </ActionButton>
        </View>
      </View>
    </View>
  );
}
