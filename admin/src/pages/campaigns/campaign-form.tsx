import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Slider, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { MESSAGE_CHANNEL_LABELS, MESSAGE_CHANNELS, type MessageChannel } from '../../api/automation';
import {
  createCampaign,
  MAX_ATTRIBUTION_DAYS,
  MAX_BONUS_POINTS,
  MAX_CONTENT_LENGTH,
  MAX_HOLDOUT_PERCENT,
  MAX_TITLE_LENGTH,
  saveCampaignSchema,
  updateCampaign,
  type Campaign,
  type SaveCampaignInput,
  type Segment,
} from '../../api/marketing';
import { useFormSubmit } from '../../hooks/use-form-submit';
import type { RemoteData } from '../../hooks/use-remote-data';
import { shanghaiWallClock, shanghaiWallClockToIso } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';
import { formatCount } from '../segments/segment-conditions';
import { CampaignMessagePreview } from './campaign-message-preview';
import { defaultSendTime, SCHEDULE_IN_PAST_MESSAGE, SEND_TIME_PICKER, sendTimeField } from './campaign-send-time';

type SendMode = 'draft' | 'schedule';

export interface CampaignFormValues {
  name?: string;
  segmentId?: number;
  channel?: MessageChannel;
  title?: string;
  content?: string;
  bonusPoints?: number | null;
  holdoutPercent?: number;
  attributionDays?: number | null;
  sendMode?: SendMode;
  /** Shanghai wall-clock time as the picker holds it. */
  scheduledAt?: Dayjs | null;
}

const { shape } = saveCampaignSchema;

/** The fields as the form holds them; the send time is checked by scheduleSchema. */
const campaignFormSchema = z.object({
  name: shape.name,
  segmentId: shape.segmentId,
  channel: shape.channel,
  title: shape.title,
  content: shape.content,
  bonusPoints: z.number().int('积分须为整数').min(0, '积分不能为负').max(MAX_BONUS_POINTS, `最多赠送 ${MAX_BONUS_POINTS} 分`).nullish(),
  holdoutPercent: shape.holdoutPercent,
  attributionDays: z.number({ error: '请填写统计天数' }).int('天数须为整数').min(1, '至少 1 天').max(MAX_ATTRIBUTION_DAYS, `最多 ${MAX_ATTRIBUTION_DAYS} 天`),
});

/** The send time, checked on its own (the field shows only while 定时发送 is chosen) so it speaks whatever else is missing. */
const scheduleSchema = z.object({ scheduledAt: sendTimeField });

function toInput(values: CampaignFormValues): SaveCampaignInput {
  const fields = campaignFormSchema.parse(values);
  const scheduled = values.sendMode === 'schedule' && values.scheduledAt ? shanghaiWallClockToIso(values.scheduledAt) : null;
  return { ...fields, bonusPoints: fields.bonusPoints ?? 0, scheduledAt: scheduled };
}

/** Where the server's field paths land on this form. */
const FIELD_OF: Record<string, keyof CampaignFormValues> = {
  name: 'name',
  segmentId: 'segmentId',
  channel: 'channel',
  title: 'title',
  content: 'content',
  bonusPoints: 'bonusPoints',
  holdoutPercent: 'holdoutPercent',
  attributionDays: 'attributionDays',
  scheduledAt: 'scheduledAt',
};

function initialValues(campaign: Campaign | null, segmentId: number | undefined): CampaignFormValues {
  if (!campaign) return { segmentId, channel: 'WECHAT', bonusPoints: 0, holdoutPercent: 10, attributionDays: 14, sendMode: 'draft' };
  return {
    name: campaign.name,
    segmentId: campaign.segment.id,
    channel: campaign.channel,
    title: campaign.title,
    content: campaign.content,
    bonusPoints: campaign.bonusPoints,
    holdoutPercent: campaign.holdoutPercent,
    attributionDays: campaign.attributionDays,
    sendMode: campaign.scheduledAt ? 'schedule' : 'draft',
    scheduledAt: campaign.scheduledAt ? shanghaiWallClock(dayjs(campaign.scheduledAt)) : null,
  };
}

