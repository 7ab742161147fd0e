import { Progress, Table, Typography, type TableColumnsType } from 'antd';
import type { ChannelRow, ChurnRow, LeaderboardRow } from '../../api/analytics';
import { formatCount, formatPercent } from './kpi-format';

// The breakdowns as tables: every row, every column sortable, a click on a row opens the leads behind it.

/** Sorts a nullable rate with the rates that could not be worked out last. */
const byRate =
  <T,>(rateOf: (row: T) => number | null) =>
  (a: T, b: T) =>
    (rateOf(a) ?? -1) - (rateOf(b) ?? -1);

const byCount =
  <T,>(countOf: (row: T) => number) =>
  (a: T, b: T) =>
    countOf(a) - countOf(b);

function clickableRow<T>(onSelect: (row: T) => void) {
  return (row: T) => ({ onClick: () => onSelect(row), style: { cursor: 'pointer' } });
}

function RateCell({ rate }: { rate: number | null }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Progress percent={rate} size="small" format={() => formatPercent(rate)} style={{ minWidth: 110, margin: 0 }} />;
}

const LEADERBOARD_COUNTS: { key: keyof Pick<LeaderboardRow, 'newLeads' | 'contacts' | 'followUps' | 'testDrives' | 'ordersSigned'>; title: string }[] = [
  { key: 'newLeads', title: '新增线索' },
  { key: 'contacts', title: '联系客户数' },
  { key: 'followUps', title: '跟进次数' },
  { key: 'testDrives', title: '完成试驾' },
  { key: 'ordersSigned', title: '签约订单' },
];

export function LeaderboardTable({ rows, showStore, onSelect }: { rows: LeaderboardRow[]; showStore: boolean; onSelect: (row: LeaderboardRow) => void }) {
  const columns: TableColumnsType<LeaderboardRow> = [
    {
      title: '顾问',
      key: 'consultant',
      sorter: (a, b) => a.consultant.name.localeCompare(b.consultant.name, 'zh-CN'),
      render: (_, row) => <Typography.Link data-testid="leaderboard-consultant">{row.consultant.name}</Typography.Link>,
    },
    ...(showStore
      ? [{ title: '门店', key: 'store', sorter: (a: LeaderboardRow, b: LeaderboardRow) => (a.store?.name ?? '').localeCompare(b.store?.name ?? '', 'zh-CN'), render: (_: unknown, row: LeaderboardRow) => row.store?.name ?? '—' }]
      : []),
    ...LEADERBOARD_COUNTS.map(({ key, title }) => ({
      title,
      dataIndex: key,
      align: 'right' as const,
      sorter: byCount<LeaderboardRow>((row) => row[key]),
      // The server ranks by orders signed; the table opens that way, and any column can re-sort it.
      defaultSortOrder: key === 'ordersSigned' ? ('descend' as const) : undefined,
      render: (value: number) => formatCount(value),
    })),
    { title: '转化率', key: 'conversion', sorter: byRate<LeaderboardRow>((row) => row.conversion), render: (_, row) => <RateCell rate={row.conversion} /> },
  ];
  return (
    <Table<LeaderboardRow>
      data-testid="dashboard-leaderboard-table"
      size="small"
      rowKey={(row) => row.consultant.id}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={clickableRow(onSelect)}
    />
  );
}

export function ChannelTable({ rows, onSelect }: { rows: ChannelRow[]; onSelect: (row: ChannelRow) => void }) {
  const columns: TableColumnsType<ChannelRow> = [
    { title: '来源', key: 'source', render: (_, row) => <Typography.Link data-testid="channel-source">{row.label}</Typography.Link> },
    { title: '新增线索', dataIndex: 'leads', align: 'right', sorter: byCount<ChannelRow>((row) => row.leads), defaultSortOrder: 'descend', render: formatCount },
    { title: '已签约', dataIndex: 'ordered', align: 'right', sorter: byCount<ChannelRow>((row) => row.ordered), render: formatCount },
    { title: '转化率', key: 'conversion', sorter: byRate<ChannelRow>((row) => row.conversion), render: (_, row) => <RateCell rate={row.conversion} /> },
  ];
  return (
    <Table<ChannelRow>
      data-testid="dashboard-channel-table"
      size="small"
      rowKey="source"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={clickableRow(onSelect)}
    />
  );
}

export function ChurnTable({ rows, onSelect }: { rows: ChurnRow[]; onSelect: (row: ChurnRow) => void }) {
  const columns: TableColumnsType<ChurnRow> = [
    { title: '战败前阶段', dataIndex: 'stageLabel', sorter: (a, b) => a.stageLabel.localeCompare(b.stageLabel, 'zh-CN') },
    { title: '战败原因', key: 'reason', render: (_, row) => <Typography.Link data-testid="churn-reason">{row.reasonLabel}</Typography.Link> },
    { title: '线索数', dataIndex: 'count', align: 'right', sorter: byCount<ChurnRow>((row) => row.count), defaultSortOrder: 'descend', render: formatCount },
  ];
  return (
    <Table<ChurnRow>
      data-testid="dashboard-churn-table"
      size="small"
      rowKey={(row) => `${row.stage}|${row.reason}`}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
      onRow={clickableRow(onSelect)}
    />
  );
}
