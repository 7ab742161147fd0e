import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import type { ApiError } from '../../api/client';
import type { Store } from '../../api/org';
import { createVehicle, createVehicleSchema, MAX_KM, type VehicleFile, type VehicleModel } from '../../api/vehicles';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { yuanToFen } from '../../money-format';
import { normalizePlate } from 'server/contracts/plate.rules';
import { shanghaiToday } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';
import { modelOptions } from '../leads/lead-select-options';
import { storeOptions } from '../../components/org-select-options';
import { blankToNull, optionalCalendarDay } from './vehicle-date-fields';

interface VehicleFormValues {
  vin?: string;
  plate?: string;
  modelId?: number;
  trimId?: number;
  colour?: string;
  options?: string[];
  ownerName?: string;
  ownerMobile?: string;
  storeId?: number;
  deliveredAt?: Dayjs;
  mileage?: number | null;
  priceYuan?: number | null;
  financePlan?: string;
  insuranceCompany?: string;
  insuranceExpiresOn?: Dayjs | null;
  warrantyEndsOn?: Dayjs | null;
  warrantyKm?: number | null;
}

/** The largest price the form takes (100,000,000.00 yuan). */
const MAX_YUAN = 100_000_000;
const shape = createVehicleSchema.shape;

/** The server's rules on what the form holds: dates as picker values, the price in yuan, blanks as "not given". */
const vehicleFormSchema = z
  .object({
    vin: shape.vin,
    plate: z.preprocess(blankToNull, shape.plate),
    modelId: shape.modelId,
    trimId: shape.trimId,
    colour: z.preprocess(blankToNull, shape.colour),
    options: shape.options,
    ownerName: shape.ownerName,
    ownerMobile: shape.ownerMobile,
    storeId: z.number({ error: '请选择门店' }).int().positive('请选择门店'),
    deliveredAt: optionalCalendarDay,
    mileage: shape.mileage,
    priceYuan: z.number().min(0, '金额不能为负').max(MAX_YUAN, '金额过大').nullish(),
    financePlan: z.preprocess(blankToNull, shape.financePlan),
    insuranceCompany: z.preprocess(blankToNull, shape.insuranceCompany),
    insuranceExpiresOn: optionalCalendarDay,
    warrantyEndsOn: optionalCalendarDay,
    warrantyKm: shape.warrantyKm,
  })
  .transform(({ priceYuan, deliveredAt, ...vehicle }) => ({
    ...vehicle,
    deliveredAt: deliveredAt ?? undefined,
    priceFen: priceYuan == null ? null : yuanToFen(priceYuan),
  }));

/** Where the server's field paths land on this form. */
const FIELD_OF: Record<string, keyof VehicleFormValues> = {
  vin: 'vin',
  plate: 'plate',
  modelId: 'modelId',
  trimId: 'trimId',
  colour: 'colour',
  options: 'options',
  ownerName: 'ownerName',
  ownerMobile: 'ownerMobile',
  storeId: 'storeId',
  deliveredAt: 'deliveredAt',
  mileage: 'mileage',
  priceFen: 'priceYuan',
  financePlan: 'financePlan',
  insuranceCompany: 'insuranceCompany',
  insuranceExpiresOn: 'insuranceExpiresOn',
  warrantyEndsOn: 'warrantyEndsOn',
  warrantyKm: 'warrantyKm',
};
const FIELD_OF_CODE: Record<string, keyof VehicleFormValues> = {
  MODEL_NOT_FOUND: 'modelId',
  PLATE_TAKEN: 'plate',
  STORE_NOT_FOUND: 'storeId',
  STORE_REQUIRED: 'storeId',
  TRIM_NOT_FOUND: 'trimId',
  VEHICLE_EXISTS: 'vin',
};

const disabledAfterToday = (current: Dayjs) => current.isAfter(dayjs(shanghaiToday()), 'day');

interface VehicleCreateModalProps {
  stores: Store[];
  /** The store the car belongs to unless changed: the signed-in staff member's. */
  defaultStoreId: number | undefined;
  /** Store staff file cars for their own store only. */
  storeFixed: boolean;
  models: VehicleModel[];
  onClose: () => void;
  onCreated: (vehicle: VehicleFile) => void;
}

