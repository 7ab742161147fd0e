import { z } from 'zod';
import { ServiceBookingStatus, ServiceType, WorkOrderStatus } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/service.contract';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';

// The workshop's bookings (预约), arrivals board (明日到店), work orders (工单) and parts stock (配件库存) as
// server/contracts/service.contract defines them. Labels are the words used at the service desk.

export type { ServiceBookingStatus, ServiceType, WorkOrderStatus };

export const SERVICE_TYPES = Object.values(ServiceType);

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  MAINTENANCE: '保养',
  REPAIR: '维修',
  WARRANTY: '保修',
  INSPECTION: '检测',
  BODY_PAINT: '钣喷',
};

export const SERVICE_BOOKING_STATUSES = Object.values(ServiceBookingStatus);

export const SERVICE_BOOKING_STATUS_LABELS: Record<ServiceBookingStatus, string> = {
  CONFIRMED: '待到店',
  CHECKED_IN: '已接车',
  CANCELLED: '已取消',
  NO_SHOW: '未到店',
};

/** The order a car goes through the workshop; QUALITY_CHECK may also send it back to IN_PROGRESS. */
export const WORK_ORDER_STATUSES = Object.values(WorkOrderStatus);

/** The status as a tag and a filter say it. */
export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = {
  CHECKED_IN: '已接车',
  IN_PROGRESS: '维修中',
  QUALITY_CHECK: '质检中',
  READY: '待交车',
  SETTLED: '已结算',
};

/** The steps of the work-order stepper: 接车 → 维修中 → 质检 → 待交车 → 已结算. */
export const WORK_ORDER_STEP_TITLES: Record<WorkOrderStatus, string> = {
  CHECKED_IN: '接车',
  IN_PROGRESS: '维修中',
  QUALITY_CHECK: '质检',
  READY: '待交车',
  SETTLED: '已结算',
};

// ---- Response shapes ----

export type ServiceSlot = Wire<typeof contract.serviceSlotSchema>;
/** A catalogue item (更换机油、四轮定位…) with its standard labour and parts. */
export type ServiceItem = Wire<typeof contract.serviceItemSchema>;
export type ServiceItemPart = ServiceItem['parts'][number];
export type ServiceBooking = Wire<typeof contract.serviceBookingSchema>;
export type PartNeed = Wire<typeof contract.partNeedSchema>;
/** 明日到店: a store's arrivals on one day. */
export type Board = Wire<typeof contract.boardSchema>;
export type BoardArrival = Board['arrivals'][number];
export type WorkOrderSummary = Wire<typeof contract.workOrderSummarySchema>;
export type WorkOrder = Wire<typeof contract.workOrderSchema>;
export type WorkOrderLine = WorkOrder['items'][number];
export type WorkOrderPart = WorkOrderLine['parts'][number];
export type PartStock = Wire<typeof contract.partStockSchema>;
export type PartMovement = Wire<typeof contract.partMovementSchema>;

// ---- Form schemas: the server's rules, with the messages a person reads; the request types are the contract's ----

const id = z.number().int().positive();
const MAX_KM = 2_000_000;

export const bookServiceSchema = z.object({
  vehicleId: z.number({ error: '请选择车辆' }).int().positive('请选择车辆'),
  storeId: z.number({ error: '请选择门店' }).int().positive('请选择门店'),
  serviceType: z.enum(SERVICE_TYPES, { error: '请选择服务类型' }),
  startAt: z.iso.datetime({ offset: true, error: '请选择到店时段' }),
  itemIds: z.array(id).max(30, '项目最多 30 个').default([]),
  note: z.string().trim().max(500, '备注最多 500 个字符').nullish(),
});

export const checkInMileageSchema = z
  .number({ error: '请填写进厂里程' })
  .int('里程请填写整数公里')
  .min(0, '里程不能为负')
  .max(MAX_KM, '里程读数过大，请核对');

export const checkInSchema = z.object({
  bookingId: id.nullish(),
  /** A walk-in without a booking names the car, the store and the service type. */
  vehicleId: id.nullish(),
  storeId: id.nullish(),
  serviceType: z.enum(SERVICE_TYPES, { error: '请选择服务类型' }).nullish(),
  mileage: checkInMileageSchema,
  customerNote: z.string().trim().max(500, '备注最多 500 个字符').nullish(),
});

export const MAX_LABOUR_HUNDREDTHS = 10_000;
export const MAX_WORK_ORDER_LINES = 50;

export const workOrderLineInputSchema = z.object({
  /** A catalogue item fills in its name, standard labour and parts unless they are given. */
  itemId: id.nullish(),
  name: z.string().trim().min(1, '请填写项目名称').max(64, '项目名称最多 64 个字符').nullish(),
  labourHundredths: z.number().int().min(0, '工时不能为负').max(MAX_LABOUR_HUNDREDTHS, '工时最多 100 小时').nullish(),
  parts: z
    .array(z.object({ partId: id, quantity: z.number().int('数量须为整数').min(1, '数量至少为 1').max(1000, '数量最多 1000') }))
    .max(50, '配件最多 50 种')
    .nullish(),
});

