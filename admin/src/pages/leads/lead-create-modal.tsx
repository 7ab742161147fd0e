import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { z } from 'zod';
import { createLead, createLeadSchema, MANUAL_LEAD_SOURCES, type CreatedLead, type LeadSource } from '../../api/leads';
import type { Store } from '../../api/org';
import type { VehicleModel } from '../../api/vehicles';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { wanToFen } from '../../money-format';
import { zodFieldRule } from '../../zod-form-rule';
import { storeOptions } from '../../components/org-select-options';
import { modelOptions, sourceOptionsFor } from './lead-select-options';

interface LeadFormValues {
  name?: string;
  mobile?: string;
  source?: LeadSource;
  storeId?: number;
  intendedModelId?: number;
  budgetMinWan?: number | null;
  budgetMaxWan?: number | null;
  note?: string;
}

/** The largest budget the server accepts (100,000,000.00 yuan), in 万元. */
const MAX_BUDGET_WAN = 10_000;
const budgetWan = z.number().min(0, '预算不能为负').max(MAX_BUDGET_WAN, '预算过大').nullish();
const budgetFields = z.object({ budgetMinWan: budgetWan, budgetMaxWan: budgetWan });

/** The server's createLead rules on what the form holds: budget in 万元, optional fields possibly empty. */
const leadFormSchema = z
  .object({
    name: createLeadSchema.shape.name,
    mobile: createLeadSchema.shape.mobile,
    source: createLeadSchema.shape.source,
    storeId: createLeadSchema.shape.storeId,
    intendedModelId: createLeadSchema.shape.intendedModelId,
    budgetMinWan: budgetWan,
    budgetMaxWan: budgetWan,
    note: createLeadSchema.shape.note,
  })
  .refine((lead) => lead.budgetMinWan == null || lead.budgetMaxWan == null || lead.budgetMinWan <= lead.budgetMaxWan, {
    path: ['budgetMaxWan'],
    error: '预算上限不能低于下限',
    // Checked as soon as both budgets are valid, even while other fields are still empty.
    when: (payload) => budgetFields.safeParse(payload.value).success,
  })
  .transform((lead) => ({
    name: lead.name,
    mobile: lead.mobile,
    source: lead.source,
    storeId: lead.storeId,
    intendedModelId: lead.intendedModelId ?? null,
    budgetMin: lead.budgetMinWan == null ? null : wanToFen(lead.budgetMinWan),
    budgetMax: lead.budgetMaxWan == null ? null : wanToFen(lead.budgetMaxWan),
    note: lead.note || null,
  }));

/** Where the server's field paths land on this form. */
const FIELD_OF: Record<string, keyof LeadFormValues> = {
  name: 'name',
  mobile: 'mobile',
  source: 'source',
  storeId: 'storeId',
  intendedModelId: 'intendedModelId',
  budgetMin: 'budgetMinWan',
  budgetMax: 'budgetMaxWan',
  note: 'note',
};

interface LeadCreateModalProps {
  stores: Store[];
  /** The store a new lead goes to unless changed: the signed-in staff member's. */
  defaultStoreId: number | undefined;
  models: VehicleModel[];
  onClose: () => void;
  onCreated: (lead: CreatedLead) => void;
}

/** Keys in a lead from the hotline, a walk-in, an auto show…; rendered only while open. */
export function LeadCreateModal({ stores, defaultStoreId, models, onClose, onCreated }: LeadCreateModalProps) {
  const [form] = Form.useForm<LeadFormValues>();
  const { message } = App.useApp();
  const rule = (field: keyof LeadFormValues) => [zodFieldRule(leadFormSchema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: LeadFormValues) => {
      const lead = await createLead(leadFormSchema.parse(values));
      if ('leadId' in lead) message.info('该客户在本店已有同事跟进中的线索，已记录本次来访');
      else if (lead.joined) message.info('已合并到该客户的现有线索');
      else message.success(lead.assignedTo ? `已创建线索，分配给 ${lead.assignedTo.name}` : '已创建线索，等待分配');
      onCreated(lead);
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (error) => {
        if (error.code === 'STORE_NOT_FOUND') form.setFields([{ name: 'storeId', errors: [error.message] }]);
        if (error.code === 'MODEL_NOT_FOUND') form.setFields([{ name: 'intendedModelId', errors: [error.message] }]);
      },
    },
  );

  return (
    <ModalForm<LeadFormValues>
      title="新建线索"
      okText="创建"
      width={640}
      submitTestId="lead-form-submit"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      formTestId="lead-form"
      initialValues={{ storeId: defaultStoreId, source: 'HOTLINE' }}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label="客户姓名" required rules={rule('name')}>
            <Input placeholder="如 张先生" maxLength={64} data-testid="lead-form-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="mobile" label="手机号" required rules={rule('mobile')}>
            <Input placeholder="11 位手机号" maxLength={11} data-testid="lead-form-mobile" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="source" label="来源渠道" required rules={rule('source')}>
            <Select options={sourceOptionsFor(MANUAL_LEAD_SOURCES)} data-testid="lead-form-source" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="storeId" label="门店" required rules={rule('storeId')}>
            <Select
              placeholder="选择门店"
              showSearch={{ optionFilterProp: 'label' }}
              options={storeOptions(stores)}
              disabled={stores.length === 1 && stores[0].id === defaultStoreId}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="intendedModelId" label="意向车型" rules={rule('intendedModelId')}>
            <Select placeholder="选填" allowClear options={modelOptions(models)} data-testid="lead-form-model" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="预算（万元）" style={{ marginBottom: 0 }}>
            <Row gutter={8} wrap={false}>
              <Col flex={1}>
                <Form.Item name="budgetMinWan" rules={rule('budgetMinWan')}>
                  <InputNumber placeholder="最低" min={0} max={MAX_BUDGET_WAN} step={1} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col flex={1}>
                <Form.Item name="budgetMaxWan" dependencies={['budgetMinWan']} rules={rule('budgetMaxWan')}>
                  <InputNumber placeholder="最高" min={0} max={MAX_BUDGET_WAN} step={1} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label="备注" rules={rule('note')}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如 来电咨询七座车型，周末可到店" />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
