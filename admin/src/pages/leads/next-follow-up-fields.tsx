import { AutoComplete, Col, DatePicker, Form, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import { nextFollowUpSchema, type LeadStage, type NextFollowUpInput } from '../../api/leads';
import { shanghaiNow, shanghaiWallClock, shanghaiWallClockToIso } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';

/** The picked time (Shanghai wall clock) of the next follow-up, which must lie in the future. */
const dueAtField = z
  .custom<Dayjs>((value) => dayjs.isDayjs(value) && value.isValid(), { error: '请选择下次跟进时间' })
  .refine((picked) => dayjs(shanghaiWallClockToIso(picked)).isAfter(dayjs()), '下次跟进时间必须晚于现在');

/** The two fields as a form holds them; parsing gives the request's `nextFollowUp`. */
export const nextFollowUpFormSchema = z
  .object({ dueAt: dueAtField, purpose: nextFollowUpSchema.shape.purpose })
  .transform(({ dueAt, purpose }): NextFollowUpInput => ({ dueAt: shanghaiWallClockToIso(dueAt), purpose }));

export interface NextFollowUpFormValues {
  dueAt?: Dayjs;
  purpose?: string;
}

/** Tomorrow 10:00 in Shanghai: the usual next call, one click away. */
export function defaultDueAt(): Dayjs {
  return shanghaiWallClock(shanghaiNow().add(1, 'day').hour(10).minute(0).second(0));
}

/** What the next contact is usually for, by the stage the lead is moving to. */
const PURPOSES_BY_STAGE: Partial<Record<LeadStage, string[]>> = {
  NEW: ['首次联系，了解购车需求'],
  CONTACTED: ['邀约到店看车', '发送车型资料并回访'],
  INVITED: ['确认到店时间并安排试驾'],
  TEST_DRIVEN: ['回访试驾感受并报价'],
  QUOTED: ['跟进报价，促成下订'],
  ORDERED: ['确认车辆到店与交车时间'],
};
const COMMON_PURPOSES = ['电话回访，了解考虑进度', '邀约到店看车'];

function purposeSuggestions(stage: LeadStage | undefined): { value: string }[] {
  const purposes = [...(stage ? (PURPOSES_BY_STAGE[stage] ?? []) : []), ...COMMON_PURPOSES];
  return [...new Set(purposes)].map((value) => ({ value }));
}

const disabledBeforeToday = (current: Dayjs) => current.isBefore(shanghaiWallClock(shanghaiNow()).startOf('day'));

interface NextFollowUpFieldsProps {
  /** The stage the lead will be in, for the purpose suggestions. */
  stage: LeadStage | undefined;
}

/**
 * 下次跟进: when (Shanghai time) and what for. Every stage change needs one, except closing a lead.
 * Render it only when the next follow-up is wanted: its rules make both fields required.
 */
export function NextFollowUpFields({ stage }: NextFollowUpFieldsProps) {
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Form.Item name="dueAt" label="下次跟进时间" required rules={[zodFieldRule(nextFollowUpFormSchema, 'dueAt')]}>
          <DatePicker
            data-testid="next-follow-up-due"
            // Steps of 5 minutes are plenty for planning a call.
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={disabledBeforeToday}
            style={{ width: '100%' }}
            placeholder="选择时间"
          />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item name="purpose" label="跟进目的" required rules={[zodFieldRule(nextFollowUpFormSchema, 'purpose')]}>
          <AutoComplete options={purposeSuggestions(stage)} placeholder="如 邀约到店看车" maxLength={255} data-testid="next-follow-up-purpose" />
        </Form.Item>
      </Col>
    </Row>
  );
}
