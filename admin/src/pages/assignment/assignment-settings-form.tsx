import { useState } from 'react';
import { Alert, App, Button, Col, Form, InputNumber, Radio, Row, Space, Typography } from 'antd';
import { z } from 'zod';
import {
  ASSIGNMENT_MODE_HINTS,
  ASSIGNMENT_MODE_LABELS,
  assignmentSettingsSchema,
  updateStoreAssignment,
  type AssignmentMode,
  type StoreAssignment,
} from '../../api/assignment';
import { toApiError, type ApiError } from '../../api/client';
import { zodFieldRule } from '../../zod-form-rule';

interface SettingsFormValues {
  assignmentMode?: AssignmentMode;
  consultantOpenLeadCap?: number | null;
  /** The limit as a percentage (5 = 5%); the API takes basis points. */
  discountLimitPercent?: number | null;
}

const settingsFormSchema = z
  .object({
    assignmentMode: assignmentSettingsSchema.shape.assignmentMode,
    consultantOpenLeadCap: assignmentSettingsSchema.shape.consultantOpenLeadCap,
    discountLimitPercent: z
      .number({ error: '请填写顾问折扣权限' })
      .min(0, '折扣权限不能为负')
      .max(100, '折扣权限不能超过 100%'),
  })
  .transform(({ discountLimitPercent, ...settings }) => ({
    ...settings,
    consultantDiscountLimitBp: Math.round(discountLimitPercent * 100),
  }));

const MODE_OPTIONS = (['ROUND_ROBIN', 'MODEL_SPECIALTY'] as const).map((mode) => ({
  value: mode,
  label: (
    <Space orientation="vertical" size={0}>
      <span>{ASSIGNMENT_MODE_LABELS[mode]}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ASSIGNMENT_MODE_HINTS[mode]}
      </Typography.Text>
    </Space>
  ),
}));

interface AssignmentSettingsFormProps {
  assignment: StoreAssignment;
  onSaved: () => void;
}

/** The store's rule for new leads and the discount a consultant may give without approval. */
export function AssignmentSettingsForm({ assignment, onSaved }: AssignmentSettingsFormProps) {
  const [form] = Form.useForm<SettingsFormValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError>();

  async function save(values: SettingsFormValues) {
    setSaving(true);
    setSaveError(undefined);
    try {
      await updateStoreAssignment(assignment.storeId, settingsFormSchema.parse(values));
      message.success('分配规则已保存');
      onSaved();
    } catch (error) {
      setSaveError(toApiError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<SettingsFormValues>
      form={form}
      layout="vertical"
      data-testid="assignment-settings-form"
      initialValues={{
        assignmentMode: assignment.assignmentMode,
        consultantOpenLeadCap: assignment.consultantOpenLeadCap,
        discountLimitPercent: assignment.consultantDiscountLimitBp / 100,
      }}
      onFinish={save}
    >
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} />}
      <Form.Item name="assignmentMode" label="分配方式" required rules={[zodFieldRule(settingsFormSchema, 'assignmentMode')]}>
        <Radio.Group options={MODE_OPTIONS} data-testid="assignment-mode" />
      </Form.Item>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="consultantOpenLeadCap"
            label="顾问进行中线索上限"
            required
            rules={[zodFieldRule(settingsFormSchema, 'consultantOpenLeadCap')]}
            extra="达到上限的顾问不再自动分到新线索"
          >
            <InputNumber min={1} max={10_000} precision={0} suffix="条" style={{ width: 200 }} data-testid="assignment-cap" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="discountLimitPercent"
            label="顾问折扣权限"
            required
            rules={[zodFieldRule(settingsFormSchema, 'discountLimitPercent')]}
            extra="报价优惠占指导价的比例超过此值时，需店总审批"
          >
            <InputNumber min={0} max={100} step={0.5} precision={2} suffix="%" style={{ width: 200 }} data-testid="assignment-discount-limit" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="assignment-save">
        保存规则
      </Button>
    </Form>
  );
}
