import { useState } from 'react';
import { App, Form, Input, InputNumber, Radio } from 'antd';
import { z } from 'zod';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { adjustmentSchema, adjustPoints, MAX_ADJUSTMENT, type MemberDetail } from '../../api/loyalty';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatPoints, formatSignedPoints } from '../../points-format';
import { zodFieldRule } from '../../zod-form-rule';

type Direction = 'ADD' | 'DEDUCT';

interface AdjustFormValues {
  direction?: Direction;
  points?: number | null;
  reason?: string;
}

/** A person types how many points and picks 增加 or 扣减; the API takes one signed number. */
const adjustFormSchema = z.object({
  direction: z.enum(['ADD', 'DEDUCT'], { error: '请选择增加或扣减' }),
  points: z.number({ error: '请填写积分' }).int('积分须为整数').min(1, '积分至少为 1').max(MAX_ADJUSTMENT, `单次最多调整 ${formatPoints(MAX_ADJUSTMENT)} 分`),
  reason: adjustmentSchema.shape.reason,
});

const FIELD_OF: Record<string, keyof AdjustFormValues> = { points: 'points', reason: 'reason' };

interface PointsAdjustModalProps {
  member: MemberDetail;
  onClose: () => void;
  onSaved: () => void;
}

/** 积分调整: a credit or a debit with its reason, written to the member's ledger; never below zero. */
export function PointsAdjustModal({ member, onClose, onSaved }: PointsAdjustModalProps) {
  const [form] = Form.useForm<AdjustFormValues>();
  const { message } = App.useApp();
  // One key per opened dialog: a double click or a retry after a lost answer is counted once.
  const [idempotencyKey] = useState(() => newIdempotencyKey('adjust'));
  const direction = Form.useWatch('direction', form);
  const balance = member.points.balance;
  const rule = (field: keyof AdjustFormValues) => [zodFieldRule(adjustFormSchema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: AdjustFormValues) => {
      const { direction: chosen, points, reason } = adjustFormSchema.parse(values);
      const entry = await adjustPoints({ customerId: member.customer.id, points: chosen === 'ADD' ? points : -points, reason, idempotencyKey });
      message.success(`已调整 ${formatSignedPoints(entry.points)} 分，当前余额 ${formatPoints(entry.balanceAfter)} 分`);
      onSaved();
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (error) => {
        if (error.code === 'INSUFFICIENT_POINTS') form.setFields([{ name: 'points', errors: [`最多可扣减 ${formatPoints(balance)} 分`] }]);
      },
    },
  );

  return (
    <ModalForm<AdjustFormValues>
      title={`积分调整 · ${member.customer.name ?? member.customer.mobile ?? `会员 #${member.customer.id}`}`}
      okText="确认调整"
      submitTestId="adjust-submit"
      errorTestId="adjust-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="points-adjust"
      formTestId="adjust-form"
      initialValues={{ direction: 'ADD' }}
      onFinish={onFinish}
    >
      <Form.Item name="direction" label="调整方式" required rules={rule('direction')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="adjust-direction"
          options={[
            { value: 'ADD', label: '增加' },
            { value: 'DEDUCT', label: '扣减' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="points"
        label={direction === 'DEDUCT' ? '扣减积分' : '增加积分'}
        required
        rules={rule('points')}
        extra={`当前余额 ${formatPoints(balance)} 分${direction === 'DEDUCT' ? '；扣减从最早到期的积分开始，余额不能为负' : '；增加的积分 24 个月后的月底到期'}`}
      >
        <InputNumber min={1} max={MAX_ADJUSTMENT} precision={0} suffix="分" style={{ width: 220 }} placeholder="积分" data-testid="adjust-points" />
      </Form.Item>
      <Form.Item name="reason" label="调整原因" required rules={rule('reason')} extra="会员在小程序的积分明细中可以看到">
        <Input.TextArea rows={2} maxLength={255} showCount placeholder="如 活动补发积分 / 误操作冲正" data-testid="adjust-reason" />
      </Form.Item>
    </ModalForm>
  );
}
