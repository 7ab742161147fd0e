import { Button, Empty, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { isCampaignEditable, type Campaign } from '../../api/marketing';
import { formatShanghaiTime } from '../../shanghai-time';
import { formatCount } from '../segments/segment-conditions';
import { ChannelTag } from '../../components/automation-tags';
import { CampaignStatusTag } from './campaign-tags';

interface CampaignTableProps {
  campaigns: Campaign[];
  loading: boolean;
  filtered: boolean;
  canManage: boolean;
}

/** When it goes (or went) out: the launch once sent, the plan before. */
function sendTime(campaign: Campaign) {
  if (campaign.launchedAt) return <span>{formatShanghaiTime(campaign.launchedAt)}</span>;
  if (campaign.scheduledAt) {
    return (
      <Typography.Text type={campaign.status === 'CANCELLED' ? 'secondary' : undefined} delete={campaign.status === 'CANCELLED'}>
        {formatShanghaiTime(campaign.scheduledAt)}
      </Typography.Text>
    );
  }
  return <Typography.Text type="secondary">未排期</Typography.Text>;
}

export function CampaignTable({ campaigns, loading, filtered, canManage }: CampaignTableProps) {
  const navigate = useNavigate();
  const columns: TableColumnsType<Campaign> = [
    {
      title: '活动',
      dataIndex: 'name',
      render: (_, campaign) => (
        <Flex vertical gap={0}>
          <Link to={`/campaigns/${campaign.id}`} onClick={(event) => event.stopPropagation()} data-testid="campaign-name">
            {campaign.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: campaign.title }}>
            {campaign.title}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '人群',
      key: 'segment',
      width: 160,
      ellipsis: true,
      render: (_, campaign) => (
        <Link to={`/segments/${campaign.segment.id}`} onClick={(event) => event.stopPropagation()}>
          {campaign.segment.name}
        </Link>
      ),
    },
    { title: '渠道', dataIndex: 'channel', width: 130, render: (_, campaign) => <ChannelTag channel={campaign.channel} /> },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, campaign) => <CampaignStatusTag status={campaign.status} /> },
    { title: '发送时间', key: 'sendTime', width: 150, render: (_, campaign) => sendTime(campaign) },
    {
      title: '发送组 / 对照组 / 已发送',
      key: 'numbers',
      width: 190,
      align: 'right',
      render: (_, campaign) =>
        campaign.launchedAt ? (
          <span data-testid="campaign-numbers">
            {formatCount(campaign.recipients)} / {formatCount(campaign.holdout)} / {formatCount(campaign.sent)}
          </span>
        ) : (
          <Typography.Text type="secondary" data-testid="campaign-numbers">
            对照组 {campaign.holdoutPercent}%
          </Typography.Text>
        ),
    },
    { title: '创建人', key: 'createdBy', width: 100, render: (_, campaign) => campaign.createdBy.name },
  ];

  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, campaign) => (
        <Space size={0} onClick={(event) => event.stopPropagation()}>
          <Button type="link" size="small" onClick={() => navigate(`/campaigns/${campaign.id}`)}>
            效果
          </Button>
          {isCampaignEditable(campaign.status) && (
            <Button type="link" size="small" onClick={() => navigate(`/campaigns/${campaign.id}/edit`)} data-testid={`campaign-edit-${campaign.id}`}>
              编辑
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Table<Campaign>
      data-testid="campaign-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={campaigns}
      loading={loading}
      scroll={{ x: 1100 }}
      onRow={(campaign) => ({ onClick: () => navigate(`/campaigns/${campaign.id}`), style: { cursor: 'pointer' } })}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (total) => `共 ${total} 个活动` }}
      locale={{
        emptyText: (
          <Empty description={filtered ? '没有该状态的活动' : canManage ? '还没有营销活动，点击「新建活动」向人群发送第一条消息' : '还没有营销活动'} />
        ),
      }}
    />
  );
}
