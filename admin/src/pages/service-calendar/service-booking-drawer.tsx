import { useCallback, useState } from 'react';
import { LoginOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Flex, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { toApiError, type ApiError } from '../../api/client';
import { cancelServiceBooking, markServiceNoShow, type ServiceBooking } from '../../api/service';
import { fetchVehicle } from '../../api/vehicles';
import { ServiceBookingStatusTag, ServiceTypeTag } from '../../components/service-tags';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatKm } from '../../mileage-format';
import { formatShanghaiClock, formatShanghaiDate, isPast } from '../../shanghai-time';
import { CheckInModal } from '../service-board/check-in-modal';

interface ServiceBookingDrawerProps {
  booking: ServiceBooking;
  onClose: () => void;
  /** After the booking changed (cancelled, no-show): the calendar reloads. */
  onChanged: () => void;
}

/** A booking from the calendar: what was booked, and 到店接车 / 取消预约 / 未到店 while it is open. */
export function ServiceBookingDrawer({ booking, onClose, onChanged }: ServiceBookingDrawerProps) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'cancel' | 'noShow'>();
  const [actionError, setActionError] = useState<ApiError>();
  const [checkingIn, setCheckingIn] = useState(false);
  const open = booking.status === 'CONFIRMED';
  const begun = isPast(booking.startAt);
  // The car's current reading, which the check-in must not go below.
  const loadVehicle = useCallback((signal: AbortSignal) => fetchVehicle(booking.vehicle.id, signal), [booking.vehicle.id]);
  const vehicle = useRemoteData(loadVehicle);

  async function run(kind: 'cancel' | 'noShow', action: () => Promise<unknown>, success: string) {
    setBusy(kind);
    setActionError(undefined);
    try {
      await action();
      message.success(success);
      onChanged();
    } catch (error) {
      setActionError(toApiError(error));
    } finally {
      setBusy(undefined);
    }
  }

  const car = `${booking.vehicle.plate ?? booking.vehicle.vin} · ${booking.vehicle.model.name}`;

  return (
    <Drawer
      open
      size={520}
      title={`${booking.contactName} · ${booking.vehicle.plate ?? booking.vehicle.model.name}`}
      onClose={onClose}
      extra={
        <Link to={`/vehicles/${booking.vehicle.id}`} data-testid="booking-vehicle-link">
          车辆档案 <RightOutlined />
        </Link>
      }
    >
      <Flex vertical gap={16} data-testid="service-booking-drawer">
        {actionError && <Alert type="error" showIcon title={actionError.message} />}
        {vehicle.error && <Alert type="warning" showIcon title={`车辆里程加载失败：${vehicle.error.message}`} />}
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'status',
              label: '状态',
              children: (
                <Space>
                  <ServiceBookingStatusTag status={booking.status} />
                  <ServiceTypeTag type={booking.serviceType} />
                </Space>
              ),
            },
            {
              key: 'time',
              label: '到店时段',
              children: `${formatShanghaiDate(booking.startAt)} ${formatShanghaiClock(booking.startAt)}–${formatShanghaiClock(booking.endAt)}`,
            },
            { key: 'store', label: '门店', children: booking.store.name },
            { key: 'car', label: '车辆', children: car },
            { key: 'vin', label: 'VIN', children: <Typography.Text style={{ fontFamily: 'monospace' }}>{booking.vehicle.vin}</Typography.Text> },
            { key: 'mileage', label: '当前里程', children: vehicle.data ? formatKm(vehicle.data.mileageKm) : '…' },
            { key: 'contact', label: '联系人', children: booking.contactName },
            { key: 'mobile', label: '手机号', children: booking.mobile },
            {
              key: 'items',
              label: '预约项目',
              children:
                booking.items.length > 0 ? (
                  <Flex wrap gap={4}>
                    {booking.items.map((item) => (
                      <Tag key={item.id} color="blue" style={{ marginInlineEnd: 0 }}>
                        {item.name}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">未选项目</Typography.Text>
                ),
            },
            { key: 'note', label: '客户备注', children: booking.customerNote ?? <Typography.Text type="secondary">无</Typography.Text> },
          ]}
        />
        {booking.workOrderId && (
          <Link to={`/service/work-orders/${booking.workOrderId}`} data-testid="booking-work-order-link">
            查看工单 #{booking.workOrderId} <RightOutlined />
          </Link>
        )}
        {open && (
          <Space wrap>
            <Button
              type="primary"
              icon={<LoginOutlined />}
              disabled={!vehicle.data || Boolean(busy)}
              onClick={() => setCheckingIn(true)}
              data-testid="booking-check-in"
            >
              到店接车
            </Button>
            <Popconfirm
              title="取消这个预约？"
              description="工位释放，可再约给其他客户。"
              okText="取消预约"
              okButtonProps={{ danger: true }}
              cancelText="不取消"
              onConfirm={() => run('cancel', () => cancelServiceBooking(booking.id), '预约已取消')}
            >
              <Button danger loading={busy === 'cancel'} disabled={busy === 'noShow'} data-testid="booking-cancel">
                取消预约
              </Button>
            </Popconfirm>
            <Popconfirm
              title="标记为未到店？"
              description="客户未按约到店，预约关闭。"
              okText="标记未到店"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              disabled={!begun}
              onConfirm={() => run('noShow', () => markServiceNoShow(booking.id), '已标记为未到店')}
            >
              <Tooltip title={begun ? undefined : '预约时段开始后才能标记未到店'}>
                <Button disabled={!begun || busy === 'cancel'} loading={busy === 'noShow'} data-testid="booking-no-show">
                  未到店
                </Button>
              </Tooltip>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      {checkingIn && vehicle.data && (
        <CheckInModal
          booking={{
            id: booking.id,
            car,
            customer: `${booking.contactName}（${booking.mobile}）`,
            mileageKm: vehicle.data.mileageKm,
            projectedKm: vehicle.data.schedule.projectedKm,
          }}
          onClose={() => setCheckingIn(false)}
          onCheckedIn={(workOrder) => navigate(`/service/work-orders/${workOrder.id}`)}
        />
      )}
    </Drawer>
  );
}
