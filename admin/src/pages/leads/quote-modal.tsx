import { useMemo } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Descriptions, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { z } from 'zod';
import {
  createQuote,
  QUOTE_LINE_KIND_LABELS,
  quoteLineSchema,
  type LeadDetail,
  type QuoteLineKind,
} from '../../api/leads';
import type { VehicleModel, VehicleTrim } from '../../api/vehicles';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatBasisPoints, formatFen, formatFenAsWan, yuanToFen } from '../../money-format';
import { zodFieldRule } from '../../zod-form-rule';

interface QuoteLineValues {
  kind?: QuoteLineKind;
  name?: string;
  amountYuan?: number | null;
}

interface QuoteFormValues {
  trimId?: number;
  lines?: QuoteLineValues[];
  discountYuan?: number | null;
}

/** The largest amount the server accepts on one line (100,000,000.00 yuan). */
const MAX_YUAN = 100_000_000;
const MAX_LINES = 50;

const LINE_KIND_OPTIONS = (['OPTION', 'FEE'] as const).map((kind) => ({ value: kind, label: QUOTE_LINE_KIND_LABELS[kind] }));

/** Lines a consultant adds most often, one click each. */
const COMMON_LINES: { kind: QuoteLineKind; name: string }[] = [
  { kind: 'FEE', name: '购置税' },
  { kind: 'FEE', name: '保险' },
  { kind: 'FEE', name: '上牌服务费' },
  { kind: 'OPTION', name: '精品套装' },
];

function quoteFormSchema(trims: Map<number, VehicleTrim>) {
  return z
    .object({
      trimId: z.number({ error: '请选择车型版本' }).refine((trimId) => trims.has(trimId), '请选择车型版本'),
      lines: z
        .array(
          z.object({
            kind: quoteLineSchema.shape.kind,
            name: quoteLineSchema.shape.name,
            amountYuan: z.number({ error: '请填写金额' }).min(0, '金额不能为负').max(MAX_YUAN, '金额过大'),
          }),
        )
        .max(MAX_LINES, `报价明细最多 ${MAX_LINES} 行`)
        .default([]),
      discountYuan: z.number().min(0, '优惠不能为负').max(MAX_YUAN, '优惠过大').nullish(),
    })
    .refine(
      (quote) => {
        const optionsFen = quote.lines.filter((line) => line.kind === 'OPTION').reduce((sum, line) => sum + yuanToFen(line.amountYuan), 0);
        return yuanToFen(quote.discountYuan ?? 0) <= (trims.get(quote.trimId)?.msrpFen ?? Infinity) + optionsFen;
      },
      { path: ['discountYuan'], error: '优惠金额不能超过车价与选装之和' },
    )
    .transform((quote) => ({
      trimId: quote.trimId,
      lines: quote.lines.map((line) => ({ kind: line.kind, name: line.name, amountFen: yuanToFen(line.amountYuan) })),
      discountFen: yuanToFen(quote.discountYuan ?? 0),
    }));
}

/** What the quote comes to as the consultant types: MSRP + options + fees − discount. */
function quoteTotals(trim: VehicleTrim | undefined, lines: QuoteLineValues[] | undefined, discountYuan: number | null | undefined) {
  const msrpFen = trim?.msrpFen ?? 0;
  const sum = (kind: QuoteLineKind) =>
    (lines ?? []).filter((line) => line?.kind === kind).reduce((total, line) => total + yuanToFen(line.amountYuan ?? 0), 0);
  const optionsFen = sum('OPTION');
  const feesFen = sum('FEE');
  const discountFen = yuanToFen(discountYuan ?? 0);
  // Basis points of MSRP rounded up, as the server compares them with the consultant's limit.
  const discountBp = msrpFen > 0 ? Math.ceil((discountFen * 10_000) / msrpFen) : 0;
  return { msrpFen, optionsFen, feesFen, discountFen, discountBp, totalFen: msrpFen + optionsFen + feesFen - discountFen };
}

const FIELD_OF: Record<string, string> = { trimId: 'trimId', discountFen: 'discountYuan', lines: 'lines' };

interface QuoteModalProps {
  lead: LeadDetail;
  models: VehicleModel[];
  onClose: () => void;
  onSaved: () => void;
}

