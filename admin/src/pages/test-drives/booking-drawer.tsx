import { useCallback, type ReactNode } from 'react';
import { ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Divider, Drawer, Flex, Rate, Result, Skeleton, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { fetchBooking, type BookingDetail } from '../../api/test-drives';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatShanghaiClock, formatShanghaiDate } from '../../shanghai-time';
import { BookingStatusTag } from './booking-status';
import { FinishDriveForm } from './finish-drive-form';
import { StartDriveForm } from './start-drive-form';

interface BookingDrawerProps {
  bookingId: number;
  onClose: () => void;
  /** After an action changed the booking: the board reloads to show it. */
  onChanged: () => void;
}

const NOT_RECORDED = <Typography.Text type="secondary">—</Typography.Text>;

function km(value: number | null) {
  return value === null ? NOT_RECORDED : `${value.toLocaleString('zh-CN')} km`;
}

function detailItems(booking: BookingDetail): NonNullable<DescriptionsProps['items']> {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'status', label: '状态', children: <BookingStatusTag status={booking.status} /> },
    {
      key: 'time',
      label: '时段',
      children: `${formatShanghaiDate(booking.startAt)} ${formatShanghaiClock(booking.startAt)}–${formatShanghaiClock(booking.endAt)}`,
    },
    { key: 'contact', label: '客户', children: booking.contactName },
    { key: 'mobile', label: '手机号', children: <span data-testid="booking-mobile">{booking.mobile}</span> },
    { key: 'model', label: '车型', children: booking.model.name },
    { key: 'car', label: '车辆', children: booking.car.plate },
    { key: 'route', label: '路线', children: booking.route?.name ?? '未指定' },
    { key: 'store', label: '门店', children: booking.store.name },
  ];
  if (booking.status !== 'CONFIRMED' && booking.status !== 'CANCELLED' && booking.status !== 'NO_SHOW') {
    items.push(
      { key: 'licence', label: '驾驶证', children: booking.licenceChecked ? '已核验' : <Typography.Text type="danger">未核验</Typography.Text> },
      { key: 'odometerOut', label: '出车里程', children: km(booking.odometerOut) },
    );
  }
  if (booking.status === 'COMPLETED') {
    const driven = booking.odometerIn !== null && booking.odometerOut !== null ? booking.odometerIn - booking.odometerOut : null;
    items.push(
      { key: 'odometerIn', label: '还车里程', children: km(booking.odometerIn) },
      { key: 'driven', label: '试驾里程', children: km(driven) },
      { key: 'feedback', label: '试驾反馈', span: 2, children: booking.feedback ?? NOT_RECORDED },
      {
        key: 'rating',
        label: '客户评价',
        span: 2,
        children:
          booking.rating === null ? (
            <Typography.Text type="secondary">客户尚未评价</Typography.Text>
          ) : (
            <Flex vertical gap={2}>
              <Rate disabled value={booking.rating} style={{ fontSize: 14 }} />
              {booking.ratingComment && <Typography.Text>{booking.ratingComment}</Typography.Text>}
            </Flex>
          ),
      },
    );
  }
  return items;
}

/** A booking from the board: what it is, and the next step its status allows. */
export function BookingDrawer({ bookingId, onClose, onChanged }: BookingDrawerProps) {
  const load = useCallback((signal: AbortSignal) => fetchBooking(bookingId, signal), [bookingId]);
  const booking = useRemoteData(load);
  const detail = booking.data;
  const changed = () => {
    booking.reload();
    onChanged();
  };

  let body: ReactNode;
  if (booking.error && !detail) {
    const missing = booking.error.status === 404;
    body = (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '记录不存在或无权查看' : '预约加载失败'}
        subTitle={missing ? undefined : booking.error.message}
        extra={
          !missing && (
            <Button icon={<ReloadOutlined />} onClick={booking.reload}>
              重试
            </Button>
          )
        }
      />
    );
  } else if (!detail) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    body = (
      <Flex vertical gap={8}>
        {booking.error && <Alert type="warning" showIcon title={`刷新失败：${booking.error.message}`} />}
        <Descriptions size="small" column={2} items={detailItems(detail)} data-testid="booking-detail" />
        {detail.status === 'CONFIRMED' && (
          <>
            <Divider titlePlacement="start">开始试驾</Divider>
            <StartDriveForm key={detail.status} booking={detail} onChanged={changed} />
          </>
        )}
        {detail.status === 'IN_PROGRESS' && (
          <>
            <Divider titlePlacement="start">结束试驾</Divider>
            <FinishDriveForm key={detail.status} booking={detail} onChanged={changed} />
          </>
        )}
      </Flex>
    );
  }

  return (
    <Drawer
      open
      size={560}
      title={detail ? `${detail.contactName} · ${detail.model.name}` : '试驾预约'}
      onClose={onClose}
      extra={
        detail?.leadId ? (
          <Link to={`/leads/${detail.leadId}`} data-testid="booking-lead-link">
            查看线索 <RightOutlined />
          </Link>
        ) : undefined
      }
    >
      <div data-testid="booking-drawer">{body}</div>
    </Drawer>
  );
}
