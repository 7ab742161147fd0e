import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import type { ApiError } from '../../api/client';
import {
  MAX_BOOKING_WINDOW_DAYS,
  MAX_CHANGE_CUTOFF_MINUTES,
  MAX_CLOSED_DATES,
  SLOT_MINUTES,
  testDriveSettingsSchema,
  updateTestDriveSettings,
  type TestDriveSettings,
} from '../../api/test-drives';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { shanghaiToday } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';

interface ClosedDateValues {
  date?: Dayjs | null;
  reason?: string | null;
}

interface SettingsFormValues {
  slotMinutes?: number;
  bookingWindowDays?: number | null;
  /** The cut-off in hours before the start (2 = 2 小时); the API takes minutes. */
  changeCutoffHours?: number | null;
  closedDates?: ClosedDateValues[];
}

const { shape } = testDriveSettingsSchema;
const closedDay = shape.closedDates.element.shape;

const settingsFormSchema = z
  .object({
    slotMinutes: shape.slotMinutes,
    bookingWindowDays: shape.bookingWindowDays,
    changeCutoffHours: z
      .number({ error: '请填写改约截止时间' })
      .min(0, '改约截止时间不能为负')
      .max(MAX_CHANGE_CUTOFF_MINUTES / 60, '改约截止时间最多为开始前 48 小时'),
    closedDates: z
      .array(
        z.object({
          date: z.custom<Dayjs>((value) => dayjs.isDayjs(value) && value.isValid(), { error: '请选择日期' }),
          reason: closedDay.reason,
        }),
      )
      .max(MAX_CLOSED_DATES, `闭店日期最多 ${MAX_CLOSED_DATES} 天`)
      .default([])
      .superRefine((days, context) => {
        const seen = new Set<string>();
        days.forEach((day, index) => {
          const date = day.date.format('YYYY-MM-DD');
          if (seen.has(date)) context.addIssue({ code: 'custom', path: [index, 'date'], message: '该日期已添加' });
          seen.add(date);
        });
      }),
  })
  .transform(({ changeCutoffHours, closedDates, ...rules }) => ({
    ...rules,
    changeCutoffMinutes: Math.round(changeCutoffHours * 60),
    // Sent in the form's order, so a server detail `closedDates.N.*` names the form's row N.
    closedDates: closedDates.map((day) => ({ date: day.date.format('YYYY-MM-DD'), reason: day.reason?.trim() || null })),
  }));

/** Where the server's field paths land on this form. */
const FIELD_OF: Record<string, keyof SettingsFormValues> = {
  slotMinutes: 'slotMinutes',
  bookingWindowDays: 'bookingWindowDays',
  changeCutoffMinutes: 'changeCutoffHours',
  closedDates: 'closedDates',
};
const CLOSED_DATE_PATH = /^closedDates\.(\d+)\.(date|reason)$/;

export const SLOT_OPTIONS = SLOT_MINUTES.map((minutes) => ({ value: minutes, label: `${minutes} 分钟` }));

const disabledBeforeToday = (current: Dayjs) => current.isBefore(dayjs(shanghaiToday()), 'day');

/** Minutes as the hours a person reads: 120 → 2 小时, 90 → 1.5 小时. */
export function formatCutoff(minutes: number): string {
  return minutes === 0 ? '不限（开始前均可改约）' : `开始前 ${Number((minutes / 60).toFixed(2))} 小时`;
}

interface TestDriveSettingsFormProps {
  storeId: number;
  settings: TestDriveSettings;
  onSaved: (settings: TestDriveSettings) => void;
}

