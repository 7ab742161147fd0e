import type { OwnerWorkOrder, ServiceBooking, ServiceBookingStatus, ServiceType, WorkOrderStatus } from '../api/service';
import { clockOf, dayOf } from './shanghai-time';
import type { StatusLabel } from './status-tone';

export const SERVICE_TYPES: ReadonlyArray<{ type: ServiceType; text: string; description: string }> = [
  { type: 'MAINTENANCE', text: '保养', description: '按保养计划定期保养，更换油液、滤芯等' },
  { type: 'REPAIR', text: '维修', description: '异响、故障灯等问题的检查与维修' },
  { type: 'WARRANTY', text: '保修', description: '质保范围内的免费检修' },
  { type: 'INSPECTION', text: '检测', description: '全车检测、年检前检查' },
  { type: 'BODY_PAINT', text: '钣喷', description: '刮擦、凹陷的钣金修复与喷漆' },
];

export function serviceTypeText(type: ServiceType): string {
  return SERVICE_TYPES.find((candidate) => candidate.type === type)?.text ?? type;
}

export const SERVICE_BOOKING_STATUS_LABELS: Record<ServiceBookingStatus, StatusLabel> = {
  CONFIRMED: { text: '待到店', tone: 'brand' },
  CHECKED_IN: { text: '已到店', tone: 'active' },
  CANCELLED: { text: '已取消', tone: 'muted' },
  NO_SHOW: { text: '未到店', tone: 'danger' },
};

/** The workshop's steps in order, as the owner follows them (维修进度). */
const WORK_ORDER_STEPS: ReadonlyArray<{ status: WorkOrderStatus; text: string; at: (order: OwnerWorkOrder) => string | null }> = [
  { status: 'CHECKED_IN', text: '已接车', at: (order) => order.checkedInAt },
  { status: 'IN_PROGRESS', text: '维修中', at: (order) => order.startedAt },
  { status: 'QUALITY_CHECK', text: '质检中', at: (order) => order.qualityCheckedAt },
  { status: 'READY', text: '待取车', at: (order) => order.readyAt },
  { status: 'SETTLED', text: '已结算', at: (order) => order.settledAt },
];

export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, StatusLabel> = {
  CHECKED_IN: { text: '已接车', tone: 'brand' },
  IN_PROGRESS: { text: '维修中', tone: 'active' },
  QUALITY_CHECK: { text: '质检中', tone: 'active' },
  READY: { text: '待取车', tone: 'warning' },
  SETTLED: { text: '已结算', tone: 'done' },
};

export type ProgressState = 'done' | 'current' | 'todo';

export interface ProgressStep {
  text: string;
  state: ProgressState;
  /** When the step was reached (ISO instant); null for steps still ahead. */
  at: string | null;
}

/**
 * The five steps with the order's place among them. A step after the current one shows no time even if
 * the order passed it before: quality check can send a car back to 维修中 for rework.
 */
export function workOrderProgressOf(order: OwnerWorkOrder): ProgressStep[] {
  const currentIndex = WORK_ORDER_STEPS.findIndex((step) => step.status === order.status);
  const finished = order.status === 'SETTLED';
  return WORK_ORDER_STEPS.map((step, index) => {
    let state: ProgressState = 'todo';
    if (index < currentIndex || (index === currentIndex && finished)) state = 'done';
    else if (index === currentIndex) state = 'current';
    return { text: step.text, state, at: index <= currentIndex ? step.at(order) : null };
  });
}

export interface ChangeWindow {
  /** 改期 and 取消 are still offered online. */
  open: boolean;
  /** Until when changes are possible, or, once past, whom to call instead. */
  text: string;
}

/**
 * Whether the owner may still reschedule or cancel a booking online, by the store's cut-off the server sends
 * (`changeableUntil`); null for a booking no longer upcoming. The server refuses a late change anyway
 * (CHANGE_CUTOFF_PASSED); this only keeps the buttons from offering what will be refused.
 */
export function changeWindowOf(booking: Pick<ServiceBooking, 'status' | 'changeableUntil' | 'store'>, now: Date): ChangeWindow | null {
  if (booking.status !== 'CONFIRMED') return null;
  const until = booking.changeableUntil;
  if (until && Date.parse(until) > now.getTime()) {
    return { open: true, text: `${dayOf(until)} ${clockOf(until)} 前可在线改期或取消` };
  }
  return { open: false, text: `已过在线改期时限，如需改期或取消请致电门店 ${booking.store.phone}` };
}
