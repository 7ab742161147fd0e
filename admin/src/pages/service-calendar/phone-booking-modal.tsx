import { useCallback, useState } from 'react';
import { App, Checkbox, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Radio, Row, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import {
  bookServiceSchema,
  createServiceBooking,
  listServiceItems,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  type ServiceBooking,
  type ServiceType,
} from '../../api/service';
import { fetchVehicle, type DueStatus, type VehicleSummary } from '../../api/vehicles';
import { ModalForm } from '../../components/form-modal';
import { DueStatusTag } from '../../components/service-tags';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatKm } from '../../mileage-format';
import { addCalendarDays, formatShanghaiShort, shanghaiToday } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';
import { ServiceSlotChoices } from './service-slot-choices';
import { VehicleSearchSelect } from './vehicle-search-select';

interface PhoneBookingValues {
  vehicleId?: number;
  serviceType?: ServiceType;
  date?: Dayjs;
  startAt?: string;
  itemIds?: number[];
  note?: string;
}

const bookingFormSchema = z.object({
  vehicleId: bookServiceSchema.shape.vehicleId,
  serviceType: bookServiceSchema.shape.serviceType,
  startAt: bookServiceSchema.shape.startAt,
  itemIds: bookServiceSchema.shape.itemIds,
  note: bookServiceSchema.shape.note,
});
/** The day only narrows the slots shown; the slot's start is what is booked. */
const dayFormSchema = z.object({ date: z.custom<Dayjs>((value) => dayjs.isDayjs(value) && value.isValid(), { error: '请选择日期' }) });

const FIELD_OF: Record<string, keyof PhoneBookingValues> = {
  vehicleId: 'vehicleId',
  serviceType: 'serviceType',
  startAt: 'startAt',
  itemIds: 'itemIds',
  note: 'note',
};
const FIELD_OF_CODE: Record<string, keyof PhoneBookingValues> = {
  BEYOND_BOOKING_WINDOW: 'startAt',
  ITEM_NOT_FOUND: 'itemIds',
  OUTSIDE_OPENING_HOURS: 'startAt',
  SLOT_FULL: 'startAt',
  SLOT_IN_PAST: 'startAt',
  VEHICLE_ALREADY_BOOKED: 'vehicleId',
  VEHICLE_NOT_FOUND: 'vehicleId',
};

const disabledBeforeToday = (current: Dayjs) => current.isBefore(dayjs(shanghaiToday()), 'day');

interface PhoneBookingModalProps {
  store: { id: number; name: string };
  /** The day the calendar was on, if later than today; tomorrow otherwise. */
  initialDate?: string;
  onClose: () => void;
  onBooked: (booking: ServiceBooking) => void;
}

/**
 * 电话预约: an owner calls to book a service. Find the car, pick the service type and items (for a
 * 保养 the items now due are ticked), the day and a slot with a free bay.
 */
