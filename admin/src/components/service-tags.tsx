import { Tag } from 'antd';
import {
  SERVICE_BOOKING_STATUS_LABELS,
  SERVICE_TYPE_LABELS,
  WORK_ORDER_STATUS_LABELS,
  type ServiceBookingStatus,
  type ServiceType,
  type WorkOrderStatus,
} from '../api/service';
import { DUE_STATUS_LABELS, type DueStatus } from '../api/vehicles';

// The after-sales tags, one colour scheme wherever a booking, a work order or a due item shows.

const SERVICE_TYPE_COLORS: Record<ServiceType, string> = {
  MAINTENANCE: 'blue',
  REPAIR: 'volcano',
  WARRANTY: 'purple',
  INSPECTION: 'cyan',
  BODY_PAINT: 'magenta',
};

export function ServiceTypeTag({ type }: { type: ServiceType }) {
  return (
    <Tag color={SERVICE_TYPE_COLORS[type]} data-testid="service-type-tag" style={{ marginInlineEnd: 0 }}>
      {SERVICE_TYPE_LABELS[type]}
    </Tag>
  );
}

const BOOKING_STATUS_COLORS: Record<ServiceBookingStatus, string> = {
  CONFIRMED: 'blue',
  CHECKED_IN: 'green',
  CANCELLED: 'default',
  NO_SHOW: 'orange',
};

export function ServiceBookingStatusTag({ status }: { status: ServiceBookingStatus }) {
  return (
    <Tag color={BOOKING_STATUS_COLORS[status]} data-testid="service-booking-status" style={{ marginInlineEnd: 0 }}>
      {SERVICE_BOOKING_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Cool while the car is in the workshop, gold waiting for the owner, green once paid. */
const WORK_ORDER_STATUS_COLORS: Record<WorkOrderStatus, string> = {
  CHECKED_IN: 'blue',
  IN_PROGRESS: 'processing',
  QUALITY_CHECK: 'purple',
  READY: 'gold',
  SETTLED: 'green',
};

export function WorkOrderStatusTag({ status }: { status: WorkOrderStatus }) {
  return (
    <Tag color={WORK_ORDER_STATUS_COLORS[status]} data-testid="work-order-status" style={{ marginInlineEnd: 0 }}>
      {WORK_ORDER_STATUS_LABELS[status]}
    </Tag>
  );
}

const DUE_STATUS_COLORS: Record<DueStatus, string> = { DUE: 'red', DUE_SOON: 'orange', NOT_DUE: 'green' };

export function DueStatusTag({ status }: { status: DueStatus }) {
  return (
    <Tag color={DUE_STATUS_COLORS[status]} data-testid="due-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {DUE_STATUS_LABELS[status]}
    </Tag>
  );
}
