import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, InputNumber, Popconfirm, Space, Tooltip } from 'antd';
import { toApiError, type ApiError } from '../../api/client';
import { markNoShow, startDrive, startDriveSchema, type BookingDetail } from '../../api/test-drives';
import { showServerFieldErrors } from '../../form-server-errors';
import { isPast } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';

interface StartFormValues {
  odometerOut?: number | null;
  licenceChecked?: boolean;
}

const FIELD_OF: Record<string, keyof StartFormValues> = { odometerOut: 'odometerOut', licenceChecked: 'licenceChecked' };

interface StartDriveFormProps {
  booking: BookingDetail;
  /** After the booking changed (started or marked a no-show), or was found changed by someone else. */
  onChanged: () => void;
}

/**
 * 开始试驾 (odometer reading and the driving licence checked, both required before the keys are handed
 * over) or 标记未到店 once the slot has begun without the customer.
 */
export function StartDriveForm({ booking, onChanged }: StartDriveFormProps) {
  const [form] = Form.useForm<StartFormValues>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'start' | 'noShow'>();
  const [actionError, setActionError] = useState<ApiError>();
  const slotBegun = isPast(booking.startAt);

  async function run(kind: 'start' | 'noShow', action: () => Promise<unknown>, success: string) {
    setBusy(kind);
    setActionError(undefined);
    try {
      await action();
      message.success(success);
      onChanged();
    } catch (error) {
      const apiError = toApiError(error);
      setActionError(apiError);
      showServerFieldErrors(form, apiError, (path) => FIELD_OF[path]);
      if (apiError.code === 'LICENCE_NOT_CHECKED') form.setFields([{ name: 'licenceChecked', errors: [apiError.message] }]);
      // Someone else started or closed it meanwhile: show the booking as it now is.
      if (apiError.code === 'BOOKING_NOT_ACTIVE') onChanged();
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Form<StartFormValues>
      form={form}
      name="start-drive"
      layout="vertical"
      data-testid="start-drive-form"
      initialValues={{ licenceChecked: false }}
      onFinish={(values) =>
        run('start', () => startDrive(booking.id, startDriveSchema.parse(values)), `${booking.contactName} 的试驾已开始`)
      }
    >
      {actionError && <Alert type="error" showIcon title={actionError.message} style={{ marginBottom: 16 }} />}
      <Form.Item name="odometerOut" label="出车里程（km）" required rules={[zodFieldRule(startDriveSchema, 'odometerOut')]}>
        <InputNumber min={0} precision={0} step={1} style={{ width: 200 }} placeholder="里程表读数" suffix="km" data-testid="start-odometer" />
      </Form.Item>
      <Form.Item name="licenceChecked" valuePropName="checked" rules={[zodFieldRule(startDriveSchema, 'licenceChecked')]}>
        <Checkbox data-testid="start-licence">已核验驾驶证（本人、在有效期内、准驾车型相符）</Checkbox>
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy === 'start'} disabled={busy === 'noShow'} data-testid="start-submit">
          开始试驾
        </Button>
        <Popconfirm
          title="标记为未到店？"
          description="客户未按时到店：预约关闭，车辆释放。"
          okText="标记未到店"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          disabled={!slotBegun}
          onConfirm={() => run('noShow', () => markNoShow(booking.id), `已将 ${booking.contactName} 标记为未到店`)}
        >
          <Tooltip title={slotBegun ? undefined : '试驾时段开始后才能标记未到店'}>
            <Button danger disabled={!slotBegun || busy === 'start'} loading={busy === 'noShow'} data-testid="no-show">
              标记未到店
            </Button>
          </Tooltip>
        </Popconfirm>
      </Space>
    </Form>
  );
}
