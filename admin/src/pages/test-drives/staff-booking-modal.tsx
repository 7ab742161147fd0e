import { useCallback, useState } from 'react';
import { Alert, App, Col, DatePicker, Descriptions, Form, Row, Select, Typography, type DescriptionsProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import type { LeadSummary, Named } from '../../api/leads';
import { createStaffBooking, listRoutes, staffBookingSchema, type Booking } from '../../api/test-drives';
import type { VehicleModel } from '../../api/vehicles';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatShanghaiClock, formatShanghaiDate, formatShanghaiShort, shanghaiToday } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';
import { modelOptions } from '../leads/lead-select-options';
import { LeadSearchSelect } from './lead-search-select';
import { SlotChoices } from './slot-choices';

/** A slot picked on the board: the car's model at that time (the server still chooses the car). */
export interface PickedSlot {
  plate: string;
  model: Named;
  startAt: string;
  endAt: string;
}

interface BookingFormValues {
  leadId?: number;
  modelId?: number;
  date?: Dayjs;
  startAt?: string;
  routeId?: number;
}

/** The booking as the form holds it; a value fixed by where the modal was opened from is merged in. */
const bookingFormSchema = z.object({
  leadId: staffBookingSchema.shape.leadId,
  modelId: staffBookingSchema.shape.modelId,
  startAt: staffBookingSchema.shape.startAt,
  routeId: staffBookingSchema.shape.routeId,
});
/** The day only narrows the slots shown; the slot's start is what is booked. */
const dayFormSchema = z.object({ date: z.custom<Dayjs>((value) => dayjs.isDayjs(value) && value.isValid(), { error: '请选择日期' }) });

/** Where the server's field paths land on this form. */
const FIELD_OF: Record<string, keyof BookingFormValues> = { leadId: 'leadId', modelId: 'modelId', startAt: 'startAt', routeId: 'routeId' };
const FIELD_OF_CODE: Record<string, keyof BookingFormValues> = {
  BEYOND_BOOKING_WINDOW: 'startAt',
  LEAD_CLOSED: 'leadId',
  LEAD_NOT_FOUND: 'leadId',
  MODEL_NOT_FOUND: 'modelId',
  OUTSIDE_OPENING_HOURS: 'startAt',
  ROUTE_NOT_FOUND: 'routeId',
  SLOT_FULL: 'startAt',
  SLOT_IN_PAST: 'startAt',
};

const disabledBeforeToday = (current: Dayjs) => current.isBefore(dayjs(shanghaiToday()), 'day');

interface StaffBookingModalProps {
  store: { id: number; name: string };
  /** From the lead's page: the lead is fixed; otherwise one of the store's open leads is searched for. */
  lead?: LeadSummary;
  /** From a free cell of the board: model and time are fixed; otherwise they are chosen here. */
  slot?: PickedSlot;
  /** The models to choose from when no slot is fixed. */
  models?: VehicleModel[];
  onClose: () => void;
  onBooked: (booking: Booking) => void;
}

/**
 * 代客预约: books a test drive for a customer who called or walked in. Opened from a free cell of the
 * board (lead to choose) or from a lead (model, day and slot to choose); rendered only while open.
 */