/** 报价: a trim at its MSRP, option and fee lines, a discount; the total and discount % update live. */
export function QuoteModal({ lead, models, onClose, onSaved }: QuoteModalProps) {
  const [form] = Form.useForm<QuoteFormValues>();
  const { message } = App.useApp();
  const trims = useMemo(() => new Map(models.flatMap((model) => model.trims.map((trim) => [trim.id, trim] as const))), [models]);
  const schema = useMemo(() => quoteFormSchema(trims), [trims]);
  const trimId = Form.useWatch('trimId', form);
  const lines = Form.useWatch('lines', form);
  const discountYuan = Form.useWatch('discountYuan', form);
  const totals = quoteTotals(trimId === undefined ? undefined : trims.get(trimId), lines, discountYuan);

  // The customer's intended model first: it is the one they are most likely to be quoted.
  const trimOptions = [...models]
    .sort((a, b) => Number(b.id === lead.intendedModel?.id) - Number(a.id === lead.intendedModel?.id))
    .map((model) => ({
      label: model.name,
      options: model.trims.map((trim) => ({ value: trim.id, label: `${model.name} ${trim.name}（指导价 ${formatFenAsWan(trim.msrpFen)}）` })),
    }));

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: QuoteFormValues) => {
      const quote = await createQuote(lead.id, schema.parse(values));
      if (quote.approvalStatus === 'PENDING') message.warning('折扣超出权限，已提交店总审批');
      else message.success('已生成报价');
      onSaved();
    },
    { form, fieldOf: (path) => FIELD_OF[path] },
  );

  return (
    <FormModal
      title={`报价：${lead.name}`}
      okText="生成报价"
      width={760}
      submitTestId="quote-submit"
      saving={saving}
      saveError={saveError}
      onOk={form.submit}
      onCancel={onClose}
    >
      <Form<QuoteFormValues> form={form} layout="vertical" data-testid="quote-form" initialValues={{ lines: [] }} onFinish={onFinish}>
        <Form.Item name="trimId" label="车型版本" required rules={[zodFieldRule(schema, 'trimId')]}>
          <Select
            data-testid="quote-trim"
            placeholder="选择车型与版本"
            showSearch={{ optionFilterProp: 'label' }}
            options={trimOptions}
          />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <Typography.Text>选装与费用</Typography.Text>
                <Flex gap={4} wrap>
                  {COMMON_LINES.map((line) => (
                    <Button key={line.name} size="small" disabled={fields.length >= MAX_LINES} onClick={() => add({ ...line })}>
                      + {line.name}
                    </Button>
                  ))}
                  <Button
                    size="small"
                    type="dashed"
                    icon={<PlusOutlined />}
                    disabled={fields.length >= MAX_LINES}
                    data-testid="quote-add-line"
                    onClick={() => add({ kind: 'OPTION' })}
                  >
                    添加一行
                  </Button>
                </Flex>
              </Flex>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} wrap={false} align="top">
                  <Col flex="100px">
                    <Form.Item name={[field.name, 'kind']} rules={[zodFieldRule(schema, ['lines', field.name, 'kind'])]}>
                      <Select options={LINE_KIND_OPTIONS} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[field.name, 'name']} rules={[zodFieldRule(schema, ['lines', field.name, 'name'])]}>
                      <Input placeholder="名称，如 全景天窗 / 购置税" maxLength={64} />
                    </Form.Item>
                  </Col>
                  <Col flex="180px">
                    <Form.Item name={[field.name, 'amountYuan']} rules={[zodFieldRule(schema, ['lines', field.name, 'amountYuan'])]}>
                      <InputNumber min={0} max={MAX_YUAN} precision={2} step={100} prefix="¥" placeholder="金额（元）" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" icon={<DeleteOutlined />} aria-label="删除这一行" onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="discountYuan"
          label="优惠金额（元）"
          dependencies={['trimId', 'lines']}
          rules={[zodFieldRule(schema, 'discountYuan')]}
          extra="超出您的折扣权限时，报价会提交店总审批，批准后才能据此下订。"
        >
          <InputNumber min={0} max={MAX_YUAN} precision={2} step={1000} prefix="¥" style={{ width: 220 }} data-testid="quote-discount" />
        </Form.Item>
      </Form>
      <Descriptions
        bordered
        size="small"
        column={3}
        data-testid="quote-summary"
        items={[
          { key: 'msrp', label: '指导价', children: formatFen(totals.msrpFen) },
          { key: 'options', label: '选装', children: formatFen(totals.optionsFen) },
          { key: 'fees', label: '费用', children: formatFen(totals.feesFen) },
          { key: 'discount', label: '优惠', children: `-${formatFen(totals.discountFen)}` },
          {
            key: 'discountRate',
            label: '折扣率',
            children: <span data-testid="quote-discount-rate">{formatBasisPoints(totals.discountBp)}</span>,
          },
          {
            key: 'total',
            label: '报价合计',
            children: (
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="quote-total">
                {formatFen(totals.totalFen)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </FormModal>
  );
}
