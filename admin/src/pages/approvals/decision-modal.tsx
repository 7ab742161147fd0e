import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { z } from 'zod';
import { decideQuote, decisionNoteSchema, type ApprovalItem } from '../../api/approvals';
import { toApiError, type ApiError } from '../../api/client';
import { formatBasisPoints, formatFen } from '../../money-format';
import { zodFieldRule } from '../../zod-form-rule';

const decisionFormSchema = z.object({ note: decisionNoteSchema.optional() });

interface DecisionModalProps {
  quote: ApprovalItem;
  decision: 'approve' | 'reject';
  onClose: () => void;
  onDecided: () => void;
}

/** 批准 / 驳回 a discount, with an optional note the consultant will read on the lead. */
export function DecisionModal({ quote, decision, onClose, onDecided }: DecisionModalProps) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError>();
  const approving = decision === 'approve';

  async function save(values: { note?: string }) {
    setSaving(true);
    setSaveError(undefined);
    try {
      await decideQuote(quote.id, decision, values.note);
      message.success(approving ? `已批准 ${quote.lead.name} 的报价折扣` : `已驳回 ${quote.lead.name} 的报价折扣`);
      onDecided();
    } catch (error) {
      setSaveError(toApiError(error));
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={approving ? '批准折扣' : '驳回折扣'}
      okText={approving ? '批准' : '驳回'}
      okButtonProps={{ danger: !approving, 'data-testid': 'decision-submit' }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={form.submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} />}
      <Descriptions
        size="small"
        column={2}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'lead', label: '客户', children: quote.lead.name },
          { key: 'consultant', label: '顾问', children: quote.createdBy.name },
          { key: 'trim', label: '车型', span: 2, children: `${quote.trim.modelName} ${quote.trim.name}` },
          { key: 'msrp', label: '指导价', children: formatFen(quote.msrpFen) },
          { key: 'discount', label: '优惠', children: `${formatFen(quote.discountFen)}（${formatBasisPoints(quote.discountBp)}）` },
          { key: 'total', label: '报价合计', children: formatFen(quote.totalFen) },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="note" label="审批意见" rules={[zodFieldRule(decisionFormSchema, 'note')]}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={approving ? '选填，如 本月冲量，同意' : '建议写明原因，如 优惠过大，最多 3%'}
            data-testid="decision-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
