import { Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Paged } from '../../api/client';
import type { WorkOrderListQuery, WorkOrderSummary } from '../../api/service';
import { ServiceTypeTag, WorkOrderStatusTag } from '../../components/service-tags';
import { formatKm } from '../../mileage-format';
import { formatFen } from '../../money-format';
import { formatShanghaiTime } from '../../shanghai-time';
import { listPagination } from '../../hooks/use-list-query';
import { PlateText } from '../vehicles/vehicle-table';

interface WorkOrderTableProps {
  page: Paged<WorkOrderSummary> | undefined;
  query: WorkOrderListQuery;
  loading: boolean;
  showStore: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

export function WorkOrderTable({ page, query, loading, showStore, filtered, onPageChange }: WorkOrderTableProps) {
  const navigate = useNavigate();
  const columns: TableColumnsType<WorkOrderSummary> = [
    {
      title: '工单',
      dataIndex: 'id',
      width: 80,
      render: (_, order) => (
        <Link to={`/service/work-orders/${order.id}`} onClick={(event) => event.stopPropagation()}>
          #{order.id}
        </Link>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, order) => <WorkOrderStatusTag status={order.status} /> },
    { title: '类型', dataIndex: 'serviceType', width: 80, render: (_, order) => <ServiceTypeTag type={order.serviceType} /> },
    {
      title: '车辆',
      dataIndex: 'vehicle',
      width: 170,
      render: (_, order) => (
        <Flex vertical gap={0}>
          <PlateText plate={order.vehicle.plate} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {order.vehicle.model.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '客户',
      dataIndex: 'customer',
      width: 130,
      render: (_, order) => (
        <Flex vertical gap={0}>
          <span>{order.customer.name ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {order.customer.mobile ?? ''}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(showStore
      ? [{ title: '门店', dataIndex: 'store', width: 140, ellipsis: true, render: (_: unknown, order: WorkOrderSummary) => order.store.name }]
      : []),
    { title: '服务顾问', dataIndex: 'advisor', width: 100, render: (_, order) => order.advisor.name },
    { title: '进厂里程', dataIndex: 'checkInMileage', width: 110, align: 'right', render: (_, order) => formatKm(order.checkInMileage) },
    {
      title: '金额',
      dataIndex: 'totalFen',
      width: 120,
      align: 'right',
      render: (_, order) => <Typography.Text strong={order.status === 'SETTLED'}>{formatFen(order.totalFen)}</Typography.Text>,
    },
    { title: '接车时间', dataIndex: 'checkedInAt', width: 135, render: (_, order) => formatShanghaiTime(order.checkedInAt) },
    { title: '结算时间', dataIndex: 'settledAt', width: 135, render: (_, order) => formatShanghaiTime(order.settledAt) },
  ];

  return (
    <Table<WorkOrderSummary>
      data-testid="work-order-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1150 }}
      onRow={(order) => ({ onClick: () => navigate(`/service/work-orders/${order.id}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的工单' : '还没有工单：在「明日到店」或「预约日历」接车后生成'} /> }}
      pagination={listPagination(query, page?.total, onPageChange, '张')}
    />
  );
}
