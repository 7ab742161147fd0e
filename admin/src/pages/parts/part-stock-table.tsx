import { Button, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { PartStock } from '../../api/service';
import { formatFen } from '../../money-format';

/** Tomorrow's bookings need more than the shelf holds. */
export const isShort = (part: PartStock) => part.quantity < part.neededTomorrow;

interface PartStockTableProps {
  parts: PartStock[];
  loading: boolean;
  filtered: boolean;
  onReceive: (part: PartStock) => void;
  onMovements: (part: PartStock) => void;
}

export function PartStockTable({ parts, loading, filtered, onReceive, onMovements }: PartStockTableProps) {
  const columns: TableColumnsType<PartStock> = [
    {
      title: '编码',
      dataIndex: 'code',
      width: 200,
      render: (_, part) => <Typography.Text style={{ fontFamily: 'monospace' }}>{part.code}</Typography.Text>,
    },
    { title: '名称', dataIndex: 'name', ellipsis: true },
    { title: '单位', dataIndex: 'unit', width: 70 },
    { title: '单价', dataIndex: 'priceFen', width: 110, align: 'right', render: (_, part) => formatFen(part.priceFen) },
    {
      title: '库存',
      dataIndex: 'quantity',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.quantity - b.quantity,
      render: (_, part) => (
        <Typography.Text strong type={part.quantity === 0 ? 'danger' : undefined} data-testid="part-quantity">
          {part.quantity}
        </Typography.Text>
      ),
    },
    {
      title: '明日需用',
      dataIndex: 'neededTomorrow',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.neededTomorrow - b.neededTomorrow,
      render: (_, part) => (part.neededTomorrow > 0 ? part.neededTomorrow : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      title: '状态',
      key: 'state',
      width: 120,
      render: (_, part) =>
        isShort(part) ? (
          <Tag color="red" data-testid="part-short">
            缺 {part.neededTomorrow - part.quantity}
          </Tag>
        ) : part.quantity === 0 ? (
          <Tag>无库存</Tag>
        ) : (
          <Tag color="green">充足</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, part) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onReceive(part)} data-testid={`part-receive-${part.code}`}>
            入库
          </Button>
          <Button type="link" size="small" onClick={() => onMovements(part)}>
            流水
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<PartStock>
      data-testid="part-stock-table"
      rowKey="partId"
      size="middle"
      columns={columns}
      dataSource={parts}
      loading={loading}
      scroll={{ x: 900 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (total) => `共 ${total} 种` }}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的配件' : '还没有配件'} /> }}
    />
  );
}