export function StaffBookingModal({ store, lead, slot, models = [], onClose, onBooked }: StaffBookingModalProps) {
  const [form] = Form.useForm<BookingFormValues>();
  const { message } = App.useApp();
  const modelId = Form.useWatch('modelId', form);
  const date = Form.useWatch('date', form);
  // Bumped when a booking fails for capacity or time, so the slots and their free counts reload.
  const [slotsVersion, setSlotsVersion] = useState(0);
  const fixedValues = { leadId: lead?.id, modelId: slot?.model.id, startAt: slot?.startAt };
  const loadRoutes = useCallback((signal: AbortSignal) => listRoutes(store.id, signal), [store.id]);
  // Routes are optional: a store without standard routes (or a failed load) books without one.
  const routes = useRemoteData(loadRoutes).data ?? [];
  const rule = (field: keyof z.infer<typeof bookingFormSchema>) => [zodFieldRule(bookingFormSchema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: BookingFormValues) => {
      const booking = await createStaffBooking(
        bookingFormSchema.parse({
          leadId: fixedValues.leadId ?? values.leadId,
          modelId: fixedValues.modelId ?? values.modelId,
          startAt: fixedValues.startAt ?? values.startAt,
          routeId: values.routeId ?? null,
        }),
      );
      message.success(`已为 ${booking.contactName} 预约 ${formatShanghaiShort(booking.startAt)} 试驾 ${booking.model.name}`);
      onBooked(booking);
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (apiError) => {
        const field = FIELD_OF_CODE[apiError.code];
        // A fixed value has no field to carry the message: the alert above the form says it.
        if (field === 'routeId' || (field && field !== 'date' && fixedValues[field] === undefined)) {
          form.setFields([{ name: field, errors: [apiError.message] }]);
        }
        if (field === 'startAt') setSlotsVersion((version) => version + 1);
      },
    },
  );

  const summary: NonNullable<DescriptionsProps['items']> = [{ key: 'store', label: '门店', children: store.name }];
  if (lead) summary.push({ key: 'lead', label: '客户', children: `${lead.name}（${lead.mobile}）` });
  if (slot) {
    summary.push(
      { key: 'model', label: '试驾车型', children: slot.model.name },
      {
        key: 'time',
        label: '试驾时段',
        children: `${formatShanghaiDate(slot.startAt)} ${formatShanghaiClock(slot.startAt)}–${formatShanghaiClock(slot.endAt)}`,
      },
    );
  }

  return (
    <ModalForm<BookingFormValues>
      title={lead ? `预约试驾：${lead.name}` : '代客预约试驾'}
      okText="确认预约"
      width={640}
      submitTestId="booking-submit"
      errorTestId="booking-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="staff-booking"
      formTestId="booking-form"
      initialValues={{ modelId: lead?.intendedModel?.id, date: dayjs(shanghaiToday()) }}
      onValuesChange={(changed: BookingFormValues) => {
        // Another model or day has other slots: the chosen one no longer applies.
        if ('modelId' in changed || 'date' in changed) form.setFieldValue('startAt', undefined);
      }}
      onFinish={onFinish}
      summary={
        <>
          <Descriptions size="small" column={2} items={summary} style={{ marginBottom: 16 }} data-testid="booking-summary" />
          {slot && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`从 ${slot.plate} 的空闲时段发起；同车型有多辆车时由系统分配空闲车辆。`}
            />
          )}
        </>
      }
    >
      {!lead && (
        <Form.Item name="leadId" label="客户（本店进行中的线索）" required rules={rule('leadId')}>
          <LeadSearchSelect storeId={store.id} />
        </Form.Item>
      )}
      {!slot && (
        <>
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item name="modelId" label="试驾车型" required rules={rule('modelId')}>
                <Select placeholder="选择车型" options={modelOptions(models)} data-testid="booking-model" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="date" label="日期" required rules={[zodFieldRule(dayFormSchema, 'date')]}>
                <DatePicker allowClear={false} disabledDate={disabledBeforeToday} style={{ width: '100%' }} data-testid="booking-date" />
              </Form.Item>
            </Col>
          </Row>
          {modelId && date ? (
            <Form.Item name="startAt" label="时段" required rules={rule('startAt')}>
              <SlotChoices key={slotsVersion} storeId={store.id} modelId={modelId} date={date.format('YYYY-MM-DD')} />
            </Form.Item>
          ) : (
            <Form.Item label="时段" required>
              <Typography.Text type="secondary">先选择车型和日期，再选时段</Typography.Text>
            </Form.Item>
          )}
        </>
      )}
      {routes.length > 0 && (
        <Form.Item name="routeId" label="试驾路线（选填）">
          <Select
            allowClear
            placeholder="门店默认路线"
            data-testid="booking-route"
            options={routes.map((route) => ({
              value: route.id,
              label: `${route.name}（约 ${route.lengthKm} 公里，${route.durationMinutes} 分钟）`,
            }))}
          />
        </Form.Item>
      )}
    </ModalForm>
  );
}
