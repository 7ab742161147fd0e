import type { ServiceType } from '../../generated/prisma/enums';
import { WorkOrderStatus } from '../../generated/prisma/enums';
import type { ExportColumn } from '../../core/exports/xlsx-export';

/** The workshop's moves; a failed quality check sends the car back to the bay. Nothing leaves SETTLED. */
const MOVES: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  [WorkOrderStatus.CHECKED_IN]: [WorkOrderStatus.IN_PROGRESS],
  [WorkOrderStatus.IN_PROGRESS]: [WorkOrderStatus.QUALITY_CHECK],
  [WorkOrderStatus.QUALITY_CHECK]: [WorkOrderStatus.READY, WorkOrderStatus.IN_PROGRESS],
  [WorkOrderStatus.READY]: [WorkOrderStatus.SETTLED],
  [WorkOrderStatus.SETTLED]: [],
};

export function allowedNext(from: WorkOrderStatus): WorkOrderStatus[] {
  return MOVES[from];
}

export function canMoveWorkOrder(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return MOVES[from].includes(to);
}

/** The timestamp column a move into `to` sets. */
export const STATUS_TIMESTAMP = {
  [WorkOrderStatus.CHECKED_IN]: 'checkedInAt',
  [WorkOrderStatus.IN_PROGRESS]: 'startedAt',
  [WorkOrderStatus.QUALITY_CHECK]: 'qualityCheckedAt',
  [WorkOrderStatus.READY]: 'readyAt',
  [WorkOrderStatus.SETTLED]: 'settledAt',
} as const satisfies Record<WorkOrderStatus, string>;

/** Labour: standard hours (in hundredths) × the store's hourly rate, rounded to the fen. */
export function labourFen(labourHundredths: number, labourRateFen: number): number {
  return Math.round((labourHundredths * labourRateFen) / 100);
}

export interface PricedLine {
  labourFen: number;
  parts: { amountFen: number }[];
}

/** Labour plus parts, less a coupon's value (never more than the order itself). */
export function workOrderTotals(lines: PricedLine[], couponValueFen = 0): { labourFen: number; partsFen: number; discountFen: number; totalFen: number } {
  const labour = lines.reduce((sum, line) => sum + line.labourFen, 0);
  const parts = lines.reduce((sum, line) => sum + line.parts.reduce((partSum, part) => partSum + part.amountFen, 0), 0);
  const discount = Math.min(couponValueFen, labour + parts);
  return { labourFen: labour, partsFen: parts, discountFen: discount, totalFen: labour + parts - discount };
}

/** The parts a set of service items needs, summed per part. */
export function partsForItems(itemIds: number[], itemParts: Map<number, { partId: number; quantity: number }[]>): Map<number, number> {
  const needed = new Map<number, number>();
  for (const itemId of itemIds) {
    for (const part of itemParts.get(itemId) ?? []) needed.set(part.partId, (needed.get(part.partId) ?? 0) + part.quantity);
  }
  return needed;
}

export interface PartReadiness {
  ready: boolean;
  lines: { partId: number; needed: number; available: number; short: number }[];
}

/**
 * Whether each arrival's parts are on the shelf, serving arrivals in order (the earlier car takes the parts
 * first), so two cars needing the last oil filter do not both show "parts ready".
 */
export function partsReadiness(arrivals: Map<number, number>[], stock: Map<number, number>): PartReadiness[] {
  const left = new Map(stock);
  return arrivals.map((needs) => {
    const lines = [...needs].map(([partId, needed]) => {
      const available = Math.max(0, left.get(partId) ?? 0);
      left.set(partId, available - Math.min(available, needed));
      return { partId, needed, available, short: Math.max(0, needed - available) };
    });
    return { ready: lines.every((line) => line.short === 0), lines };
  });
}

/** Capacity of one service slot: bays limit the cars in the workshop, advisors the cars they can receive. */
export function serviceSlotCapacity(activeBays: number, advisorsOnDuty: number, jobsPerAdvisor: number): number {
  return Math.max(0, Math.min(activeBays, advisorsOnDuty * jobsPerAdvisor));
}

export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = { CHECKED_IN: '已接车', IN_PROGRESS: '维修中', QUALITY_CHECK: '质检中', READY: '待交车', SETTLED: '已结算' };
const SERVICE_TYPE_LABELS: Record<ServiceType, string> = { MAINTENANCE: '保养', REPAIR: '维修', WARRANTY: '保修', INSPECTION: '检测', BODY_PAINT: '钣喷' };

interface WorkOrderExportRow {
  id: number;
  status: WorkOrderStatus;
  serviceType: ServiceType;
  checkInMileage: number;
  totalFen: number;
  checkedInAt: Date;
  settledAt: Date | null;
  store: { name: string };
  vehicle: { plate: string | null; vin: string; model: { name: string } };
  customer: { name: string | null; mobile: string | null };
  advisor: { name: string };
}

/** The columns of the 工单 export. */
export const WORK_ORDER_EXPORT_COLUMNS: ExportColumn<WorkOrderExportRow>[] = [
  { header: '工单号', width: 10, value: (order) => order.id },
  { header: '状态', width: 10, value: (order) => WORK_ORDER_STATUS_LABELS[order.status] },
  { header: '类型', width: 8, value: (order) => SERVICE_TYPE_LABELS[order.serviceType] },
  { header: '车牌', width: 12, value: (order) => order.vehicle.plate },
  { header: 'VIN', width: 20, value: (order) => order.vehicle.vin },
  { header: '车型', width: 16, value: (order) => order.vehicle.model.name },
  { header: '客户', value: (order) => order.customer.name },
  { header: '手机', width: 14, value: (order) => order.customer.mobile },
  { header: '服务顾问', width: 10, value: (order) => order.advisor.name },
  { header: '门店', width: 18, value: (order) => order.store.name },
  { header: '进厂里程(km)', width: 12, value: (order) => order.checkInMileage },
  { header: '金额(元)', width: 12, value: (order) => order.totalFen / 100 },
  { header: '接车时间', width: 20, value: (order) => order.checkedInAt },
  { header: '结算时间', width: 20, value: (order) => order.settledAt },
];
