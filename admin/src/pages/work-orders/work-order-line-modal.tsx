import { useCallback } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Descriptions, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { z } from 'zod';
import { listPartStock, MAX_LABOUR_HUNDREDTHS, workOrderLineInputSchema, type PartStock, type WorkOrderLine, type WorkOrderLineInput } from '../../api/service';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatFen } from '../../money-format';
import { zodFieldRule } from '../../zod-form-rule';

interface LinePartValues {
  partId?: number;
  quantity?: number | null;
}

interface LineFormValues {
  name?: string;
  labourHours?: number | null;
  parts?: LinePartValues[];
}

const MAX_HOURS = MAX_LABOUR_HUNDREDTHS / 100;
const MAX_PARTS = 50;

/** The server's line rules on what the form holds: labour in hours (2 decimals), each part once. */
const lineFormSchema = z
  .object({
    name: z.string({ error: '请填写项目名称' }).trim().min(1, '请填写项目名称').max(64, '项目名称最多 64 个字符'),
    labourHours: z.number({ error: '请填写工时' }).min(0, '工时不能为负').max(MAX_HOURS, `工时最多 ${MAX_HOURS} 小时`),
    parts: z
      .array(
        z.object({
          partId: z.number({ error: '请选择配件' }).int().positive('请选择配件'),
          quantity: z.number({ error: '请填写数量' }).int('数量须为整数').min(1, '数量至少为 1').max(1000, '数量最多 1000'),
        }),
      )
      .max(MAX_PARTS, `配件最多 ${MAX_PARTS} 种`)
      .default([])
      .superRefine((parts, context) => {
        const seen = new Set<number>();
        parts.forEach((part, index) => {
          if (seen.has(part.partId)) context.addIssue({ code: 'custom', path: [index, 'partId'], message: '该配件已在上面，请合并数量' });
          seen.add(part.partId);
        });
      }),
  })
  .transform((line) => ({ name: line.name, labourHundredths: Math.round(line.labourHours * 100), parts: line.parts }));

interface WorkOrderLineModalProps {
  storeId: number;
  /** The store's labour rate per hour, when known from a line already priced. */
  labourRateFen: number | undefined;
  /** The line being changed; a new custom line without it. */
  line?: WorkOrderLine;
  onClose: () => void;
  /** Saves the line into the order (the whole list is replaced); rejects with the server's error. */
  onSave: (line: WorkOrderLineInput) => Promise<void>;
}

/** A custom line (or a change to one): a name, labour hours and parts from the store's stock, priced as it is typed. */
export function WorkOrderLineModal({ storeId, labourRateFen, line, onClose, onSave }: WorkOrderLineModalProps) {
  const [form] = Form.useForm<LineFormValues>();
  const loadStock = useCallback((signal: AbortSignal) => listPartStock({ storeId }, signal), [storeId]);
  const stock = useRemoteData(loadStock);
  const stockById = new Map<number, PartStock>((stock.data ?? []).map((part) => [part.partId, part]));
  const labourHours = Form.useWatch('labourHours', form);
  const parts = Form.useWatch('parts', form);
  const labourFen = labourRateFen !== undefined && typeof labourHours === 'number' ? Math.round(labourHours * labourRateFen) : undefined;
  const partsFen = (parts ?? []).reduce((sum, part) => {
    const price = part?.partId ? stockById.get(part.partId)?.priceFen : undefined;
    return sum + (price !== undefined && typeof part?.quantity === 'number' ? price * part.quantity : 0);
  }, 0);

  const { saving, saveError, onFinish } = useFormSubmit(async (values: LineFormValues) => {
    const parsed = lineFormSchema.parse(values);
    await onSave(workOrderLineInputSchema.parse({ itemId: line?.itemId ?? null, ...parsed }));
  });

  return (
    <FormModal
      title={line ? `编辑项目：${line.name}` : '添加自定义项目'}
      okText="保存到工单"
      width={720}
      submitTestId="line-submit"
      errorTestId="line-error"
      saving={saving}
      saveError={saveError}
      onOk={form.submit}
      onCancel={onClose}
    >
      <Form<LineFormValues>
        form={form}
        name="work-order-line"
        layout="vertical"
        data-testid="line-form"
        initialValues={
          line
            ? {
                name: line.name,
                labourHours: line.labourHundredths / 100,
                parts: line.parts.map((part) => ({ partId: part.partId, quantity: part.quantity })),
              }
            : { labourHours: 1, parts: [] }
        }
        onFinish={onFinish}
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label="项目名称" required rules={[zodFieldRule(lineFormSchema, 'name')]}>
              <Input maxLength={64} placeholder="如 更换前刹车片、检查异响" data-testid="line-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="labourHours"
              label="工时（小时）"
              required
              rules={[zodFieldRule(lineFormSchema, 'labourHours')]}
              extra={labourRateFen !== undefined ? `工时费率 ${formatFen(labourRateFen)}/小时` : '按门店工时费率计价'}
            >
              <InputNumber min={0} max={MAX_HOURS} precision={2} step={0.5} suffix="h" style={{ width: '100%' }} data-testid="line-labour" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <Typography.Text>配件</Typography.Text>
                <Button
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= MAX_PARTS}
                  data-testid="line-add-part"
                  onClick={() => add({ quantity: 1 })}
                >
                  添加配件
                </Button>
              </Flex>
              {fields.length === 0 && (
                <Typography.Text type="secondary" style={{ marginBottom: 16 }}>
                  不用配件（纯工时项目）
                </Typography.Text>
              )}
              {fields.map((field) => {
                const part = parts?.[field.name]?.partId ? stockById.get(parts[field.name].partId!) : undefined;
                return (
                  <Row key={field.key} gutter={8} wrap={false} align="top">
                    <Col flex="auto">
                      <Form.Item name={[field.name, 'partId']} rules={[zodFieldRule(lineFormSchema, ['parts', field.name, 'partId'])]}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={stock.error ? `配件加载失败：${stock.error.message}` : '选择配件（编码或名称）'}
                          loading={stock.loading}
                          data-testid="line-part"
                          options={(stock.data ?? []).map((candidate) => ({
                            value: candidate.partId,
                            label: `${candidate.name}（${candidate.code}）${formatFen(candidate.priceFen)}/${candidate.unit} · 库存 ${candidate.quantity}`,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="120px">
                      <Form.Item name={[field.name, 'quantity']} rules={[zodFieldRule(lineFormSchema, ['parts', field.name, 'quantity'])]}>
                        <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} suffix={part?.unit} data-testid="line-part-quantity" />
                      </Form.Item>
                    </Col>
                    <Col flex="32px">
                      <Button type="text" icon={<DeleteOutlined />} aria-label="删除这个配件" onClick={() => remove(field.name)} />
                    </Col>
                  </Row>
                );
              })}
            </Flex>
          )}
        </Form.List>
      </Form>
      <Descriptions
        bordered
        size="small"
        column={3}
        data-testid="line-preview"
        items={[
          { key: 'labour', label: '工时费', children: labourFen === undefined ? '保存后计算' : formatFen(labourFen) },
          { key: 'parts', label: '配件费', children: formatFen(partsFen) },
          {
            key: 'total',
            label: '小计',
            children: <Typography.Text strong>{labourFen === undefined ? `${formatFen(partsFen)} + 工时费` : formatFen(labourFen + partsFen)}</Typography.Text>,
          },
        ]}
      />
    </FormModal>
  );
}