/** 试驾设置 for a manager: slot length, booking window, change cut-off and the store's closed dates. */
export function TestDriveSettingsForm({ storeId, settings, onSaved }: TestDriveSettingsFormProps) {
  const [form] = Form.useForm<SettingsFormValues>();
  const { message } = App.useApp();
  const slotMinutes = Form.useWatch('slotMinutes', form);
  const rule = (field: keyof SettingsFormValues | (string | number)[]) => [zodFieldRule(settingsFormSchema, field)];

  /** A closed date the server turned down is marked on its own row. */
  function showRowErrors(error: ApiError) {
    const fields = error.details.flatMap((detail) => {
      const match = CLOSED_DATE_PATH.exec(detail.path);
      return match ? [{ name: ['closedDates', Number(match[1]), match[2]], errors: [detail.message] }] : [];
    });
    if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
  }

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: SettingsFormValues) => {
      const saved = await updateTestDriveSettings(storeId, settingsFormSchema.parse(values));
      message.success('试驾设置已保存');
      onSaved(saved);
    },
    { form, fieldOf: (path) => FIELD_OF[path], onError: showRowErrors },
  );

  return (
    <Form<SettingsFormValues>
      form={form}
      name="test-drive-settings"
      layout="vertical"
      data-testid="test-drive-settings-form"
      initialValues={{
        slotMinutes: settings.slotMinutes,
        bookingWindowDays: settings.bookingWindowDays,
        changeCutoffHours: settings.changeCutoffMinutes / 60,
        closedDates: settings.closedDates.map((day) => ({ date: dayjs(day.date), reason: day.reason })),
      }}
      onFinish={onFinish}
    >
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid="test-drive-settings-error" />}
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item name="slotMinutes" label="时段长度" required rules={rule('slotMinutes')} extra="每个试驾时段的时长">
            <Select options={SLOT_OPTIONS} style={{ width: 200 }} data-testid="settings-slot-minutes" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="bookingWindowDays" label="可提前预约天数" required rules={rule('bookingWindowDays')} extra="客户最多可预约多少天以内的时段">
            <InputNumber min={1} max={MAX_BOOKING_WINDOW_DAYS} precision={0} suffix="天" style={{ width: 200 }} data-testid="settings-window-days" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="changeCutoffHours" label="改约截止" required rules={rule('changeCutoffHours')} extra="试驾开始前多少小时起，客户不能再改约或取消；0 为不限">
            <InputNumber
              min={0}
              max={MAX_CHANGE_CUTOFF_MINUTES / 60}
              step={1}
              prefix="开始前"
              suffix="小时"
              style={{ width: 200 }}
              data-testid="settings-cutoff-hours"
            />
          </Form.Item>
        </Col>
      </Row>
      {slotMinutes !== undefined && slotMinutes !== settings.slotMinutes && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="settings-slot-warning"
          title={`时段长度将由 ${settings.slotMinutes} 分钟改为 ${slotMinutes} 分钟：只影响之后的新预约，已有预约保持原来的时间。`}
        />
      )}
      <Form.List name="closedDates">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0}>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Text>
                闭店日期
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  闭店当天不开放试驾预约
                </Typography.Text>
              </Typography.Text>
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_CLOSED_DATES}
                data-testid="settings-add-closed-date"
                onClick={() => add({ date: null, reason: null })}
              >
                添加闭店日期
              </Button>
            </Flex>
            {fields.length === 0 && (
              <Typography.Text type="secondary" style={{ marginBottom: 16 }}>
                暂无闭店日期
              </Typography.Text>
            )}
            {fields.map((field) => (
              <Row key={field.key} gutter={8} wrap={false} align="top" data-testid="settings-closed-date">
                <Col flex="180px">
                  <Form.Item name={[field.name, 'date']} rules={rule(['closedDates', field.name, 'date'])}>
                    <DatePicker disabledDate={disabledBeforeToday} placeholder="选择日期" style={{ width: '100%' }} data-testid="settings-closed-date-date" />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item name={[field.name, 'reason']} rules={rule(['closedDates', field.name, 'reason'])}>
                    <Input placeholder="原因（选填），如 春节休息 / 店内装修" maxLength={128} data-testid="settings-closed-date-reason" />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除这一天" onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
          </Flex>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
        保存设置
      </Button>
    </Form>
  );
}
