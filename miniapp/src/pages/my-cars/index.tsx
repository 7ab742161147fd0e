import { View } from '@tarojs/components';
import { EmptyState } from '../../components/page-states';
import carIcon from '../../assets/tab-bar/my-cars-active.png';

export default function MyCarsPage() {
  return (
    <View className='page'>
      <EmptyState
        testId='my-cars-coming-soon'
        iconSrc={carIcon}
        title='绑定爱车后可查看车辆档案'
        description='用车架号（VIN）和车牌号绑定爱车后，这里会展示车辆档案、保养记录和下次保养提醒。车辆绑定功能即将开放。'
      />
    </View>
  );
}