/** 新建车辆: files a car the dealership services (sold here or elsewhere) with its owner. */
export function VehicleCreateModal({ stores, defaultStoreId, storeFixed, models, onClose, onCreated }: VehicleCreateModalProps) {
  const [form] = Form.useForm<VehicleFormValues>();
  const { message } = App.useApp();
  const modelId = Form.useWatch('modelId', form);
  const trims = models.find((model) => model.id === modelId)?.trims ?? [];
  const rule = (field: keyof VehicleFormValues) => [zodFieldRule(vehicleFormSchema, field)];

  function showCodeError(error: ApiError) {
    const field = FIELD_OF_CODE[error.code];
    if (field && error.details.length === 0) form.setFields([{ name: field, errors: [error.message] }]);
  }

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: VehicleFormValues) => {
      const vehicle = await createVehicle(vehicleFormSchema.parse(values));
      message.success(`已为 ${vehicle.plate ?? vehicle.vin}（${vehicle.model.name}）建档`);
      onCreated(vehicle);
    },
    { form, fieldOf: (path) => FIELD_OF[path], onError: showCodeError },
  );

  return (
    <ModalForm<VehicleFormValues>
      title="新建车辆档案"
      okText="建档"
      width={760}
      submitTestId="vehicle-form-submit"
      errorTestId="vehicle-form-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="vehicle-create"
      formTestId="vehicle-form"
      initialValues={{ storeId: defaultStoreId, deliveredAt: dayjs(shanghaiToday()), mileage: 0 }}
      onValuesChange={(changed: VehicleFormValues) => {
        // Trims belong to a model: another model clears the trim picked for the last one.
        if ('modelId' in changed) form.setFieldValue('trimId', undefined);
      }}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="vin"
            label="车架号（VIN）"
            required
            normalize={(value?: string) => value?.toUpperCase()}
            extra="17 位，不含 I、O、Q，第 9 位为校验位"
            rules={rule('vin')}
          >
            <Input placeholder="17 位车架号" maxLength={17} style={{ fontFamily: 'monospace' }} data-testid="vehicle-form-vin" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="plate" label="车牌号" extra="未上牌可不填；燃油车 7 位，新能源 8 位" rules={rule('plate')}>
            <Input
              placeholder="如 沪A12345 / 沪AD12345"
              maxLength={10}
              data-testid="vehicle-form-plate"
              // Tidied on leaving the field, not per keystroke, so a Chinese input method is not disturbed.
              onBlur={(event) => form.setFieldValue('plate', normalizePlate(event.target.value))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="modelId" label="车型" required rules={rule('modelId')}>
            <Select placeholder="选择车型" options={modelOptions(models)} data-testid="vehicle-form-model" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="trimId" label="版本" rules={rule('trimId')}>
            <Select
              allowClear
              placeholder={modelId ? '选择版本（选填）' : '先选择车型'}
              disabled={!modelId}
              options={trims.map((trim) => ({ value: trim.id, label: trim.name }))}
              data-testid="vehicle-form-trim"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="colour" label="颜色" rules={rule('colour')}>
            <Input placeholder="如 星空灰" maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="options" label="选装" rules={rule('options')}>
            <Select mode="tags" placeholder="输入后回车，如 全景天窗" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerName" label="车主姓名" required rules={rule('ownerName')}>
            <Input placeholder="车主姓名" maxLength={64} data-testid="vehicle-form-owner-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerMobile" label="车主手机号" required rules={rule('ownerMobile')} extra="车主用此手机号在小程序绑定车辆">
            <Input placeholder="11 位手机号" maxLength={11} data-testid="vehicle-form-owner-mobile" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="storeId" label="所属门店" required rules={rule('storeId')}>
            <Select
              placeholder="选择门店"
              showSearch={{ optionFilterProp: 'label' }}
              options={storeOptions(stores)}
              disabled={storeFixed}
              data-testid="vehicle-form-store"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="deliveredAt" label="交车日期" rules={rule('deliveredAt')}>
            <DatePicker allowClear={false} disabledDate={disabledAfterToday} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="mileage" label="当前里程" rules={rule('mileage')}>
            <InputNumber min={0} max={MAX_KM} precision={0} suffix="km" style={{ width: '100%' }} data-testid="vehicle-form-mileage" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        购车与保险（选填）
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="priceYuan" label="购车价（元）" rules={rule('priceYuan')}>
            <InputNumber min={0} max={MAX_YUAN} precision={2} step={1000} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="financePlan" label="金融方案" rules={rule('financePlan')}>
            <Input placeholder="如 全款 / 3 年 0 息贷款" maxLength={255} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="insuranceCompany" label="保险公司" rules={rule('insuranceCompany')}>
            <Input placeholder="如 平安保险" maxLength={64} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="insuranceExpiresOn" label="保险到期日" rules={rule('insuranceExpiresOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="warrantyEndsOn" label="保修截止日期" rules={rule('warrantyEndsOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="warrantyKm" label="保修里程上限" rules={rule('warrantyKm')}>
            <InputNumber min={0} max={MAX_KM} precision={0} step={10000} suffix="km" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
