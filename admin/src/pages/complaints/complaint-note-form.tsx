import { Alert, App, Button, Card, Flex, Form, Input, Radio } from 'antd';
import { z } from 'zod';
import {
  addComplaintNote,
  addComplaintNoteSchema,
  COMPLAINT_NEXT_STATUSES,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  MAX_NOTE_LENGTH,
  type ComplaintDetail,
  type ComplaintStatus,
} from '../../api/feedback';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { zodFieldRule } from '../../zod-form-rule';

/** Keep the status as it is: a note on the way (called the customer, waiting for parts…). */
const KEEP = 'KEEP';
type NextChoice = typeof KEEP | ComplaintStatus;

interface NoteFormValues {
  note?: string;
  next?: NextChoice;
  resolution?: string;
}

const { shape } = addComplaintNoteSchema;

const noteFormSchema = z
  .object({
    note: shape.note,
    next: z.enum([KEEP, ...COMPLAINT_STATUSES]),
    resolution: shape.resolution,
  })
  .refine((values) => values.next !== 'RESOLVED' || Boolean(values.resolution?.trim()), {
    path: ['resolution'],
    message: '标记为已解决须填写处理结果（为客户做了什么）',
  });

const FIELD_OF: Record<string, keyof NoteFormValues> = { note: 'note', status: 'next', resolution: 'resolution' };

/** What moving from one status to another is called at the desk. */
function moveLabel(from: ComplaintStatus, to: ComplaintStatus): string {
  if (to === 'IN_PROGRESS') return from === 'OPEN' ? '开始处理' : '重新打开';
  if (to === 'RESOLVED') return '标记已解决';
  if (to === 'CLOSED') return '关闭工单';
  return COMPLAINT_STATUS_LABELS[to];
}

interface ComplaintNoteFormProps {
  complaint: ComplaintDetail;
  onSaved: (complaint: ComplaintDetail) => void;
  /** After a refusal that means the page is out of date (someone else moved the ticket meanwhile). */
  onStale: () => void;
}

/** 添加处理记录: a note, optionally moving the ticket on; resolving it needs what was done for the customer. */
export function ComplaintNoteForm({ complaint, onSaved, onStale }: ComplaintNoteFormProps) {
  const [form] = Form.useForm<NoteFormValues>();
  const { message } = App.useApp();
  const next = Form.useWatch('next', form);
  const moves = COMPLAINT_NEXT_STATUSES[complaint.status];
  const fieldRules = (field: keyof NoteFormValues) => [zodFieldRule(noteFormSchema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: NoteFormValues) => {
      const parsed = noteFormSchema.parse(values);
      const status = parsed.next === KEEP ? undefined : parsed.next;
      const saved = await addComplaintNote(complaint.id, {
        note: parsed.note,
        status,
        resolution: status === 'RESOLVED' ? parsed.resolution : undefined,
      });
      message.success(status ? `已记录，工单变为「${COMPLAINT_STATUS_LABELS[saved.status]}」` : '已添加处理记录');
      onSaved(saved);
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (error) => {
        if (error.code === 'RESOLUTION_REQUIRED') form.setFields([{ name: 'resolution', errors: [error.message] }]);
        if (error.code === 'COMPLAINT_TRANSITION_INVALID') onStale();
      },
    },
  );

  return (
    <Card title="添加处理记录" size="small" data-testid="complaint-note-card">
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid="complaint-note-error" />}
      <Form<NoteFormValues> form={form} name="complaint-note" layout="vertical" data-testid="complaint-note-form" initialValues={{ next: KEEP }} onFinish={onFinish}>
        <Form.Item name="note" label="处理记录" required rules={fieldRules('note')}>
          <Input.TextArea rows={3} maxLength={MAX_NOTE_LENGTH} showCount placeholder="如 已致电客户致歉，约定周六到店复检" data-testid="complaint-note-text" />
        </Form.Item>
        <Form.Item name="next" label="工单状态" rules={fieldRules('next')} extra={moves.length === 0 ? '工单已关闭，只能补充记录' : undefined}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="complaint-note-status"
            options={[
              { value: KEEP, label: `保持「${COMPLAINT_STATUS_LABELS[complaint.status]}」` },
              ...moves.map((to) => ({ value: to, label: moveLabel(complaint.status, to) })),
            ]}
          />
        </Form.Item>
        {next === 'RESOLVED' && (
          <Form.Item name="resolution" label="处理结果" required rules={fieldRules('resolution')} extra="客户在小程序中可以看到处理结果">
            <Input.TextArea rows={3} maxLength={MAX_NOTE_LENGTH} showCount placeholder="如 免费更换雨刮并赠送一次洗车，客户表示满意" data-testid="complaint-note-resolution" />
          </Form.Item>
        )}
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={saving} data-testid="complaint-note-submit">
            提交
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
