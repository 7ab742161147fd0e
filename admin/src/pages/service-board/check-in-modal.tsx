import { Alert, App, Descriptions, Form, InputNumber } from 'antd';
import { z } from 'zod';
import { checkIn, checkInMileageSchema, type WorkOrder } from '../../api/service';
import { MAX_KM } from '../../api/vehicles';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatKm } from '../../mileage-format';
import { zodFieldRule } from '../../zod-form-rule';

interface CheckInFormValues {
  mileage?: number | null;
}

/** What the advisor sees of the booking while reading the odometer. */
export interface CheckInBooking {
  id: number;
  /** e.g. 沪B12345 · 曙光 L 轿车 */
  car: string;
  customer: string;
  /** The last reading on file: the odometer cannot show less. */
  mileageKm: number;
  /** Where the readings so far put the car today. */
  projectedKm?: number;
}

/** The odometer never goes back: a lower reading is a typo, or a correction made on the vehicle file. */
function checkInFormSchema(lastKm: number) {
  return z.object({
    mileage: checkInMileageSchema.refine((km) => km >= lastKm, `不能低于上次登记的 ${formatKm(lastKm)}；如需更正请在车辆档案中登记`),
  });
}

interface CheckInModalProps {
  booking: CheckInBooking;
  onClose: () => void;
  onCheckedIn: (workOrder: WorkOrder) => void;
}

/** 到店接车: the car is at the desk; the odometer reading opens its work order with the booked items. */
export function CheckInModal({ booking, onClose, onCheckedIn }: CheckInModalProps) {
  const [form] = Form.useForm<CheckInFormValues>();
  const { message } = App.useApp();
  const schema = checkInFormSchema(booking.mileageKm);

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: CheckInFormValues) => {
      const { mileage } = schema.parse(values);
      const workOrder = await checkIn({ bookingId: booking.id, mileage });
      message.success(`已接车，工单 #${workOrder.id} 已开立`);
      onCheckedIn(workOrder);
    },
    {
      form,
      // The odometer check answers on `km`, the vehicle file's name for the reading.
      fieldOf: (path) => (path === 'mileage' || path === 'km' ? 'mileage' : undefined),
      onError: (error) => {
        if (error.code === 'MILEAGE_DECREASING') form.setFields([{ name: 'mileage', errors: [error.message] }]);
      },
    },
  );

  return (
    <FormModal
      title="到店接车"
      okText="接车并开工单"
      submitTestId="check-in-submit"
      errorTestId="check-in-error"
      saving={saving}
      saveError={saveError}
      onOk={form.submit}
      onCancel={onClose}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'car', label: '车辆', children: booking.car },
          { key: 'customer', label: '客户', children: booking.customer },
        ]}
      />
      <Form<CheckInFormValues> form={form} name="check-in" layout="vertical" data-testid="check-in-form" onFinish={onFinish}>
        <Form.Item
          name="mileage"
          label="进厂里程（仪表读数）"
          required
          rules={[zodFieldRule(schema, 'mileage')]}
          extra={`上次登记 ${formatKm(booking.mileageKm)}${booking.projectedKm === undefined ? '' : `，推算今日约 ${formatKm(booking.projectedKm)}`}`}
        >
          <InputNumber min={0} max={MAX_KM} precision={0} suffix="km" style={{ width: 240 }} placeholder="请读取仪表里程" autoFocus data-testid="check-in-mileage" />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title="接车后预约项目会带入工单，可在工单中增减项目。" />
    </FormModal>
  );
}
