import { Card, Empty, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { ServiceRecord, ServiceRecordLine, VehicleFile } from '../../api/vehicles';
import { ServiceBookingStatusTag, ServiceTypeTag, WorkOrderStatusTag } from '../../components/service-tags';
import { formatKm } from '../../mileage-format';
import { formatFen } from '../../money-format';
import { formatShanghaiDate, formatShanghaiTime } from '../../shanghai-time';

/** 维修记录: what is under way (open work orders, upcoming bookings), then every finished visit, newest first. */
export function ServiceRecordsTab({ vehicle }: { vehicle: VehicleFile }) {
  const openOrders = vehicle.workOrders.filter((order) => order.status !== 'SETTLED');
  const upcoming = vehicle.bookings.filter((booking) => booking.status === 'CONFIRMED');
  const records = [...vehicle.serviceRecords].sort((a, b) => Date.parse(b.servicedAt) - Date.parse(a.servicedAt));

  return (
    <Flex vertical gap={16}>
      {(openOrders.length > 0 || upcoming.length > 0) && (
        <Card size="small" title="进行中" data-testid="vehicle-open-work">
          <Flex vertical gap={8}>
            {openOrders.map((order) => (
              <Space key={`order-${order.id}`} size={12} wrap>
                <Link to={`/service/work-orders/${order.id}`}>工单 #{order.id}</Link>
                <WorkOrderStatusTag status={order.status} />
                <Typography.Text type="secondary">
                  {order.store.name} · {formatShanghaiTime(order.checkedInAt)} 接车 · {formatFen(order.totalFen)}
                </Typography.Text>
              </Space>
            ))}
            {upcoming.map((booking) => (
              <Space key={`booking-${booking.id}`} size={12} wrap>
                <span>预约 {formatShanghaiTime(booking.startAt)}</span>
                <ServiceTypeTag type={booking.serviceType} />
                <ServiceBookingStatusTag status={booking.status} />
                <Typography.Text type="secondary">{booking.store.name}</Typography.Text>
              </Space>
            ))}
          </Flex>
        </Card>
      )}
      {records.length === 0 ? (
        <Card size="small">
          <Empty description="还没有维修保养记录" data-testid="service-records-empty" />
        </Card>
      ) : (
        records.map((record) => <ServiceRecordCard key={record.id} record={record} />)
      )}
    </Flex>
  );
}

const lineTotal = (line: ServiceRecordLine) => line.labourFen + line.parts.reduce((sum, part) => sum + part.amountFen, 0);

function ServiceRecordCard({ record }: { record: ServiceRecord }) {
  const columns: TableColumnsType<ServiceRecordLine> = [
    { title: '项目', dataIndex: 'name', width: 180 },
    { title: '工时费', dataIndex: 'labourFen', width: 120, align: 'right', render: (_, line) => formatFen(line.labourFen) },
    {
      title: '配件',
      key: 'parts',
      render: (_, line) =>
        line.parts.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical gap={0}>
            {line.parts.map((part) => (
              <span key={part.name}>
                {part.name} × {part.quantity} <Typography.Text type="secondary">{formatFen(part.amountFen)}</Typography.Text>
              </span>
            ))}
          </Flex>
        ),
    },
    { title: '小计', key: 'total', width: 120, align: 'right', render: (_, line) => formatFen(lineTotal(line)) },
  ];

  return (
    <Card
      size="small"
      data-testid="service-record"
      data-work-order-id={record.workOrderId ?? undefined}
      title={
        <Space size={12} wrap>
          <span>{formatShanghaiDate(record.servicedAt)}</span>
          <ServiceTypeTag type={record.serviceType} />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {record.store.name} · 进厂里程 {formatKm(record.mileageKm)}
          </Typography.Text>
        </Space>
      }
      extra={record.workOrderId ? <Link to={`/service/work-orders/${record.workOrderId}`}>工单 #{record.workOrderId}</Link> : undefined}
    >
      <Table<ServiceRecordLine>
        rowKey={(line) => line.name}
        size="small"
        columns={columns}
        dataSource={record.lines}
        pagination={false}
        locale={{ emptyText: '无明细' }}
      />
      <Flex justify="end" gap={24} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">工时费 {formatFen(record.labourFen)}</Typography.Text>
        <Typography.Text type="secondary">配件费 {formatFen(record.partsFen)}</Typography.Text>
        <Typography.Text strong data-testid="service-record-total">
          合计 {formatFen(record.totalFen)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