/** An SMS is billed per 70 characters. */
const SMS_LENGTH = 70;

const HOLDOUT_MARKS = { 0: '0%', 10: '10%', 20: '20%', 30: '30%', 40: '40%', 50: '50%' };

interface CampaignFormProps {
  /** The campaign to edit, or null to create one. */
  campaign: Campaign | null;
  segments: RemoteData<Segment[]>;
  /** A segment to start from (新建活动 from a segment). */
  initialSegmentId?: number;
}

/** 新建活动 / 编辑活动: to whom, by which channel, what it says and grants, how it is measured, and when it goes. */
export function CampaignForm({ campaign, segments, initialSegmentId }: CampaignFormProps) {
  const [form] = Form.useForm<CampaignFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const rule = (field: keyof CampaignFormValues) => [zodFieldRule(campaignFormSchema, field)];
  const values = Form.useWatch([], form) as CampaignFormValues | undefined;
  const sendMode = values?.sendMode ?? initialValues(campaign, initialSegmentId).sendMode;
  const segment = segments.data?.find((candidate) => candidate.id === values?.segmentId);
  const contentLength = values?.content?.length ?? 0;

  function showScheduleError(error: { code: string; message: string }) {
    if (error.code === 'SCHEDULE_IN_PAST') form.setFields([{ name: 'scheduledAt', errors: [SCHEDULE_IN_PAST_MESSAGE] }]);
  }

  const { saving, saveError, onFinish } = useFormSubmit(
    async (submitted: CampaignFormValues) => {
      const input = toInput(submitted);
      const saved = campaign ? await updateCampaign(campaign.id, input) : await createCampaign(input);
      message.success(saved.status === 'SCHEDULED' ? `「${saved.name}」已排期` : `「${saved.name}」已保存为草稿`);
      navigate(`/campaigns/${saved.id}`, { replace: campaign === null });
    },
    { form, fieldOf: (path) => FIELD_OF[path], onError: showScheduleError },
  );

  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} xl={15}>
        <Card title="活动设置">
          {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid="campaign-form-error" />}
          <Form<CampaignFormValues>
            form={form}
            name="campaign"
            layout="vertical"
            data-testid="campaign-form"
            initialValues={initialValues(campaign, initialSegmentId)}
            onFinish={onFinish}
          >
            <Form.Item name="name" label="活动名称" required rules={rule('name')} extra="仅内部可见，便于在列表中识别">
              <Input maxLength={64} placeholder="如 11 月保险续保提醒" data-testid="campaign-name-input" />
            </Form.Item>
            <Form.Item
              name="segmentId"
              label="发送人群"
              required
              rules={rule('segmentId')}
              extra={
                segments.error ? (
                  <Typography.Text type="danger">
                    人群加载失败：{segments.error.message}{' '}
                    <Typography.Link onClick={segments.reload}>重试</Typography.Link>
                  </Typography.Text>
                ) : (
                  <>
                    人数为当前实时人数，发送时按人群条件重新圈选。<Link to="/segments/new">新建人群</Link>
                  </>
                )
              }
            >
              <Select<number>
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择人群"
                loading={segments.loading}
                notFoundContent={segments.loading ? '加载中…' : '还没有人群，请先新建人群'}
                options={segments.data?.map((candidate) =>
                  // A segment whose saved filter no longer passes the server's bounds cannot be sent to.
                  candidate.count === null
                    ? { value: candidate.id, label: `${candidate.name}（条件已失效）`, disabled: true }
                    : { value: candidate.id, label: `${candidate.name}（${formatCount(candidate.count)} 人）` },
                )}
                data-testid="campaign-segment"
              />
            </Form.Item>
            <Form.Item name="channel" label="发送渠道" required rules={rule('channel')}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="campaign-channel">
                {MESSAGE_CHANNELS.map((channel) => (
                  <Radio.Button key={channel} value={channel} data-testid={`campaign-channel-${channel}`}>
                    {MESSAGE_CHANNEL_LABELS[channel]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="title" label="标题" required rules={rule('title')}>
              <Input maxLength={MAX_TITLE_LENGTH} showCount placeholder="如 您的爱车保险即将到期" data-testid="campaign-title" />
            </Form.Item>
            <Form.Item
              name="content"
              label="内容"
              required
              rules={rule('content')}
              extra={
                values?.channel === 'SMS' && contentLength > 0
                  ? `短信按 ${SMS_LENGTH} 字一条计费，当前约 ${Math.ceil(contentLength / SMS_LENGTH)} 条/人`
                  : '可用 {name} 代表会员姓名、{points} 代表赠送积分，发送时替换'
              }
            >
              <Input.TextArea
                rows={5}
                maxLength={MAX_CONTENT_LENGTH}
                showCount
                placeholder="如 尊敬的车主，您的爱车商业险将于近期到期，本月到店续保赠送精致洗车一次。"
                data-testid="campaign-content"
              />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="bonusPoints" label="赠送积分" rules={rule('bonusPoints')} extra="随消息赠送给发送组每位会员；0 为不赠送">
                  <InputNumber min={0} max={MAX_BONUS_POINTS} precision={0} suffix="分" style={{ width: '100%' }} data-testid="campaign-bonus-points" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="attributionDays"
                  label="效果统计天数"
                  required
                  rules={rule('attributionDays')}
                  extra="发送后这些天内的预约、兑换与到店计入活动效果"
                >
                  <InputNumber min={1} max={MAX_ATTRIBUTION_DAYS} precision={0} suffix="天" style={{ width: '100%' }} data-testid="campaign-attribution-days" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="对照组比例" required extra="对照组不发送，用于衡量活动真实效果：从人群中随机留出该比例的会员，比较两组的预约、兑换与到店。">
              <Flex gap={16} align="center">
                <Form.Item name="holdoutPercent" noStyle>
                  <Slider min={0} max={MAX_HOLDOUT_PERCENT} marks={HOLDOUT_MARKS} tooltip={{ formatter: (value) => `${value}%` }} style={{ flex: 1 }} data-testid="campaign-holdout-slider" />
                </Form.Item>
                <Form.Item name="holdoutPercent" noStyle>
                  <InputNumber min={0} max={MAX_HOLDOUT_PERCENT} precision={0} suffix="%" style={{ width: 96 }} data-testid="campaign-holdout" />
                </Form.Item>
              </Flex>
            </Form.Item>
            <Form.Item name="sendMode" label="发送时间" required>
              <Radio.Group
                data-testid="campaign-send-mode"
                onChange={(event) => {
                  if (event.target.value === 'schedule' && !form.getFieldValue('scheduledAt')) form.setFieldValue('scheduledAt', defaultSendTime());
                }}
              >
                <Radio value="draft" data-testid="campaign-send-mode-draft">
                  保存为草稿，稍后排期
                </Radio>
                <Radio value="schedule" data-testid="campaign-send-mode-schedule">
                  定时发送
                </Radio>
              </Radio.Group>
            </Form.Item>
            {sendMode === 'schedule' && (
              <Form.Item name="scheduledAt" required rules={[zodFieldRule(scheduleSchema, 'scheduledAt')]} extra="北京时间；到点后系统自动发送">
                <DatePicker {...SEND_TIME_PICKER} style={{ width: 240 }} data-testid="campaign-scheduled-at" />
              </Form.Item>
            )}
            <Space>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="campaign-form-submit">
                {sendMode === 'schedule' ? '保存并排期' : '保存草稿'}
              </Button>
              <Button onClick={() => navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns')}>取消</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={9} style={{ position: 'sticky', top: 16 }}>
        <CampaignMessagePreview
          channel={values?.channel}
          title={values?.title}
          content={values?.content}
          bonusPoints={values?.bonusPoints ?? 0}
          audience={segment && segment.count !== null ? { name: segment.name, count: segment.count, holdoutPercent: values?.holdoutPercent ?? 0 } : undefined}
        />
      </Col>
    </Row>
  );
}
