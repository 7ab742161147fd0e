import { useMemo } from 'react';
import { Alert, App, AutoComplete, Checkbox, Col, Descriptions, Divider, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { z } from 'zod';
import {
  changeLeadStage,
  APPROVAL_STATUS_LABELS,
  changeStageSchema,
  isQuoteUsable,
  LEAD_STAGE_LABELS,
  LOST_REASONS,
  needsSchema,
  nextStagesFrom,
  requiresNextFollowUp,
  type ChangeStageInput,
  type LeadDetail,
  type LeadStage,
  type LostReason,
  type Quote,
} from '../../api/leads';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatBudget, formatFen, yuanToFen } from '../../money-format';
import { vinProblem } from 'server/contracts/vin.rules';
import { zodFieldRule } from '../../zod-form-rule';
import { LOST_REASON_OPTIONS } from './lead-select-options';
import { defaultDueAt, NextFollowUpFields, nextFollowUpFormSchema } from './next-follow-up-fields';
import { quoteTitle } from './quote-display';

interface StageFormValues {
  stage?: LeadStage;
  dueAt?: Dayjs;
  purpose?: string;
  budget?: string;
  use?: string;
  concerns?: string;
  testDriveFeedback?: string;
  quoteId?: number;
  financePlan?: string;
  depositYuan?: number | null;
  vin?: string;
  pdiDone?: boolean;
  insuranceDone?: boolean;
  temporaryPlateDone?: boolean;
  handoverDone?: boolean;
  lostReason?: LostReason;
  lostNote?: string;
}

// Each target stage asks for its own data (server/src/modules/leads/lead-stages.rules.ts); each group
// of fields is checked by its own schema and shown only for the stage that needs it.

const needsFormSchema = z
  .object(needsSchema.shape)
  .refine((needs) => Object.values(needs).some((value) => value?.trim()), {
    path: ['budget'],
    error: '已联系需记录客户需求：预算、用途或顾虑至少填一项',
  });

const feedbackFormSchema = z.object({
  testDriveFeedback: z
    .string({ error: '请填写试驾反馈' })
    .trim()
    .min(1, '请填写试驾反馈')
    .max(1000, '试驾反馈最多 1000 个字符'),
});

/** The largest deposit the server accepts (100,000,000.00 yuan). */
const MAX_DEPOSIT_YUAN = 100_000_000;

function orderFormSchema(quotes: Quote[]) {
  return z.object({
    quoteId: z
      .number({ error: '请选择报价' })
      .refine((quoteId) => quotes.some((quote) => quote.id === quoteId && isQuoteUsable(quote)), '该报价的折扣尚未获批，不能据此下订'),
    financePlan: z.string().trim().max(255, '金融方案最多 255 个字符').optional(),
    depositYuan: z.number({ error: '请填写定金' }).min(0, '定金不能为负').max(MAX_DEPOSIT_YUAN, '定金过大'),
  });
}

const checked = (error: string) => z.literal(true, { error });

