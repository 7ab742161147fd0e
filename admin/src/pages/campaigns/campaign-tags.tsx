import { Tag } from 'antd';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../api/marketing';

const STATUS_COLORS: Record<CampaignStatus, string> = {
  DRAFT: 'default',
  SCHEDULED: 'blue',
  SENDING: 'processing',
  SENT: 'green',
  CANCELLED: 'red',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="campaign-status" data-status={status}>
      {CAMPAIGN_STATUS_LABELS[status]}
    </Tag>
  );
}
