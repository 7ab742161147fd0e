import { App, Descriptions, Form, Input } from 'antd';
import { z } from 'zod';
import { decideQuote, decisionNoteSchema, type ApprovalItem } from '../../api/approvals';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
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
  const approving = decision === 'approve';
  const { saving, saveError, onFinish } = useFormSubmit(async (values: { note?: string }) => {
    await decideQuote(quote.id, decision, values.note);
    message.success(approving ? `已批准 ${quote.lead.name} 的报价折扣` : `已驳回 ${quote.lead.name} 的报价折扣`);
    onDecided();
  });

  return (
    <ModalForm
      title={approving ? '批准折扣' : '驳回折扣'}
      okText={approving ? '批准' : '驳回'}
      okButtonProps={{ danger: !approving }}
      submitTestId="decision-submit"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      onFinish={onFinish}
      summary={
        <>
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
        </>
      }
    >
      <Form.Item name="note" label="审批意见" rules={[zodFieldRule(decisionFormSchema, 'note')]}>
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={approving ? '选填，如 本月冲量，同意' : '建议写明原因，如 优惠过大，最多 3%'}
          data-testid="decision-note"
        />
      </Form.Item>
    </ModalForm>
  );
}
