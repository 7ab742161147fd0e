import { App, AutoComplete, Form, Input, Radio, Switch } from 'antd';
import { z } from 'zod';
import { isOpenStage, logFollowUp, logFollowUpSchema, type FollowUpType, type LeadDetail } from '../../api/leads';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { zodFieldRule } from '../../zod-form-rule';
import { FOLLOW_UP_TYPE_OPTIONS } from './lead-select-options';
import {
  defaultDueAt,
  NextFollowUpFields,
  nextFollowUpFormSchema,
  type NextFollowUpFormValues,
} from './next-follow-up-fields';

interface FollowUpFormValues extends NextFollowUpFormValues {
  type?: FollowUpType;
  outcome?: string;
  note?: string;
  scheduleNext?: boolean;
}

const followUpFormSchema = z.object({
  type: logFollowUpSchema.shape.type,
  outcome: logFollowUpSchema.shape.outcome,
  note: logFollowUpSchema.shape.note,
});

const OUTCOME_SUGGESTIONS = ['已接通，有购车意向', '已接通，暂无意向', '未接通', '已加微信', '约定到店', '客户考虑中', '已发送车型资料'].map(
  (value) => ({ value }),
);

const FIELD_OF: Record<string, keyof FollowUpFormValues> = {
  type: 'type',
  outcome: 'outcome',
  note: 'note',
  nextFollowUp: 'dueAt',
  'nextFollowUp.dueAt': 'dueAt',
  'nextFollowUp.purpose': 'purpose',
};

interface FollowUpModalProps {
  lead: LeadDetail;
  onClose: () => void;
  onSaved: () => void;
}

/** 记录跟进: one contact with the customer and what came of it, optionally with the next one planned. */
export function FollowUpModal({ lead, onClose, onSaved }: FollowUpModalProps) {
  const [form] = Form.useForm<FollowUpFormValues>();
  const { message } = App.useApp();
  const scheduleNext = Form.useWatch('scheduleNext', form);
  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: FollowUpFormValues) => {
      const { type, outcome, note } = followUpFormSchema.parse(values);
      await logFollowUp(lead.id, {
        type,
        outcome,
        note: note || null,
        nextFollowUp: values.scheduleNext ? nextFollowUpFormSchema.parse(values) : null,
      });
      message.success('已记录跟进');
      onSaved();
    },
    { form, fieldOf: (path) => FIELD_OF[path] },
  );

  return (
    <ModalForm<FollowUpFormValues>
      title={`记录跟进：${lead.name}`}
      okText="保存"
      width={600}
      submitTestId="follow-up-submit"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      formTestId="follow-up-form"
      initialValues={{ type: 'CALL', scheduleNext: false, dueAt: defaultDueAt() }}
      onFinish={onFinish}
    >
      <Form.Item name="type" label="跟进方式" required rules={[zodFieldRule(followUpFormSchema, 'type')]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={FOLLOW_UP_TYPE_OPTIONS} data-testid="follow-up-type" />
      </Form.Item>
      <Form.Item name="outcome" label="跟进结果" required rules={[zodFieldRule(followUpFormSchema, 'outcome')]}>
        <AutoComplete options={OUTCOME_SUGGESTIONS} placeholder="如 已接通，有购车意向" maxLength={64} data-testid="follow-up-outcome" />
      </Form.Item>
      <Form.Item name="note" label="沟通记录" rules={[zodFieldRule(followUpFormSchema, 'note')]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="选填：客户说了什么、关心什么" data-testid="follow-up-note" />
      </Form.Item>
      {/* A closed lead gets no new tasks; reopening it (重新激活) plans the next follow-up. */}
      {isOpenStage(lead.stage) && (
        <Form.Item name="scheduleNext" label="安排下次跟进" valuePropName="checked">
          <Switch data-testid="follow-up-schedule-next" />
        </Form.Item>
      )}
      {scheduleNext && <NextFollowUpFields stage={lead.stage} />}
    </ModalForm>
  );
}
