import { App, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { z } from 'zod';
import { MAX_KM, updateVehicle, updateVehicleSchema, type VehicleFile } from '../../api/vehicles';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { normalizePlate } from 'server/contracts/plate.rules';
import { zodFieldRule } from '../../zod-form-rule';
import { blankToNull, optionalCalendarDay, pickerDay } from './vehicle-date-fields';

/** Which part of the file is edited: the plate and colour (基本信息) or the cover (保险). */
export type VehicleEditSection = 'basics' | 'insurance';

interface VehicleEditValues {
  plate?: string;
  colour?: string;
  insuranceCompany?: string;
  insuranceExpiresOn?: Dayjs | null;
  warrantyEndsOn?: Dayjs | null;
  warrantyKm?: number | null;
}

const shape = updateVehicleSchema.shape;

const basicsSchema = z.object({
  plate: z.preprocess(blankToNull, shape.plate),
  colour: z.preprocess(blankToNull, shape.colour),
});
const insuranceSchema = z.object({
  insuranceCompany: z.preprocess(blankToNull, shape.insuranceCompany),
  insuranceExpiresOn: optionalCalendarDay,
  warrantyEndsOn: optionalCalendarDay,
  warrantyKm: shape.warrantyKm,
});

const FIELD_OF: Record<string, keyof VehicleEditValues> = {
  plate: 'plate',
  colour: 'colour',
  insuranceCompany: 'insuranceCompany',
  insuranceExpiresOn: 'insuranceExpiresOn',
  warrantyEndsOn: 'warrantyEndsOn',
  warrantyKm: 'warrantyKm',
};

interface VehicleEditModalProps {
  vehicle: VehicleFile;
  section: VehicleEditSection;
  onClose: () => void;
  onSaved: (vehicle: VehicleFile) => void;
}

/** Edits what staff may change on a file (PATCH): the plate and colour, or the insurance and warranty. */
export function VehicleEditModal({ vehicle, section, onClose, onSaved }: VehicleEditModalProps) {
  const [form] = Form.useForm<VehicleEditValues>();
  const { message } = App.useApp();
  const schema = section === 'basics' ? basicsSchema : insuranceSchema;
  const rule = (field: keyof VehicleEditValues) => [zodFieldRule(schema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: VehicleEditValues) => {
      const saved = await updateVehicle(vehicle.id, schema.parse(values));
      message.success(section === 'basics' ? '车辆信息已更新' : '保险与保修信息已更新');
      onSaved(saved);
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (error) => {
        if (error.code === 'PLATE_TAKEN') form.setFields([{ name: 'plate', errors: [error.message] }]);
      },
    },
  );

  return (
    <ModalForm<VehicleEditValues>
      title={section === 'basics' ? '编辑车辆信息' : '编辑保险与保修'}
      okText="保存"
      width={section === 'basics' ? 480 : 640}
      submitTestId="vehicle-edit-submit"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="vehicle-edit"
      formTestId="vehicle-edit-form"
      initialValues={{
        plate: vehicle.plate ?? undefined,
        colour: vehicle.colour ?? undefined,
        insuranceCompany: vehicle.insurance.company ?? undefined,
        insuranceExpiresOn: pickerDay(vehicle.insurance.expiresOn),
        warrantyEndsOn: pickerDay(vehicle.warranty.endsOn),
        warrantyKm: vehicle.warranty.km,
      }}
      onFinish={onFinish}
    >
      {section === 'basics' ? (
        <>
          <Form.Item name="plate" label="车牌号" extra="燃油车 7 位，新能源 8 位；清空表示未上牌" rules={rule('plate')}>
            <Input
              placeholder="如 沪A12345 / 沪AD12345"
              maxLength={10}
              data-testid="vehicle-edit-plate"
              onBlur={(event) => form.setFieldValue('plate', normalizePlate(event.target.value))}
            />
          </Form.Item>
          <Form.Item name="colour" label="颜色" rules={rule('colour')}>
            <Input maxLength={32} placeholder="如 星空灰" />
          </Form.Item>
        </>
      ) : (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="insuranceCompany" label="保险公司" rules={rule('insuranceCompany')}>
              <Input maxLength={64} placeholder="如 平安保险" data-testid="vehicle-edit-insurance-company" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="insuranceExpiresOn" label="保险到期日" rules={rule('insuranceExpiresOn')}>
              <DatePicker style={{ width: '100%' }} data-testid="vehicle-edit-insurance-expiry" />
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
      )}
    </ModalForm>
  );
}