export function PhoneBookingModal({ store, initialDate, onClose, onBooked }: PhoneBookingModalProps) {
  const [form] = Form.useForm<PhoneBookingValues>();
  const { message } = App.useApp();
  const date = Form.useWatch('date', form);
  const [vehicle, setVehicle] = useState<VehicleSummary>();
  // Where each schedule item of the chosen car stands, to tick and tag the items due.
  const [due, setDue] = useState<Map<number, DueStatus>>(new Map());
  // Bumped when a booking fails for capacity or time, so the slots and their free counts reload.
  const [slotsVersion, setSlotsVersion] = useState(0);
  const rule = (field: keyof z.infer<typeof bookingFormSchema>) => [zodFieldRule(bookingFormSchema, field)];

  const modelId = vehicle?.model.id;
  const loadItems = useCallback((signal: AbortSignal) => (modelId ? listServiceItems(modelId, signal) : Promise.resolve([])), [modelId]);
  const items = useRemoteData(loadItems);

  async function chooseVehicle(vehicleId: number | undefined, chosen: VehicleSummary | undefined) {
    setVehicle(chosen);
    setDue(new Map());
    form.setFieldValue('itemIds', []);
    if (!vehicleId) return;
    try {
      const file = await fetchVehicle(vehicleId);
      if (form.getFieldValue('vehicleId') !== vehicleId) return;
      setDue(new Map(file.schedule.items.map((item) => [item.itemId, item.status])));
      if (form.getFieldValue('serviceType') === 'MAINTENANCE') {
        form.setFieldValue(
          'itemIds',
          file.schedule.items.filter((item) => item.status !== 'NOT_DUE').map((item) => item.itemId),
        );
      }
    } catch {
      // The due items are a convenience: without them the advisor ticks the items by hand.
    }
  }

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: PhoneBookingValues) => {
      const booking = await createServiceBooking({ ...bookingFormSchema.parse(values), storeId: store.id });
      message.success(`已为 ${booking.contactName} 预约 ${formatShanghaiShort(booking.startAt)} ${SERVICE_TYPE_LABELS[booking.serviceType]}`);
      onBooked(booking);
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (apiError) => {
        const field = FIELD_OF_CODE[apiError.code];
        if (field) form.setFields([{ name: field, errors: [apiError.message] }]);
        if (field === 'startAt') setSlotsVersion((version) => version + 1);
      },
    },
  );

  const startDay = initialDate && initialDate > shanghaiToday() ? initialDate : addCalendarDays(shanghaiToday(), 1);

  return (
    <ModalForm<PhoneBookingValues>
      title="电话预约"
      okText="确认预约"
      width={720}
      submitTestId="phone-booking-submit"
      errorTestId="phone-booking-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="phone-booking"
      formTestId="phone-booking-form"
      initialValues={{ serviceType: 'MAINTENANCE', date: dayjs(startDay), itemIds: [] }}
      onValuesChange={(changed: PhoneBookingValues) => {
        // Another day has other slots: the chosen one no longer applies.
        if ('date' in changed) form.setFieldValue('startAt', undefined);
      }}
      onFinish={onFinish}
      summary={
        <Descriptions size="small" column={2} items={[{ key: 'store', label: '门店', children: store.name }]} style={{ marginBottom: 8 }} />
      }
    >
      <Form.Item name="vehicleId" label="车辆" required rules={rule('vehicleId')}>
        <VehicleSearchSelect onChange={(vehicleId, chosen) => void chooseVehicle(vehicleId, chosen)} />
      </Form.Item>
      {vehicle && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }} data-testid="phone-booking-vehicle">
          车主 {vehicle.owner.name ?? '—'} {vehicle.owner.mobile ?? ''} · 当前里程 {formatKm(vehicle.mileageKm)}
        </Typography.Paragraph>
      )}
      <Form.Item name="serviceType" label="服务类型" required rules={rule('serviceType')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="phone-booking-type"
          options={SERVICE_TYPES.map((type) => ({ value: type, label: SERVICE_TYPE_LABELS[type] }))}
        />
      </Form.Item>
      {vehicle && items.data && items.data.length > 0 ? (
        <Form.Item
          name="itemIds"
          label="服务项目"
          rules={rule('itemIds')}
          extra={[...due.values()].some((status) => status !== 'NOT_DUE') ? '已到期和即将到期的保养项目已勾选，可按客户需要调整' : undefined}
        >
          <Checkbox.Group style={{ width: '100%' }} data-testid="phone-booking-items">
            <Row gutter={[8, 8]}>
              {items.data.map((item) => {
                const status = due.get(item.id);
                return (
                  <Col key={item.id} span={12}>
                    <Checkbox value={item.id}>
                      <Flex gap={6} align="center">
                        {item.name}
                        {status && status !== 'NOT_DUE' && <DueStatusTag status={status} />}
                      </Flex>
                    </Checkbox>
                  </Col>
                );
              })}
            </Row>
          </Checkbox.Group>
        </Form.Item>
      ) : (
        <Form.Item label="服务项目">
          {!vehicle ? (
            <Typography.Text type="secondary">先选择车辆，再选该车型的项目</Typography.Text>
          ) : items.error ? (
            <Typography.Text type="danger">项目加载失败：{items.error.message}</Typography.Text>
          ) : items.loading ? (
            <Skeleton.Input active block />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该车型没有可选项目" />
          )}
        </Form.Item>
      )}
      <Form.Item name="date" label="日期" required rules={[zodFieldRule(dayFormSchema, 'date')]}>
        <DatePicker allowClear={false} disabledDate={disabledBeforeToday} style={{ width: 200 }} data-testid="phone-booking-date" />
      </Form.Item>
      {date ? (
        <Form.Item name="startAt" label="到店时段" required rules={rule('startAt')}>
          <ServiceSlotChoices key={slotsVersion} storeId={store.id} date={date.format('YYYY-MM-DD')} />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label="备注" rules={rule('note')}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder="客户描述的问题、希望的取车时间等" />
      </Form.Item>
    </ModalForm>
  );
}
