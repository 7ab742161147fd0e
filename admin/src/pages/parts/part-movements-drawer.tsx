import { useCallback } from 'react';
import { Alert, Button, Drawer, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { listPartMovements, type PartMovement, type PartStock } from '../../api/service';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatShanghaiTime } from '../../shanghai-time';

interface PartMovementsDrawerProps {
  store: { id: number; name: string };
  /** One part's movements, or every part's when absent. */
  part?: PartStock;
  onClose: () => void;
}

/** 出入库流水: the latest 200 movements of the store's stock (入库 in, a settled work order out). */
export function PartMovementsDrawer({ store, part, onClose }: PartMovementsDrawerProps) {
  const partId = part?.partId;
  const load = useCallback((signal: AbortSignal) => listPartMovements({ storeId: store.id, partId }, signal), [store.id, partId]);
  const movements = useRemoteData(load);

  const columns: TableColumnsType<PartMovement> = [
    { title: '时间', dataIndex: 'createdAt', width: 140, render: (_, movement) => formatShanghaiTime(movement.createdAt) },
    ...(part
      ? []
      : [
          {
            title: '配件',
            key: 'part',
            render: (_: unknown, movement: PartMovement) => (
              <span>
                {movement.part.name}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {movement.part.code}
                </Typography.Text>
              </span>
            ),
          },
        ]),
    {
      title: '变动',
      dataIndex: 'delta',
      width: 80,
      align: 'right',
      render: (_, movement) => (
        <Typography.Text strong type={movement.delta < 0 ? 'danger' : 'success'}>
          {movement.delta > 0 ? `+${movement.delta}` : movement.delta}
        </Typography.Text>
      ),
    },
    {
      title: '原因',
      dataIndex: 'reason',
      render: (_, movement) =>
        movement.workOrderId ? <Link to={`/service/work-orders/${movement.workOrderId}`}>{movement.reason}</Link> : movement.reason,
    },
    { title: '操作人', dataIndex: 'staff', width: 90, render: (_, movement) => movement.staff?.name ?? '系统' },
  ];

  return (
    <Drawer open size={part ? 640 : 760} title={part ? `出入库流水 · ${part.name}（${part.code}）` : `出入库流水 · ${store.name}`} onClose={onClose}>
      {movements.error && !movements.data ? (
        <Alert
          type="error"
          showIcon
          title={`流水加载失败：${movements.error.message}`}
          action={
            <Button size="small" onClick={movements.reload}>
              重试
            </Button>
          }
        />
      ) : (
        <Table<PartMovement>
          data-testid="part-movements"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={movements.data ?? []}
          loading={movements.loading}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `最近 ${total} 条` }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有出入库记录" /> }}
        />
      )}
    </Drawer>
  );
}
