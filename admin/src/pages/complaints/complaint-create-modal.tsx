import { App, Form, Input, Select } from 'antd';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  createComplaint,
  createComplaintSchema,
  MAX_NOTE_LENGTH,
  type ComplaintCategory,
  type ComplaintDetail,
} from '../../api/feedback';
import type { Store } from '../../api/org';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { zodFieldRule } from '../../zod-form-rule';
import { VehicleSearchSelect } from '../service-calendar/vehicle-search-select';
import { storeOptions } from '../../components/org-select-options';

interface ComplaintFormValues {
  /** The car the complaint is about; its owner is the customer. */
  vehicleId?: number;
  customerId?: number;
  storeId?: number;
  category?: ComplaintCategory;
  content?: string;
}

const FIELD_OF: Record<string, keyof ComplaintFormValues> = { customerId: 'vehicleId', storeId: 'storeId', category: 'category', content: 'content' };

interface ComplaintCreateModalProps {
  stores: Store[];
  defaultStoreId?: number;
  /** A store role records complaints for its own store only. */
  storeFixed: boolean;
  onClose: () => void;
  onCreated: (complaint: ComplaintDetail) => void;
}

/** 登记投诉: a complaint taken on the phone or at the desk, for an owner found by car or mobile. */
export function ComplaintCreateModal({ stores, defaultStoreId, storeFixed, onClose, onCreated }: ComplaintCreateModalProps) {
  const [form] = Form.useForm<ComplaintFormValues>();
  const { message } = App.useApp();

  const { saving, saveError, onFinish } = useFormSubmit(
    async ({ customerId, storeId, category, content }: ComplaintFormValues) => {
      const created = await createComplaint(createComplaintSchema.parse({ customerId, storeId, category, content }));
      message.success(`已登记投诉工单 #${created.id}`);
      onCreated(created);
    },
    { form, fieldOf: (path) => FIELD_OF[path] },
  );

  return (
    <ModalForm<ComplaintFormValues>
      title="登记投诉"
      okText="登记"
      width={560}
      submitTestId="complaint-create-submit"
      errorTestId="complaint-create-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="complaint-create"
      formTestId="complaint-create-form"
      initialValues={{ storeId: defaultStoreId }}
      onFinish={onFinish}
    >
      <Form.Item name="customerId" hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name="vehicleId"
        label="客户车辆"
        required
        rules={[zodFieldRule(createComplaintSchema, 'customerId')]}
        extra="按车牌号、VIN 后 6 位或车主手机号查找，投诉记在车主名下"
      >
        <VehicleSearchSelect
          onChange={(_, vehicle) =>
            form.setFieldsValue({
              customerId: vehicle?.owner.id,
              // The car's own store is the likely one; a store role keeps its store.
              ...(vehicle?.store && !storeFixed ? { storeId: vehicle.store.id } : {}),
            })
          }
        />
      </Form.Item>
      <Form.Item name="storeId" label="涉及门店" required rules={[zodFieldRule(createComplaintSchema, 'storeId')]}>
        <Select
          disabled={storeFixed}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择门店"
          options={storeOptions(stores)}
          data-testid="complaint-create-store"
        />
      </Form.Item>
      <Form.Item name="category" label="投诉类型" required rules={[zodFieldRule(createComplaintSchema, 'category')]}>
        <Select
          placeholder="选择类型"
          options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: COMPLAINT_CATEGORY_LABELS[value] }))}
          data-testid="complaint-create-category"
        />
      </Form.Item>
      <Form.Item name="content" label="投诉内容" required rules={[zodFieldRule(createComplaintSchema, 'content')]}>
        <Input.TextArea rows={4} maxLength={MAX_NOTE_LENGTH} showCount placeholder="客户反映的问题，尽量记录原话" data-testid="complaint-create-content" />
      </Form.Item>
    </ModalForm>
  );
}
