import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { PointsLot } from '../../api/loyalty';
import { formatPoints } from '../../points-format';
import { formatShanghaiDate, formatShanghaiTime, isPast } from '../../shanghai-time';

type LotState = 'live' | 'spent' | 'expired';

function lotState(lot: PointsLot): LotState {
  if (isPast(lot.expiresAt)) return 'expired';
  return lot.remaining === 0 ? 'spent' : 'live';
}

const LOT_STATE_TAGS: Record<LotState, { label: string; color: string }> = {
  live: { label: '有效', color: 'green' },
  spent: { label: '已用完', color: 'default' },
  expired: { label: '已过期', color: 'default' },
};

/** 积分批次: each credit is a lot that lives 24 months and is spent first-expiring-first; dead lots are greyed. */
export function PointsLotsTab({ lots }: { lots: PointsLot[] }) {
  const columns: TableColumnsType<PointsLot> = [
    { title: '获得时间', dataIndex: 'createdAt', width: 150, render: (_, lot) => formatShanghaiTime(lot.createdAt) },
    { title: '说明', dataIndex: 'reason', ellipsis: true },
    { title: '积分', dataIndex: 'points', width: 100, align: 'right', render: (_, lot) => formatPoints(lot.points) },
    {
      title: '剩余',
      dataIndex: 'remaining',
      width: 100,
      align: 'right',
      render: (_, lot) => <Typography.Text strong={lotState(lot) === 'live'}>{formatPoints(lot.remaining)}</Typography.Text>,
    },
    { title: '到期日', dataIndex: 'expiresAt', width: 120, render: (_, lot) => formatShanghaiDate(lot.expiresAt) },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_, lot) => {
        const state = lotState(lot);
        const { label, color } = LOT_STATE_TAGS[state];
        return (
          <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid="points-lot-state" data-state={state}>
            {label}
          </Tag>
        );
      },
    },
  ];

  return (
    <Table<PointsLot>
      data-testid="points-lots"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={lots}
      scroll={{ x: 700 }}
      onRow={(lot) => ({ style: lotState(lot) === 'live' ? undefined : { opacity: 0.45 } })}
      locale={{ emptyText: <Empty description="还没有积分批次" /> }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
    />
  );
}
