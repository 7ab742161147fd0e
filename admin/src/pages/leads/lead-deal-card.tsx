import { Card, Descriptions, type DescriptionsProps } from 'antd';
import type { LeadDetail } from '../../api/leads';
import { formatFen } from '../../money-format';
import { formatShanghaiTime } from '../../shanghai-time';

/** 订单与交车: shown once the lead has an order. */
export function LeadDealCard({ lead }: { lead: LeadDetail }) {
  if (!lead.order && !lead.delivery) return null;
  const items: NonNullable<DescriptionsProps['items']> = [];
  if (lead.order) {
    items.push(
      { key: 'price', label: '成交价', children: formatFen(lead.order.priceFen) },
      { key: 'deposit', label: '定金', children: formatFen(lead.order.depositFen) },
      { key: 'finance', label: '金融方案', children: lead.order.financePlan ?? '—' },
      { key: 'signedAt', label: '下订时间', children: formatShanghaiTime(lead.order.signedAt) },
    );
  }
  if (lead.delivery) {
    items.push(
      { key: 'vin', label: '车架号', children: <span style={{ fontFamily: 'monospace' }}>{lead.delivery.vin}</span> },
      { key: 'deliveredAt', label: '交车时间', children: formatShanghaiTime(lead.delivery.deliveredAt) },
    );
  }
  return (
    <Card title="订单与交车" size="small" data-testid="lead-deal-card">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
