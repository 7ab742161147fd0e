import { useState } from 'react';
import { App, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { z } from 'zod';
import type { Store } from '../../api/org';
import { checkIn, checkInMileageSchema, checkInSchema, SERVICE_TYPE_LABELS, SERVICE_TYPES, type ServiceType, type WorkOrder } from '../../api/service';
import { MAX_KM, type VehicleSummary } from '../../api/vehicles';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatKm } from '../../mileage-format';
import { zodFieldRule } from '../../zod-form-rule';
import { VehicleSearchSelect } from '../service-calendar/vehicle-search-select';
import { storeOptions } from '../../components/org-select-options';

interface WalkInValues {
  vehicleId?: number;
  storeId?: number;
  serviceType?: ServiceType;
  mileage?: number | null;
  customerNote?: string;
}

const FIELD_OF: Record<string, keyof WalkInValues> = {
  vehicleId: 'vehicleId',
  storeId: 'storeId',
  serviceType: 'serviceType',
  mileage: 'mileage',
  km: 'mileage',
  customerNote: 'customerNote',
};

/** A walk-in names the car, the store and the service type; the odometer never reads below the last reading. */
function walkInSchema(lastKm: number | undefined) {
  return z.object({
    vehicleId: z.number({ error: '请选择车辆' }).int().positive('请选择车辆'),
    storeId: z.number({ error: '请选择门店' }).int().positive('请选择门店'),
    serviceType: z.enum(SERVICE_TYPES, { error: '请选择服务类型' }),
    mileage: checkInMileageSchema.refine(
      (km) => lastKm === undefined || km >= lastKm,
      `不能低于上次登记的 ${formatKm(lastKm ?? 0)}；如需更正请在车辆档案中登记`,
    ),
    customerNote: checkInSchema.shape.customerNote,
  });
}

interface WalkInModalProps {
  stores: Store[];
  defaultStoreId: number | undefined;
  storeFixed: boolean;
  onClose: () => void;
  onCheckedIn: (workOrder: WorkOrder) => void;
}

/** 散客接车: a car that came in without a booking gets its work order straight away. */
export function WalkInModal({ stores, defaultStoreId, storeFixed, onClose, onCheckedIn }: WalkInModalProps) {
  const [form] = Form.useForm<WalkInValues>();
  const { message } = App.useApp();
  const [vehicle, setVehicle] = useState<VehicleSummary>();
  const schema = walkInSchema(vehicle?.mileageKm);
  const rule = (field: keyof WalkInValues) => [zodFieldRule(schema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: WalkInValues) => {
      const workOrder = await checkIn(schema.parse(values));
      message.success(`已接车，工单 #${workOrder.id} 已开立`);
      onCheckedIn(workOrder);
    },
    { form, fieldOf: (path) => FIELD_OF[path] },
  );

  return (
    <ModalForm<WalkInValues>
      title="散客接车"
      okText="接车并开工单"
      width={620}
      submitTestId="walk-in-submit"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="walk-in"
      formTestId="walk-in-form"
      initialValues={{ storeId: defaultStoreId, serviceType: 'REPAIR' }}
      onFinish={onFinish}
    >
      <Form.Item name="vehicleId" label="车辆" required rules={rule('vehicleId')}>
        <VehicleSearchSelect onChange={(_, chosen) => setVehicle(chosen)} />
      </Form.Item>
      {vehicle && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          车主 {vehicle.owner.name ?? '—'} {vehicle.owner.mobile ?? ''} · 上次登记 {formatKm(vehicle.mileageKm)}
        </Typography.Paragraph>
      )}
      <Form.Item name="storeId" label="门店" required rules={rule('storeId')}>
        <Select placeholder="选择门店" showSearch={{ optionFilterProp: 'label' }} options={storeOptions(stores)} disabled={storeFixed} />
      </Form.Item>
      <Form.Item name="serviceType" label="服务类型" required rules={rule('serviceType')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={SERVICE_TYPES.map((type) => ({ value: type, label: SERVICE_TYPE_LABELS[type] }))} />
      </Form.Item>
      <Form.Item name="mileage" label="进厂里程（仪表读数）" required rules={rule('mileage')}>
        <InputNumber min={0} max={MAX_KM} precision={0} suffix="km" style={{ width: 240 }} placeholder="请读取仪表里程" />
      </Form.Item>
      <Form.Item name="customerNote" label="客户描述" rules={rule('customerNote')}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder="如 冷车启动异响、右前轮胎压报警" />
      </Form.Item>
    </ModalForm>
  );
}
