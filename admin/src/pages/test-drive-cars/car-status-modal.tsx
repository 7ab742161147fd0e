import { useState } from 'react';
import { Alert, Descriptions, Form, Radio } from 'antd';
import { CAR_STATUS_LABELS, CAR_STATUSES, changeCarStatus, type CarStatus, type CarStatusChange, type TestDriveCar } from '../../api/test-drives';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { CarStatusTag } from '../test-drives/booking-status';

interface CarStatusModalProps {
  car: TestDriveCar;
  onClose: () => void;
  onChanged: (change: CarStatusChange) => void;
}

/** What the change means for the car's customers, said before it is made. */
function consequence(car: TestDriveCar, to: CarStatus): { type: 'info' | 'warning'; text: string } {
  if (to === 'AVAILABLE') return { type: 'info', text: '恢复可用后，该车的空闲时段即可预约。' };
  const after = to === 'IN_SERVICE' ? '维修期间该车不再接受预约。' : '退役后该车不再接受预约。';
  if (car.upcomingBookings === 0) return { type: 'info', text: `该车没有未来的预约。${after}` };
  return {
    type: 'warning',
    text:
      `该车还有 ${car.upcomingBookings} 个未来的预约。确认后，系统会把这些预约改派到同车型、同时段空闲的其他车辆；` +
      `无法改派的预约将被取消，并通知客户。${after}`,
  };
}

/** 更改状态: 可用 / 维修中 / 已退役, with what happens to the bookings ahead spelled out first. */
export function CarStatusModal({ car, onClose, onChanged }: CarStatusModalProps) {
  const options = CAR_STATUSES.filter((status) => status !== car.status);
  const [to, setTo] = useState<CarStatus>(options[0]);
  const { type, text } = consequence(car, to);
  const affectsBookings = to !== 'AVAILABLE' && car.upcomingBookings > 0;
  const { saving, saveError, onFinish } = useFormSubmit(async () => onChanged(await changeCarStatus(car.id, to)));

  return (
    <FormModal
      title={`更改状态：${car.plate}`}
      okText={affectsBookings ? '确认并处理预约' : '确认更改'}
      okButtonProps={{ danger: affectsBookings }}
      submitTestId="car-status-submit"
      saving={saving}
      saveError={saveError}
      onOk={onFinish}
      onCancel={onClose}
    >
      <Descriptions
        size="small"
        column={2}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'model', label: '车型', children: car.model.name },
          { key: 'status', label: '当前状态', children: <CarStatusTag status={car.status} /> },
        ]}
      />
      <Form layout="vertical">
        <Form.Item label="改为" required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={to}
            onChange={(event) => setTo(event.target.value as CarStatus)}
            options={options.map((status) => ({ value: status, label: CAR_STATUS_LABELS[status] }))}
            data-testid="car-status-target"
          />
        </Form.Item>
      </Form>
      <Alert type={type} showIcon title={text} data-testid="car-status-consequence" />
    </FormModal>
  );
}
