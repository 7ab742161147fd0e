import { useMemo } from 'react';
import { Alert, App, Button, Divider, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { z } from 'zod';
import { finishDrive, finishDriveSchema, odometerSchema, type BookingDetail } from '../../api/test-drives';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { zodFieldRule } from '../../zod-form-rule';
import { defaultDueAt, NextFollowUpFields, nextFollowUpFormSchema } from '../leads/next-follow-up-fields';

interface FinishFormValues {
  odometerIn?: number | null;
  feedback?: string;
  dueAt?: Dayjs;
  purpose?: string;
}

/** The car comes back with at least the kilometres it left with. */
function finishFormSchema(odometerOut: number | null) {
  return z.object({
    odometerIn: odometerSchema.refine(
      (odometerIn) => odometerOut === null || odometerIn >= odometerOut,
      `还车里程不能小于出车里程（${odometerOut ?? 0} km）`,
    ),
    feedback: finishDriveSchema.shape.feedback,
  });
}

const FIELD_OF: Record<string, keyof FinishFormValues> = {
  odometerIn: 'odometerIn',
  feedback: 'feedback',
  nextFollowUp: 'dueAt',
  'nextFollowUp.dueAt': 'dueAt',
  'nextFollowUp.purpose': 'purpose',
};
const FIELD_OF_CODE: Record<string, keyof FinishFormValues> = {
  NEXT_FOLLOW_UP_REQUIRED: 'dueAt',
  ODOMETER_INVALID: 'odometerIn',
};

interface FinishDriveFormProps {
  booking: BookingDetail;
  onChanged: () => void;
}

/**
 * 结束试驾: the odometer back in, the customer's feedback and the next follow-up (required, as for
 * every stage change); the server records them on the lead, which moves to 已试驾.
 */
export function FinishDriveForm({ booking, onChanged }: FinishDriveFormProps) {
  const [form] = Form.useForm<FinishFormValues>();
  const { message } = App.useApp();
  const schema = useMemo(() => finishFormSchema(booking.odometerOut), [booking.odometerOut]);

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: FinishFormValues) => {
      const { odometerIn, feedback } = schema.parse(values);
      await finishDrive(booking.id, { odometerIn, feedback, nextFollowUp: nextFollowUpFormSchema.parse(values) });
      message.success(`${booking.contactName} 的试驾已结束，反馈已记入线索`);
      onChanged();
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (apiError) => {
        const field = FIELD_OF_CODE[apiError.code];
        if (field && apiError.details.length === 0) form.setFields([{ name: field, errors: [apiError.message] }]);
        if (apiError.code === 'BOOKING_NOT_STARTED' || apiError.code === 'BOOKING_NOT_ACTIVE') onChanged();
      },
    },
  );

  return (
    <Form<FinishFormValues> form={form} name="finish-drive" layout="vertical" data-testid="finish-drive-form" initialValues={{ dueAt: defaultDueAt() }} onFinish={onFinish}>
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="odometerIn"
        label="还车里程（km）"
        required
        extra={booking.odometerOut !== null ? `出车里程 ${booking.odometerOut.toLocaleString('zh-CN')} km` : undefined}
        rules={[zodFieldRule(schema, 'odometerIn')]}
      >
        <InputNumber
          min={0}
          precision={0}
          step={1}
          style={{ width: 200 }}
          placeholder="里程表读数"
          suffix="km"
          data-testid="finish-odometer"
        />
      </Form.Item>
      <Form.Item name="feedback" label="试驾反馈" required rules={[zodFieldRule(schema, 'feedback')]}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder="客户对动力、空间、舒适性的评价，关心的问题" data-testid="finish-feedback" />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        下次跟进（必填）
      </Divider>
      <NextFollowUpFields stage="TEST_DRIVEN" />
      <Button type="primary" htmlType="submit" loading={saving} data-testid="finish-submit">
        结束试驾
      </Button>
    </Form>
  );
}
