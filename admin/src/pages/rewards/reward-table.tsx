import { useState } from 'react';
import { Button, Empty, Flex, Popconfirm, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { isCouponKind, type AdminReward } from '../../api/loyalty';
import { RewardKindTag } from '../../components/loyalty-tags';
import { formatFen } from '../../money-format';
import { formatPoints } from '../../points-format';

interface RewardTableProps {
  rewards: AdminReward[];
  loading: boolean;
  filtered: boolean;
  /** Present for those who manage the catalogue; without it the table is read-only. */
  manage?: {
    onEdit: (reward: AdminReward) => void;
    onStock: (reward: AdminReward) => void;
    onToggleActive: (reward: AdminReward) => Promise<void>;
  };
}

/** A coupon's face value and how long it lasts once redeemed; merchandise has neither. */
function couponTerms(reward: AdminReward): string {
  if (!isCouponKind(reward.kind)) return '—';
  const value = reward.valueFen === null ? '未设面值' : formatFen(reward.valueFen);
  return `${value} · ${reward.couponDays ?? 90} 天有效`;
}

export function RewardTable({ rewards, loading, filtered, manage }: RewardTableProps) {
  const columns: TableColumnsType<AdminReward> = [
    { title: '排序', dataIndex: 'sortOrder', width: 70, align: 'right' },
    {
      title: '编码',
      dataIndex: 'code',
      width: 140,
      render: (_, reward) => <Typography.Text style={{ fontFamily: 'monospace' }}>{reward.code}</Typography.Text>,
    },
    {
      title: '礼品',
      dataIndex: 'name',
      render: (_, reward) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{reward.name}</Typography.Text>
          {reward.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: reward.description }}>
              {reward.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 90, render: (_, reward) => <RewardKindTag kind={reward.kind} /> },
    { title: '所需积分', dataIndex: 'points', width: 100, align: 'right', render: (_, reward) => formatPoints(reward.points) },
    { title: '券面值 · 有效期', key: 'terms', width: 170, render: (_, reward) => couponTerms(reward) },
    {
      title: '库存',
      dataIndex: 'stock',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.stock - b.stock,
      render: (_, reward) => (
        <Typography.Text strong type={reward.stock === 0 ? 'danger' : undefined} data-testid="reward-stock">
          {formatPoints(reward.stock)}
        </Typography.Text>
      ),
    },
    {
      title: '已兑换',
      dataIndex: 'redeemed',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.redeemed - b.redeemed,
      render: (_, reward) => <span data-testid="reward-redeemed">{formatPoints(reward.redeemed)}</span>,
    },
    {
      title: '上架',
      dataIndex: 'active',
      width: 90,
      render: (_, reward) =>
        manage ? (
          <ActiveSwitch reward={reward} onToggle={manage.onToggleActive} />
        ) : reward.active ? (
          <Tag color="green">上架中</Tag>
        ) : (
          <Tag>已下架</Tag>
        ),
    },
  ];

  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, reward) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => manage.onEdit(reward)} data-testid={`reward-edit-${reward.code}`}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => manage.onStock(reward)} data-testid={`reward-stock-${reward.code}`}>
            补货/核减
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Table<AdminReward>
      data-testid="reward-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rewards}
      loading={loading}
      scroll={{ x: 1150 }}
      onRow={(reward) => ({ style: reward.active ? undefined : { opacity: 0.6 } })}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (total) => `共 ${total} 种礼品` }}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的礼品' : '还没有礼品，点击「新建礼品」上架第一件'} /> }}
    />
  );
}

/** Taking a reward off the shelf asks first: members stop seeing it at once. Putting it back does not. */
function ActiveSwitch({ reward, onToggle }: { reward: AdminReward; onToggle: (reward: AdminReward) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      await onToggle(reward);
    } finally {
      setBusy(false);
    }
  };
  const props = { checked: reward.active, loading: busy, checkedChildren: '上架', unCheckedChildren: '下架', 'data-testid': `reward-active-${reward.code}` };
  if (!reward.active) return <Switch {...props} onChange={() => void toggle()} />;
  return (
    <Popconfirm
      title={`下架「${reward.name}」？`}
      description="下架后会员在积分商城看不到也不能兑换；已兑换的券照常可用。"
      okText="下架"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={toggle}
    >
      <Switch {...props} />
    </Popconfirm>
  );
}
