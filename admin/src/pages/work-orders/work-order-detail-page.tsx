import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { WorkOrder } from '../../api/service';
import { BackButton } from '../../components/back-button';
import { RecordLoadError, RecordNotFound } from '../../components/record-load-error';
import { ServiceTypeTag, WorkOrderStatusTag } from '../../components/service-tags';
import { formatKm } from '../../mileage-format';
import { positiveInt } from '../../route-params';
import { formatShanghaiTime } from '../../shanghai-time';
import { PlateText } from '../vehicles/vehicle-table';
import { useWorkOrder } from './use-work-order';
import { WorkOrderLines } from './work-order-lines';
import { WorkOrderProgress } from './work-order-progress';

/** 工单详情 `/service/work-orders/:id`: the stepper with the next moves, the lines and the car and customer. */
export function WorkOrderDetailPage() {
  const workOrderId = positiveInt(useParams().id);
  if (workOrderId === undefined) {
    return (
      <RecordNotFound back={{ path: '/service/work-orders', label: '返回工单列表' }} />
    );
  }
  // Keyed by id so moving between orders never shows the previous order.
  return <WorkOrderDetailView key={workOrderId} workOrderId={workOrderId} />;
}

function WorkOrderDetailView({ workOrderId }: { workOrderId: number }) {
  const order = useWorkOrder(workOrderId);

  if (order.error && !order.data) {
    return (
      <RecordLoadError
        data-testid="work-order-error"
        error={order.error}
        what="工单"
        missingHint="该工单不存在，或不在您的权限范围内。"
        back={{ path: '/service/work-orders', label: '返回工单列表' }}
        onRetry={order.reload}
      />
    );
  }
  if (!order.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const detail = order.data;
  return (
    <Flex vertical gap={16} data-testid="work-order-detail" data-status={detail.status}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 20 }}>
          <Space size="middle" align="center" wrap>
            <BackButton fallback="/service/work-orders" />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="work-order-title">
              工单 #{detail.id}
            </Typography.Title>
            <WorkOrderStatusTag status={detail.status} />
            <ServiceTypeTag type={detail.serviceType} />
            <Typography.Text type="secondary">
              {detail.store.name} · 服务顾问 {detail.advisor.name}
            </Typography.Text>
          </Space>
          <Button icon={<ReloadOutlined />} loading={order.loading} onClick={order.reload}>
            刷新
          </Button>
        </Flex>
        {order.error && <Alert type="warning" showIcon title={`刷新失败：${order.error.message}`} style={{ marginBottom: 12 }} />}
        <WorkOrderProgress order={detail} onMoved={order.replace} onStale={order.reload} />
      </Card>
      <VehicleCard order={detail} />
      <WorkOrderLines order={detail} onChanged={order.replace} />
    </Flex>
  );
}

function VehicleCard({ order }: { order: WorkOrder }) {
  return (
    <Card
      size="small"
      title="车辆与客户"
      data-testid="work-order-vehicle"
      extra={
        <Link to={`/vehicles/${order.vehicle.id}?tab=records`} data-testid="work-order-vehicle-link">
          车辆档案
        </Link>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'plate', label: '车牌号', children: <PlateText plate={order.vehicle.plate} /> },
          { key: 'model', label: '车型', children: order.vehicle.model.name },
          { key: 'vin', label: 'VIN', children: <Typography.Text style={{ fontFamily: 'monospace' }}>{order.vehicle.vin}</Typography.Text> },
          { key: 'mileage', label: '进厂里程', children: formatKm(order.checkInMileage) },
          { key: 'customer', label: '客户', children: order.customer.name ?? '—' },
          { key: 'mobile', label: '手机号', children: order.customer.mobile ?? '—' },
          { key: 'booking', label: '来源', children: order.bookingId ? `预约 #${order.bookingId}` : '散客到店' },
          { key: 'checkedIn', label: '接车时间', children: formatShanghaiTime(order.checkedInAt) },
          {
            key: 'note',
            label: '客户描述',
            span: 'filled',
            children: order.customerNote ?? <Typography.Text type="secondary">无</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
