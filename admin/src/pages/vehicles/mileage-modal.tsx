import { Alert, App, Form, Input, InputNumber } from 'antd';
import { z } from 'zod';
import { MAX_KM, recordMileage, recordMileageSchema, type VehicleFile } from '../../api/vehicles';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatKm } from '../../mileage-format';
import { formatShanghaiTime } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';

interface MileageFormValues {
  km?: number | null;
  reason?: string;
}

/** A reading below the current one is a correction (a mistyped reading, a replaced odometer): it needs a reason. */
function mileageFormSchema(currentKm: number) {
  return z
    .object({ km: recordMileageSchema.shape.km, reason: z.string().max(255, '原因最多 255 个字符').optional() })
    .superRefine((reading, context) => {
      if (reading.km < currentKm && !reading.reason?.trim()) {
        context.addIssue({ code: 'custom', path: ['reason'], message: `低于当前里程 ${formatKm(currentKm)}，请填写更正原因` });
      }
    })
    .transform((reading) => ({ km: reading.km, reason: reading.reason?.trim() || null }));
}

const FIELD_OF: Record<string, keyof MileageFormValues> = { km: 'km', reason: 'reason' };

interface MileageModalProps {
  vehicle: VehicleFile;
  onClose: () => void;
  onSaved: (vehicle: VehicleFile) => void;
}

/** 登记里程: an odometer reading taken by staff; one below the last is recorded as a correction with its reason. */
export function MileageModal({ vehicle, onClose, onSaved }: MileageModalProps) {
  const [form] = Form.useForm<MileageFormValues>();
  const { message } = App.useApp();
  const schema = mileageFormSchema(vehicle.mileageKm);
  const km = Form.useWatch('km', form);
  const correcting = typeof km === 'number' && km < vehicle.mileageKm;

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: MileageFormValues) => {
      const saved = await recordMileage(vehicle.id, schema.parse(values));
      message.success(`已登记里程 ${formatKm(saved.mileageKm)}`);
      onSaved(saved);
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (error) => {
        if (error.code === 'MILEAGE_DECREASING') form.setFields([{ name: 'reason', errors: [error.message] }]);
      },
    },
  );

  return (
    <ModalForm<MileageFormValues>
      title="登记里程"
      okText="登记"
      submitTestId="mileage-submit"
      errorTestId="mileage-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="vehicle-mileage"
      formTestId="mileage-form"
      onFinish={onFinish}
    >
      <Form.Item
        name="km"
        label="里程表读数"
        required
        rules={[zodFieldRule(schema, 'km')]}
        extra={`当前 ${formatKm(vehicle.mileageKm)}（${formatShanghaiTime(vehicle.mileageReadAt)} 登记）`}
      >
        <InputNumber min={0} max={MAX_KM} precision={0} suffix="km" style={{ width: 220 }} placeholder="里程表读数" data-testid="mileage-km" />
      </Form.Item>
      {correcting && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="读数低于当前里程，将记为一次更正"
            description="例如之前录入有误或更换了仪表；保养到期的推算会以更正后的读数为准。"
          />
          <Form.Item name="reason" label="更正原因" required rules={[zodFieldRule(schema, 'reason')]}>
            <Input.TextArea rows={2} maxLength={255} showCount placeholder="如 上次录入多打一位 0" data-testid="mileage-reason" />
          </Form.Item>
        </>
      )}
    </ModalForm>
  );
}
