import { App, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import type { ApiError } from '../../api/client';
import { scheduleCampaign, type Campaign } from '../../api/marketing';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatShanghaiTime, shanghaiWallClock, shanghaiWallClockToIso } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';
import { defaultSendTime, SCHEDULE_IN_PAST_MESSAGE, SEND_TIME_PICKER, sendTimeField } from './campaign-send-time';

interface ScheduleFormValues {
  scheduledAt?: Dayjs | null;
}

const scheduleFormSchema = z.object({ scheduledAt: sendTimeField });

interface CampaignScheduleModalProps {
  campaign: Campaign;
  onClose: () => void;
  onSaved: (campaign: Campaign) => void;
}

/** 排期 / 改期: when the campaign goes out; at that time the segment is drawn and split into sent and held out. */
export function CampaignScheduleModal({ campaign, onClose, onSaved }: CampaignScheduleModalProps) {
  const [form] = Form.useForm<ScheduleFormValues>();
  const { message } = App.useApp();
  const rescheduling = campaign.scheduledAt !== null;

  function showPastError(error: ApiError) {
    if (error.code === 'SCHEDULE_IN_PAST') form.setFields([{ name: 'scheduledAt', errors: [SCHEDULE_IN_PAST_MESSAGE] }]);
  }

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: ScheduleFormValues) => {
      const { scheduledAt } = scheduleFormSchema.parse(values);
      const saved = await scheduleCampaign(campaign.id, shanghaiWallClockToIso(scheduledAt));
      message.success(`「${saved.name}」将于 ${formatShanghaiTime(saved.scheduledAt)} 发送`);
      onSaved(saved);
    },
    { form, fieldOf: (path) => (path === 'scheduledAt' ? 'scheduledAt' : undefined), onError: showPastError },
  );

  return (
    <ModalForm<ScheduleFormValues>
      title={rescheduling ? `改期 · ${campaign.name}` : `排期 · ${campaign.name}`}
      okText={rescheduling ? '改期' : '排期'}
      submitTestId="campaign-schedule-submit"
      errorTestId="campaign-schedule-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="campaign-schedule"
      formTestId="campaign-schedule-form"
      initialValues={{ scheduledAt: campaign.scheduledAt ? shanghaiWallClock(dayjs(campaign.scheduledAt)) : defaultSendTime() }}
      onFinish={onFinish}
    >
      <Form.Item name="scheduledAt" label="发送时间（北京时间）" required rules={[zodFieldRule(scheduleFormSchema, 'scheduledAt')]}>
        <DatePicker {...SEND_TIME_PICKER} style={{ width: '100%' }} data-testid="campaign-schedule-at" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        到点后系统按人群条件圈选会员，随机留出 {campaign.holdoutPercent}% 作为对照组不发送，其余会员收到消息
        {campaign.bonusPoints > 0 ? `并获赠 ${campaign.bonusPoints} 积分` : ''}。发送开始后活动不能再修改或取消。
      </Typography.Paragraph>
    </ModalForm>
  );
}
