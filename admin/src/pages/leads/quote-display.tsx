import { Tag } from 'antd';
import { APPROVAL_STATUS_LABELS, type ApprovalStatus, type Quote } from '../../api/leads';

const APPROVAL_STATUS_COLORS: Record<ApprovalStatus, string> = {
  NOT_REQUIRED: 'default',
  PENDING: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
};

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  return (
    <Tag color={APPROVAL_STATUS_COLORS[status]} data-testid="approval-status">
      {APPROVAL_STATUS_LABELS[status]}
    </Tag>
  );
}

/** How a quote is named in pickers and lists: 报价 #12 曙光 L 轿车 豪华版 */
export function quoteTitle(quote: Pick<Quote, 'id' | 'trim'>): string {
  return `报价 #${quote.id} ${quote.trim.modelName} ${quote.trim.name}`;
}
