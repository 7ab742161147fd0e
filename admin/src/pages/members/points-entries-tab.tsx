import { Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { PointsEntry } from '../../api/loyalty';
import { PointsEntryTypeTag } from '../../components/loyalty-tags';
import { formatPoints, formatSignedPoints } from '../../points-format';
import { formatShanghaiTime } from '../../shanghai-time';

/** The member detail answers with the latest 200 entries. */
const ENTRY_LIMIT = 200;

/** 积分流水: every movement of the member's points, newest first, with the balance after it. */
export function PointsEntriesTab({ entries }: { entries: PointsEntry[] }) {
  const columns: TableColumnsType<PointsEntry> = [
    { title: '时间', dataIndex: 'createdAt', width: 150, render: (_, entry) => formatShanghaiTime(entry.createdAt) },
    { title: '类型', dataIndex: 'type', width: 100, render: (_, entry) => <PointsEntryTypeTag type={entry.type} /> },
    {
      title: '积分',
      dataIndex: 'points',
      width: 110,
      align: 'right',
      render: (_, entry) => (
        <Typography.Text strong type={entry.points > 0 ? 'success' : 'danger'} data-testid="points-entry-points">
          {formatSignedPoints(entry.points)}
        </Typography.Text>
      ),
    },
    {
      title: '变动后余额',
      dataIndex: 'balanceAfter',
      width: 120,
      align: 'right',
      render: (_, entry) => <span data-testid="points-entry-balance">{formatPoints(entry.balanceAfter)}</span>,
    },
    { title: '说明', dataIndex: 'reason', ellipsis: true },
  ];

  return (
    <Table<PointsEntry>
      data-testid="points-entries"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      scroll={{ x: 700 }}
      locale={{ emptyText: <Empty description="还没有积分流水" /> }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], hideOnSinglePage: true }}
      footer={entries.length >= ENTRY_LIMIT ? () => <Typography.Text type="secondary">仅显示最近 {ENTRY_LIMIT} 条流水</Typography.Text> : undefined}
    />
  );
}
