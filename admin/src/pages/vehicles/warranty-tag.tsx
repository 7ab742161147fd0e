import { Tag } from 'antd';
import type { VehicleFile } from '../../api/vehicles';

/** 保修期内, 已过保修期, or 保修未登记 when the file holds neither an end date nor a mileage limit. */
export function WarrantyTag({ warranty }: { warranty: VehicleFile['warranty'] }) {
  if (warranty.active) return <Tag color="green">保修期内</Tag>;
  if (warranty.endsOn === null && warranty.km === null) return <Tag>保修未登记</Tag>;
  return <Tag color="orange">已过保修期</Tag>;
}
