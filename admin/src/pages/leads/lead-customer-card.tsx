import { Card, Descriptions, Typography, type DescriptionsProps } from 'antd';
import { LEAD_SOURCE_LABELS, LOST_REASON_LABELS, type LeadDetail } from '../../api/leads';
import { RevealMobile } from '../../components/reveal-mobile';
import { formatBudget } from '../../money-format';
import { formatShanghaiTime } from '../../shanghai-time';

const NOT_RECORDED = <Typography.Text type="secondary">未记录</Typography.Text>;

/** 客户信息: who the customer is, what they want, and how the lead came in. */
export function LeadCustomerCard({ lead }: { lead: LeadDetail }) {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'name', label: '客户姓名', children: lead.name },
    { key: 'mobile', label: '手机号', children: <RevealMobile mobile={lead.mobile} path={`/leads/${lead.id}/reveal-mobile`} data-testid="lead-mobile" /> },
    { key: 'source', label: '来源', children: LEAD_SOURCE_LABELS[lead.source] },
    { key: 'store', label: '门店', children: lead.store.name },
    { key: 'consultant', label: '顾问', children: lead.assignedTo?.name ?? <Typography.Text type="warning">待分配</Typography.Text> },
    { key: 'model', label: '意向车型', children: lead.intendedModel?.name ?? NOT_RECORDED },
    { key: 'budget', label: '预算', children: formatBudget(lead.budgetMin, lead.budgetMax) },
    { key: 'createdAt', label: '创建时间', children: formatShanghaiTime(lead.createdAt) },
    { key: 'firstContactedAt', label: '首次联系', children: formatShanghaiTime(lead.firstContactedAt, '尚未联系') },
    { key: 'lastContactedAt', label: '最近联系', children: formatShanghaiTime(lead.lastContactedAt, '尚未联系') },
    { key: 'needsBudget', label: '需求·预算', children: lead.needs?.budget || NOT_RECORDED },
    { key: 'needsUse', label: '需求·用途', children: lead.needs?.use || NOT_RECORDED },
    { key: 'needsConcerns', label: '需求·顾虑', span: 2, children: lead.needs?.concerns || NOT_RECORDED },
  ];
  if (lead.testDriveFeedback) {
    items.push({ key: 'feedback', label: '试驾反馈', span: 2, children: lead.testDriveFeedback });
  }
  if (lead.stage === 'LOST') {
    items.push({
      key: 'lost',
      label: '战败原因',
      span: 2,
      children: (
        <Typography.Text type="danger">
          {lead.lostReason ? LOST_REASON_LABELS[lead.lostReason] : '未注明'}
          {lead.lostNote ? `：${lead.lostNote}` : ''}
        </Typography.Text>
      ),
    });
  }
  if (lead.note) items.push({ key: 'note', label: '备注', span: 2, children: lead.note });

  return (
    <Card title="客户信息" size="small" data-testid="lead-customer-card">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />
    </Card>
  );
}
