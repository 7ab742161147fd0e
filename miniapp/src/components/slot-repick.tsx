import { View } from '@tarojs/components';
import type { SlotPicker as SlotPickerState } from '../hooks/use-slot-picker';
import { NoticeBar } from './notice-bar';
import { SlotPicker } from './slot-picker';
import './slot-repick.scss';

/** On a confirm screen after the server refused the slot: why, over the same store's slots to pick again from. */
export function SlotRepick({ rejection, picker }: { rejection: string; picker: SlotPickerState }) {
  return (
    <View className='slot-repick' data-testid='slot-rejected'>
      <NoticeBar>{rejection}</NoticeBar>
      <SlotPicker picker={picker} />
    </View>
  );
}