const deliveryFormSchema = z.object({
  vin: z
    .string({ error: '请输入车架号（VIN）' })
    .trim()
    .toUpperCase()
    .min(1, '请输入车架号（VIN）')
    .superRefine((vin, context) => {
      const problem = vinProblem(vin);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  pdiDone: checked('交车前须完成 PDI 检查'),
  insuranceDone: checked('交车前须办妥保险'),
  temporaryPlateDone: checked('交车前须办妥临牌'),
  handoverDone: checked('交车前须完成车辆交接'),
});

const lostFormSchema = z.object({
  lostReason: z.enum(LOST_REASONS, { error: '请选择战败原因' }),
  lostNote: z.string().trim().max(1000, '说明最多 1000 个字符').optional(),
});

const FINANCE_PLANS = ['全款', '银行贷款', '厂家金融（低息）', '厂家金融 0 息 24 期', '融资租赁'].map((value) => ({ value }));

const DELIVERY_CHECKLIST: { name: 'pdiDone' | 'insuranceDone' | 'temporaryPlateDone' | 'handoverDone'; label: string }[] = [
  { name: 'pdiDone', label: 'PDI 检查已完成' },
  { name: 'insuranceDone', label: '保险已办妥' },
  { name: 'temporaryPlateDone', label: '临牌已办妥' },
  { name: 'handoverDone', label: '车辆与资料已交接' },
];

/** Where the server's field paths (and path-less codes) land on this form. */
const FIELD_OF: Record<string, keyof StageFormValues> = {
  stage: 'stage',
  nextFollowUp: 'dueAt',
  'nextFollowUp.dueAt': 'dueAt',
  'nextFollowUp.purpose': 'purpose',
  needs: 'budget',
  'needs.budget': 'budget',
  'needs.use': 'use',
  'needs.concerns': 'concerns',
  testDriveFeedback: 'testDriveFeedback',
  order: 'quoteId',
  'order.quoteId': 'quoteId',
  'order.financePlan': 'financePlan',
  'order.depositFen': 'depositYuan',
  delivery: 'vin',
  'delivery.vin': 'vin',
  lostReason: 'lostReason',
  lostNote: 'lostNote',
};
const FIELD_OF_CODE: Record<string, keyof StageFormValues> = {
  NEXT_FOLLOW_UP_REQUIRED: 'dueAt',
  QUOTE_NOT_APPROVED: 'quoteId',
  DELIVERY_CHECKLIST_INCOMPLETE: 'pdiDone',
};

/** The request for a move to `stage`, from the form's values (already validated by the rules above). */
function toChangeStageInput(stage: LeadStage, values: StageFormValues, quotes: Quote[]): ChangeStageInput {
  const input: ChangeStageInput = { stage };
  if (requiresNextFollowUp(stage)) input.nextFollowUp = nextFollowUpFormSchema.parse(values);
  if (stage === 'CONTACTED') {
    const needs = needsFormSchema.parse(values);
    input.needs = Object.fromEntries(Object.entries(needs).filter(([, value]) => value)) as ChangeStageInput['needs'];
  }
  if (stage === 'TEST_DRIVEN') input.testDriveFeedback = feedbackFormSchema.parse(values).testDriveFeedback;
  if (stage === 'ORDERED') {
    const order = orderFormSchema(quotes).parse(values);
    input.order = { quoteId: order.quoteId, financePlan: order.financePlan || null, depositFen: yuanToFen(order.depositYuan) };
  }
  if (stage === 'DELIVERED') input.delivery = deliveryFormSchema.parse(values);
  if (stage === 'LOST') {
    const lost = lostFormSchema.parse(values);
    input.lostReason = lost.lostReason;
    input.lostNote = lost.lostNote || null;
  }
  return changeStageSchema.parse(input);
}

function successMessage(from: LeadStage, to: LeadStage): string {
  if (to === 'LOST') return '已标记为战败';
  if (from === 'LOST') return `已重新激活，阶段：${LEAD_STAGE_LABELS[to]}`;
  if (to === 'DELIVERED') return '已交车，客户已成为车主';
  return `已推进到「${LEAD_STAGE_LABELS[to]}」`;
}

interface StageChangeModalProps {
  lead: LeadDetail;
  /** The stage to preselect, e.g. LOST from the 战败 button. */
  initialStage?: LeadStage;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * 推进阶段 (or 重新激活 for a lost lead): the target stage, then exactly the data that stage needs.
 * Every move except closing the lead also plans the next follow-up, so no lead goes dark.
 */
export function StageChangeModal({ lead, initialStage, onClose, onSaved }: StageChangeModalProps) {
  const [form] = Form.useForm<StageFormValues>();
  const { message } = App.useApp();
  const targets = nextStagesFrom(lead.stage);
  const stage = Form.useWatch('stage', form) ?? initialStage ?? targets[0];
  const reopening = lead.stage === 'LOST';
  const orderSchema = useMemo(() => orderFormSchema(lead.quotes), [lead.quotes]);
  const usableQuotes = lead.quotes.filter(isQuoteUsable);

  const { saving, saveError, onFinish } = useFormSubmit(
    async (to: LeadStage, values: StageFormValues) => {
      await changeLeadStage(lead.id, toChangeStageInput(to, values, lead.quotes));
      message.success(successMessage(lead.stage, to));
      onSaved();
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (apiError) => {
        const field = FIELD_OF_CODE[apiError.code];
        if (field && apiError.details.length === 0) form.setFields([{ name: field, errors: [apiError.message] }]);
        if (apiError.code.includes('VIN')) form.setFields([{ name: 'vin', errors: [apiError.message] }]);
      },
    },
  );

  return (
    <ModalForm<StageFormValues>
      title={reopening ? `重新激活：${lead.name}` : `推进阶段：${lead.name}`}
      okText={stage === 'LOST' ? '确认战败' : reopening ? '重新激活' : '确认推进'}
      okButtonProps={{ danger: stage === 'LOST' }}
      submitTestId="stage-submit"
      width={680}
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      formTestId="stage-form"
      initialValues={{
        stage: initialStage ?? targets[0],
        dueAt: defaultDueAt(),
        budget: lead.needs?.budget ?? (lead.budgetMin !== null || lead.budgetMax !== null ? formatBudget(lead.budgetMin, lead.budgetMax) : undefined),
        use: lead.needs?.use,
        concerns: lead.needs?.concerns,
        testDriveFeedback: lead.testDriveFeedback ?? undefined,
        quoteId: usableQuotes[0]?.id,
      }}
      onFinish={(values) => values.stage && onFinish(values.stage, values)}
    >
      <Form.Item
        name="stage"
        label={reopening ? '重新激活到' : '推进到'}
        required
        extra={`当前阶段：${LEAD_STAGE_LABELS[lead.stage]}${reopening ? '' : '（只能向前推进，可跳过中间阶段）'}`}
      >
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="stage-target">
          {targets.map((target) => (
            <Radio.Button key={target} value={target}>
              <span data-testid={`stage-option-${target}`}>{LEAD_STAGE_LABELS[target]}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>

      {stage === 'CONTACTED' && (
        <>
          <Divider titlePlacement="start" plain>
            客户需求（至少一项）
          </Divider>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="budget" label="预算" dependencies={['use', 'concerns']} rules={[zodFieldRule(needsFormSchema, 'budget')]}>
                <Input placeholder="如 20 万左右，可贷款" maxLength={200} data-testid="stage-needs-budget" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="use" label="用途" rules={[zodFieldRule(needsFormSchema, 'use')]}>
                <Input placeholder="如 家用通勤，周末带娃出游" maxLength={200} data-testid="stage-needs-use" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="concerns" label="顾虑" rules={[zodFieldRule(needsFormSchema, 'concerns')]}>
            <Input.TextArea rows={2} maxLength={500} placeholder="如 担心油耗，对比竞品 X" data-testid="stage-needs-concerns" />
          </Form.Item>
        </>
      )}

      {stage === 'TEST_DRIVEN' && (
        <Form.Item name="testDriveFeedback" label="试驾反馈" required rules={[zodFieldRule(feedbackFormSchema, 'testDriveFeedback')]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="客户对动力、空间、舒适性的评价" data-testid="stage-feedback" />
        </Form.Item>
      )}

      {stage === 'QUOTED' && lead.quotes.length === 0 && (
        <Alert type="warning" showIcon title="还没有报价：请先点「报价」为客户出具报价，再推进到已报价。" style={{ marginBottom: 16 }} />
      )}

      {stage === 'ORDERED' && (
        <>
          <Divider titlePlacement="start" plain>
            订单
          </Divider>
          {usableQuotes.length === 0 && (
            <Alert type="warning" showIcon title="还没有可下订的报价：请先报价；折扣超出权限的报价需店总批准后才能下订。" style={{ marginBottom: 16 }} />
          )}
          <Form.Item name="quoteId" label="成交报价" required rules={[zodFieldRule(orderSchema, 'quoteId')]}>
            <Select
              data-testid="stage-order-quote"
              placeholder="选择报价"
              options={lead.quotes.map((quote) => ({
                value: quote.id,
                disabled: !isQuoteUsable(quote),
                label: `${quoteTitle(quote)} · ${formatFen(quote.totalFen)}${isQuoteUsable(quote) ? '' : `（${APPROVAL_STATUS_LABELS[quote.approvalStatus]}，不可下订）`}`,
              }))}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item name="financePlan" label="金融方案" rules={[zodFieldRule(orderSchema, 'financePlan')]}>
                <AutoComplete options={FINANCE_PLANS} placeholder="如 全款 / 厂家金融 0 息 24 期" maxLength={255} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="depositYuan" label="定金（元）" required rules={[zodFieldRule(orderSchema, 'depositYuan')]}>
                <InputNumber min={0} max={MAX_DEPOSIT_YUAN} precision={2} step={1000} style={{ width: '100%' }} placeholder="如 5000" data-testid="stage-order-deposit" />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}

      {stage === 'DELIVERED' && (
        <>
          <Divider titlePlacement="start" plain>
            交车
          </Divider>
          {lead.order && (
            <Descriptions
              size="small"
              column={2}
              style={{ marginBottom: 16 }}
              items={[
                { key: 'price', label: '成交价', children: formatFen(lead.order.priceFen) },
                { key: 'deposit', label: '定金', children: formatFen(lead.order.depositFen) },
              ]}
            />
          )}
          <Form.Item
            name="vin"
            label="车架号（VIN）"
            required
            normalize={(value?: string) => value?.toUpperCase()}
            rules={[zodFieldRule(deliveryFormSchema, 'vin')]}
          >
            <Input placeholder="17 位，不含 I、O、Q" maxLength={17} style={{ fontFamily: 'monospace' }} data-testid="stage-delivery-vin" />
          </Form.Item>
          <Form.Item label="交车检查单" required style={{ marginBottom: 8 }}>
            <Row>
              {DELIVERY_CHECKLIST.map((item) => (
                <Col span={12} key={item.name}>
                  <Form.Item name={item.name} valuePropName="checked" rules={[zodFieldRule(deliveryFormSchema, item.name)]} style={{ marginBottom: 8 }}>
                    <Checkbox data-testid={`stage-delivery-${item.name}`}>{item.label}</Checkbox>
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form.Item>
        </>
      )}

      {stage === 'LOST' && (
        <>
          <Form.Item name="lostReason" label="战败原因" required rules={[zodFieldRule(lostFormSchema, 'lostReason')]}>
            <Radio.Group options={LOST_REASON_OPTIONS} data-testid="stage-lost-reason" />
          </Form.Item>
          <Form.Item name="lostNote" label="说明" rules={[zodFieldRule(lostFormSchema, 'lostNote')]}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如 已在竞品店下订，价格差 8000 元" />
          </Form.Item>
        </>
      )}

      {requiresNextFollowUp(stage) && (
        <>
          <Divider titlePlacement="start" plain>
            下次跟进（必填）
          </Divider>
          <NextFollowUpFields stage={stage} />
        </>
      )}
    </ModalForm>
  );
}