export const setWorkOrderItemsSchema = z.object({
  items: z.array(workOrderLineInputSchema).max(MAX_WORK_ORDER_LINES, `工单项目最多 ${MAX_WORK_ORDER_LINES} 项`),
});

export const receivePartsSchema = z.object({
  storeId: z.number({ error: '请选择门店' }).int().positive('请选择门店'),
  partId: z.number({ error: '请选择配件' }).int().positive('请选择配件'),
  quantity: z.number({ error: '请填写入库数量' }).int('数量须为整数').min(1, '数量至少为 1').max(100_000, '单次入库最多 100000'),
  reason: z.string().trim().min(1, '请填写入库原因').max(128, '原因最多 128 个字符').default('入库'),
});

// ---- Calls ----

export type BookServiceInput = z.input<typeof contract.bookServiceSchema>;
export type CheckInInput = z.input<typeof contract.checkInSchema>;
export type WorkOrderLineInput = z.input<typeof contract.workOrderLineInputSchema>;
export type ReceivePartsInput = z.input<typeof contract.receivePartsSchema>;
export type WorkOrderListQuery = contract.WorkOrderListQuery;

/** A store's slots on a Shanghai day with the bays still free. */
export function listServiceSlots(query: z.output<typeof contract.serviceSlotQuerySchema>, signal?: AbortSignal): Promise<ServiceSlot[]> {
  return request<ServiceSlot[]>('/service/slots', { query, signal, authenticated: false });
}

/** The items of a model's maintenance schedule; every item without a model. */
export function listServiceItems(modelId: number | undefined, signal?: AbortSignal): Promise<ServiceItem[]> {
  return request<ServiceItem[]>('/service/items', { query: { modelId }, signal, authenticated: false });
}

export function fetchServiceBoard(query: Required<z.output<typeof contract.boardQuerySchema>>, signal?: AbortSignal): Promise<Board> {
  return request<Board>('/service/board', { query, signal });
}

/** 预约日历: a store's bookings between two Shanghai dates, both included. */
export function listServiceBookings(query: z.output<typeof contract.serviceCalendarQuerySchema>, signal?: AbortSignal): Promise<ServiceBooking[]> {
  return request<ServiceBooking[]>('/service/bookings', { query, signal });
}

/** 电话预约: a booking made by staff for the car's owner. */
export function createServiceBooking(input: BookServiceInput): Promise<ServiceBooking> {
  return request<ServiceBooking>('/service/bookings', { method: 'POST', body: bookServiceSchema.parse(input) });
}

export function cancelServiceBooking(bookingId: number): Promise<unknown> {
  return request<unknown>(`/service/bookings/${bookingId}/cancel`, { method: 'POST' });
}

export function markServiceNoShow(bookingId: number): Promise<unknown> {
  return request<unknown>(`/service/bookings/${bookingId}/no-show`, { method: 'POST' });
}

/** 到店接车: opens a work order for a booking (its items copied in) or for a walk-in. */
export function checkIn(input: CheckInInput): Promise<WorkOrder> {
  return request<WorkOrder>('/service/work-orders', { method: 'POST', body: checkInSchema.parse(input) });
}

export function listWorkOrders(query: WorkOrderListQuery, signal?: AbortSignal): Promise<Paged<WorkOrderSummary>> {
  return request<Paged<WorkOrderSummary>>('/service/work-orders', { query, signal });
}

export function fetchWorkOrder(workOrderId: number, signal?: AbortSignal): Promise<WorkOrder> {
  return request<WorkOrder>(`/service/work-orders/${workOrderId}`, { signal });
}

/** Replaces the order's lines; a catalogue item fills in what a line leaves out. */
export function setWorkOrderItems(workOrderId: number, items: WorkOrderLineInput[]): Promise<WorkOrder> {
  return request<WorkOrder>(`/service/work-orders/${workOrderId}/items`, { method: 'PUT', body: setWorkOrderItemsSchema.parse({ items }) });
}

export function moveWorkOrder(workOrderId: number, status: WorkOrderStatus): Promise<WorkOrder> {
  return request<WorkOrder>(`/service/work-orders/${workOrderId}/status`, { method: 'POST', body: { status } });
}

export function listPartStock(query: z.output<typeof contract.partStockQuerySchema>, signal?: AbortSignal): Promise<PartStock[]> {
  return request<PartStock[]>('/service/parts', { query, signal });
}

export function receiveParts(input: ReceivePartsInput): Promise<PartStock> {
  return request<PartStock>('/service/parts/receive', { method: 'POST', body: receivePartsSchema.parse(input) });
}

/** The latest 200 movements of a store's stock, of one part if given. */
export function listPartMovements(query: z.output<typeof contract.partMovementQuerySchema>, signal?: AbortSignal): Promise<PartMovement[]> {
  return request<PartMovement[]>('/service/parts/movements', { query, signal });
}
