import { App, Col, Form, Input, Row, Select } from 'antd';
import type { ApiError } from '../../api/client';
import type { Store } from '../../api/org';
import { createCar, createCarSchema, type TestDriveCar } from '../../api/test-drives';
import type { VehicleModel } from '../../api/vehicles';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { normalizePlate } from 'server/contracts/plate.rules';
import { zodFieldRule } from '../../zod-form-rule';
import { modelOptions } from '../leads/lead-select-options';
import { storeOptions } from '../../components/org-select-options';

interface CarFormValues {
  storeId?: number;
  modelId?: number;
  plate?: string;
  vin?: string;
}

/** Where the server's field paths land on this form. */
const FIELD_OF: Record<string, keyof CarFormValues> = { storeId: 'storeId', modelId: 'modelId', plate: 'plate', vin: 'vin' };

interface CarCreateModalProps {
  stores: Store[];
  /** The store the page shows, preselected. */
  defaultStoreId: number | undefined;
  /** Store managers add cars to their own store only. */
  storeFixed: boolean;
  models: VehicleModel[];
  onClose: () => void;
  onCreated: (car: TestDriveCar) => void;
}

/** 新增试驾车: a car joins the store's fleet and its slots become bookable for its model. */
export function CarCreateModal({ stores, defaultStoreId, storeFixed, models, onClose, onCreated }: CarCreateModalProps) {
  const [form] = Form.useForm<CarFormValues>();
  const { message } = App.useApp();
  const rule = (field: keyof CarFormValues) => [zodFieldRule(createCarSchema, field)];

  function showCodeError(error: ApiError) {
    if (error.details.length > 0) return;
    if (error.code.includes('VIN')) form.setFields([{ name: 'vin', errors: [error.message] }]);
    if (error.code.includes('PLATE')) form.setFields([{ name: 'plate', errors: [error.message] }]);
    if (error.code === 'STORE_NOT_FOUND') form.setFields([{ name: 'storeId', errors: [error.message] }]);
    if (error.code === 'MODEL_NOT_FOUND') form.setFields([{ name: 'modelId', errors: [error.message] }]);
  }

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: CarFormValues) => {
      const car = await createCar(createCarSchema.parse(values));
      message.success(`已添加试驾车 ${car.plate}（${car.model.name}）`);
      onCreated(car);
    },
    { form, fieldOf: (path) => FIELD_OF[path], onError: showCodeError },
  );

  return (
    <ModalForm<CarFormValues>
      title="新增试驾车"
      okText="添加"
      width={600}
      submitTestId="car-form-submit"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="test-drive-car"
      formTestId="car-form"
      initialValues={{ storeId: defaultStoreId }}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="storeId" label="门店" required rules={rule('storeId')}>
            <Select
              placeholder="选择门店"
              showSearch={{ optionFilterProp: 'label' }}
              options={storeOptions(stores)}
              disabled={storeFixed}
              data-testid="car-form-store"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="modelId" label="车型" required rules={rule('modelId')}>
            <Select placeholder="选择车型" options={modelOptions(models)} data-testid="car-form-model" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="plate"
            label="车牌号"
            required
            extra="燃油车 7 位，新能源 8 位"
            rules={rule('plate')}
          >
            <Input
              placeholder="如 沪A12345 / 沪AD12345"
              maxLength={10}
              data-testid="car-form-plate"
              // Tidied on leaving the field, not per keystroke, so a Chinese input method is not disturbed.
              onBlur={(event) => form.setFieldValue('plate', normalizePlate(event.target.value))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="vin"
            label="车架号（VIN）"
            required
            normalize={(value?: string) => value?.toUpperCase()}
            extra="17 位，不含 I、O、Q，第 9 位为校验位"
            rules={rule('vin')}
          >
            <Input placeholder="17 位车架号" maxLength={17} style={{ fontFamily: 'monospace' }} data-testid="car-form-vin" />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
