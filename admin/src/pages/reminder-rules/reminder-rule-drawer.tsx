import { App, Alert, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { z } from 'zod';
import {
  GIFT_KINDS,
  INTERVAL_KINDS,
  MAX_TEMPLATE_LENGTH,
  MESSAGE_CHANNEL_LABELS,
  MESSAGE_CHANNELS,
  REMINDER_KIND_LABELS,
  SMS_QUIET_HOURS_NOTE,
  TEMPLATE_PLACEHOLDERS,
  updateReminderRule,
  updateReminderRuleSchema,
  type MessageChannel,
  type ReminderRule,
  type UpdateReminderRuleInput,
} from '../../api/automation';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { zodFieldRule } from '../../zod-form-rule';
import { previewTemplate } from './reminder-timing';

interface RuleFormValues {
  name?: string;
  channel?: MessageChannel;
  daysBefore?: number | null;
  intervalMonths?: number | null;
  intervalKm?: number | null;
  giftPoints?: number | null;
  template?: string;
  wechatTemplateId?: string | null;
}

const { shape } = updateReminderRuleSchema;

/** The server's PATCH takes any subset; the drawer always sends the whole rule, so its basics are required here. */
const ruleFormSchema = z.object({
  name: shape.name.unwrap(),
  channel: shape.channel.unwrap(),
  daysBefore: shape.daysBefore.unwrap(),
  intervalMonths: shape.intervalMonths,
  intervalKm: shape.intervalKm,
  giftPoints: shape.giftPoints,
  template: shape.template.unwrap(),
  wechatTemplateId: shape.wechatTemplateId,
});

const FIELD_NAMES = new Set<string>(Object.keys(ruleFormSchema.shape));

const CHANNEL_OPTIONS = MESSAGE_CHANNELS.map((channel) => ({ value: channel, label: MESSAGE_CHANNEL_LABELS[channel] }));

interface ReminderRuleDrawerProps {
  rule: ReminderRule;
  onClose: () => void;
  onSaved: (rule: ReminderRule) => void;
}

/** 编辑提醒规则: channel, timing, the kind's own settings and the message template with a live preview. */
export function ReminderRuleDrawer({ rule, onClose, onSaved }: ReminderRuleDrawerProps) {
  const [form] = Form.useForm<RuleFormValues>();
  const { message } = App.useApp();
  const channel = Form.useWatch('channel', form);
  const template = Form.useWatch('template', form) ?? '';
  const usesInterval = INTERVAL_KINDS.includes(rule.kind);
  const givesPoints = GIFT_KINDS.includes(rule.kind);
  const fieldRules = (field: keyof RuleFormValues) => [zodFieldRule(ruleFormSchema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: RuleFormValues) => {
      const parsed = ruleFormSchema.parse(values);
      const input: UpdateReminderRuleInput = { name: parsed.name, channel: parsed.channel, daysBefore: parsed.daysBefore, template: parsed.template };
      // Only the fields on show are sent: a hidden one (another kind's setting, the WeChat template ID while
      // another channel is chosen) stays as it is on the server.
      if (usesInterval) input.intervalMonths = parsed.intervalMonths ?? null;
      if (rule.kind === 'FIRST_SERVICE') input.intervalKm = parsed.intervalKm ?? null;
      if (givesPoints) input.giftPoints = parsed.giftPoints ?? null;
      if (parsed.channel === 'WECHAT') input.wechatTemplateId = parsed.wechatTemplateId?.trim() || null;
      const saved = await updateReminderRule(rule.id, input);
      message.success(`已保存「${saved.name}」`);
      onSaved(saved);
    },
    { form, fieldOf: (path) => (FIELD_NAMES.has(path) ? path : undefined) },
  );

  /** Puts a placeholder at the end of the template, where a person is most likely typing. */
  function insertPlaceholder(token: string) {
    const current = form.getFieldValue('template') as string | undefined;
    form.setFieldValue('template', `${current ?? ''}${token}`);
    void form.validateFields(['template']);
  }

  return (
    <Drawer
      open
      size={600}
      title={`编辑提醒 · ${rule.name}`}
      onClose={onClose}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end">
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={saving} onClick={form.submit} data-testid="reminder-rule-save">
              保存
            </Button>
          </Space>
        </Flex>
      }
    >
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid="reminder-rule-error" />}
      <Form<RuleFormValues>
        form={form}
        name="reminder-rule"
        layout="vertical"
        data-testid="reminder-rule-form"
        initialValues={{
          name: rule.name,
          channel: rule.channel,
          daysBefore: rule.daysBefore,
          intervalMonths: rule.intervalMonths,
          intervalKm: rule.intervalKm,
          giftPoints: rule.giftPoints,
          template: rule.template,
          wechatTemplateId: rule.wechatTemplateId,
        }}
        onFinish={onFinish}
      >
        <Typography.Paragraph type="secondary">类型：{REMINDER_KIND_LABELS[rule.kind]}</Typography.Paragraph>
        <Form.Item name="name" label="规则名称" required rules={fieldRules('name')}>
          <Input maxLength={64} data-testid="reminder-rule-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="channel"
              label="发送渠道"
              required
              rules={fieldRules('channel')}
              extra={channel === 'SMS' ? SMS_QUIET_HOURS_NOTE : undefined}
            >
              <Select options={CHANNEL_OPTIONS} data-testid="reminder-rule-channel" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="daysBefore" label="提前天数" required rules={fieldRules('daysBefore')} extra="0 表示当天发送">
              <InputNumber min={0} max={90} precision={0} suffix="天" style={{ width: '100%' }} data-testid="reminder-rule-days" />
            </Form.Item>
          </Col>
        </Row>
        {usesInterval && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="intervalMonths"
                label={rule.kind === 'DORMANT_OWNER' ? '未到店月数' : '交车后月数'}
                rules={fieldRules('intervalMonths')}
              >
                <InputNumber min={1} max={60} precision={0} suffix="个月" style={{ width: '100%' }} data-testid="reminder-rule-months" />
              </Form.Item>
            </Col>
            {rule.kind === 'FIRST_SERVICE' && (
              <Col span={12}>
                <Form.Item name="intervalKm" label="或行驶里程" rules={fieldRules('intervalKm')} extra="时间与里程先到为准">
                  <InputNumber min={500} max={100_000} step={500} precision={0} suffix="km" style={{ width: '100%' }} data-testid="reminder-rule-km" />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        {givesPoints && (
          <Form.Item name="giftPoints" label="赠送积分" rules={fieldRules('giftPoints')} extra="随生日祝福发放，每年一次；0 或不填则不送">
            <InputNumber min={0} max={100_000} precision={0} suffix="分" style={{ width: 200 }} data-testid="reminder-rule-gift" />
          </Form.Item>
        )}
        <Form.Item name="template" label="消息内容" required rules={fieldRules('template')}>
          <Input.TextArea rows={4} maxLength={MAX_TEMPLATE_LENGTH} showCount data-testid="reminder-rule-template" />
        </Form.Item>
        <Flex wrap gap={6} align="center" style={{ marginTop: -8, marginBottom: 16 }} data-testid="reminder-rule-placeholders">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            可用占位符（点击插入）：
          </Typography.Text>
          {TEMPLATE_PLACEHOLDERS.map(({ token, meaning }) => (
            <Tag key={token} style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => insertPlaceholder(token)}>
              <Typography.Text code style={{ fontSize: 12 }}>
                {token}
              </Typography.Text>{' '}
              {meaning}
            </Tag>
          ))}
        </Flex>
        <Alert
          type="info"
          title="预览（示例客户）"
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{previewTemplate(template) || '—'}</span>}
          style={{ marginBottom: 24 }}
          data-testid="reminder-rule-preview"
        />
        {channel === 'WECHAT' && (
          <Form.Item name="wechatTemplateId" label="微信模板 ID" rules={fieldRules('wechatTemplateId')} extra="微信公众平台「订阅消息」中选用的模板 ID">
            <Input maxLength={64} allowClear placeholder="如 Xo3r…" style={{ fontFamily: 'monospace' }} data-testid="reminder-rule-wechat-template" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
