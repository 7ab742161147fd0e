import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { MileageSource, ServiceBookingStatus, WorkOrderStatus } from '../../generated/prisma/enums';
import type { CheckInInput, WorkOrderLineInput, WorkOrderListQuery } from '../../contracts/service.contract';
import { isMainlandMobile } from '../../contracts/common.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation, retryOnConflict } from '../../core/database/prisma-errors';
import { DomainEventType, raiseEvent } from '../../core/events/domain-events';
import { HttpError } from '../../core/http/domain-error';
import { shanghaiDateSpan } from '../../core/time/shanghai-time';
import { CouponsService } from '../loyalty/coupons.service';
import { StoresService } from '../org/stores.service';
import { VehiclesService } from '../vehicles/vehicles.service';
import { ServiceBookingsService } from './service-bookings.service';
import { ServiceError } from './service.errors';
import { allowedNext, canMoveWorkOrder, labourFen, STATUS_TIMESTAMP, WORK_ORDER_STATUS_LABELS, workOrderTotals } from './work-orders.rules';
import { byIdPages, mapBatches } from '../../core/exports/xlsx-export';

const SUMMARY_FIELDS = {
  id: true,
  status: true,
  serviceType: true,
  checkInMileage: true,
  totalFen: true,
  checkedInAt: true,
  settledAt: true,
  store: { select: { id: true, name: true } },
  vehicle: { select: { id: true, vin: true, plate: true, model: { select: { id: true, name: true } } } },
  customer: { select: { id: true, name: true, mobile: true } },
  advisor: { select: { id: true, name: true } },
} satisfies Prisma.WorkOrderSelect;

const LINE_FIELDS = {
  id: true,
  itemId: true,
  name: true,
  labourHundredths: true,
  labourRateFen: true,
  labourFen: true,
  parts: { select: { id: true, partId: true, quantity: true, unitPriceFen: true, amountFen: true, part: { select: { code: true, name: true } } }, orderBy: { id: 'asc' } },
} satisfies Prisma.WorkOrderItemSelect;

const DETAIL_FIELDS = {
  ...SUMMARY_FIELDS,
  bookingId: true,
  customerNote: true,
  labourFen: true,
  partsFen: true,
  discountFen: true,
  coupon: { select: { code: true, valueFen: true, reward: { select: { name: true } } } },
  startedAt: true,
  qualityCheckedAt: true,
  readyAt: true,
  items: { select: LINE_FIELDS, orderBy: { sortOrder: 'asc' } },
} satisfies Prisma.WorkOrderSelect;

type SummaryRow = Prisma.WorkOrderGetPayload<{ select: typeof SUMMARY_FIELDS }>;
type DetailRow = Prisma.WorkOrderGetPayload<{ select: typeof DETAIL_FIELDS }>;

interface ResolvedLine {
  itemId: number | null;
  name: string;
  labourHundredths: number;
  labourRateFen: number;
  labourFen: number;
  parts: { partId: number; quantity: number; unitPriceFen: number; amountFen: number }[];
}

/** The workshop's work orders: check-in, lines, the status flow and settlement. */
@Injectable()
export class WorkOrdersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly bookings: ServiceBookingsService,
    private readonly vehicles: VehiclesService,
    private readonly stores: StoresService,
    private readonly coupons: CouponsService,
  ) {}

  /** Receives a car: from its booking (copying the requested items) or as a walk-in; reads the odometer. */
  async checkIn(caller: StaffCaller, input: CheckInInput, now = new Date()) {
    const arrival = await this.arrivalOf(caller, input);
    const rules = await this.bookings.rules(arrival.storeId);
    const lines = await this.resolveLines(arrival.itemIds.map((itemId) => ({ itemId })), rules.labourRateFen);
    const totals = workOrderTotals(lines);
    const created = await retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        if (arrival.bookingId) {
          const checkedIn = await tx.serviceBooking.updateMany({
            where: { id: arrival.bookingId, status: ServiceBookingStatus.CONFIRMED },
            data: { status: ServiceBookingStatus.CHECKED_IN, activeVehicleId: null },
          });
          if (checkedIn.count !== 1) throw new ServiceError('ALREADY_CHECKED_IN', '该预约已接车或已取消');
        }
        await this.vehicles.recordMileage(tx, arrival.vehicleId, input.mileage, { source: MileageSource.CHECK_IN, staffId: caller.staffId }, now);
        const order = await tx.workOrder.create({
          data: {
            storeId: arrival.storeId,
            vehicleId: arrival.vehicleId,
            customerId: arrival.customerId,
            bookingId: arrival.bookingId,
            advisorId: caller.staffId,
            serviceType: arrival.serviceType,
            checkInMileage: input.mileage,
            customerNote: input.customerNote ?? arrival.customerNote,
            checkedInAt: now,
            ...totals,
          },
          select: { id: true },
        });
        await this.insertLines(tx, order.id, lines);
        return order;
      }),
    ).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ServiceError('ALREADY_CHECKED_IN', '该预约已接车');
      throw error;
    });
    return this.detail(caller, created.id);
  }

  private async arrivalOf(caller: StaffCaller, input: CheckInInput) {
    if (input.bookingId) {
      const booking = await this.prisma.serviceBooking.findFirst({
        where: { id: input.bookingId, ...this.bookings.staffScope(caller) },
        select: { id: true, status: true, storeId: true, vehicleId: true, customerId: true, serviceType: true, itemIds: true, customerNote: true },
      });
      if (!booking) throw new ServiceError('BOOKING_NOT_FOUND', '预约不存在');
      if (booking.status === ServiceBookingStatus.CHECKED_IN) throw new ServiceError('ALREADY_CHECKED_IN', '该预约已接车');
      if (booking.status !== ServiceBookingStatus.CONFIRMED) throw new ServiceError('BOOKING_NOT_ACTIVE', '预约已取消或未到店');
      return { bookingId: booking.id, storeId: booking.storeId, vehicleId: booking.vehicleId, customerId: booking.customerId, serviceType: input.serviceType ?? booking.serviceType, itemIds: booking.itemIds as number[], customerNote: booking.customerNote };
    }
    if (!input.vehicleId || !input.storeId || !input.serviceType) {
      const missing = (['vehicleId', 'storeId', 'serviceType'] as const).filter((field) => !input[field]);
      throw new ServiceError('CHECK_IN_INCOMPLETE', '无预约接车须填写车辆、门店和服务类型', missing.map((path) => ({ path, message: '必填' })));
    }
    const vehicle = await this.vehicles.findInScope(caller, input.vehicleId);
    if (!(await this.stores.storeInScope(caller, input.storeId))) throw new ServiceError('STORE_NOT_FOUND', `门店 ${input.storeId} 不存在`);
    return { bookingId: null, storeId: input.storeId, vehicleId: vehicle.id, customerId: vehicle.ownerId, serviceType: input.serviceType, itemIds: [], customerNote: null };
  }

  async list(caller: StaffCaller, query: WorkOrderListQuery) {
    const where = this.listWhere(caller, query);
    const [rows, total] = await Promise.all([
      this.prisma.workOrder.findMany({ where, select: SUMMARY_FIELDS, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.workOrder.count({ where }),
    ]);
    return { items: rows.map((row) => this.summary(row, caller)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The 工单 list's rows (same filters, scope and masking), newest first, a batch at a time, for export. */
  exportBatches(caller: StaffCaller, query: Omit<WorkOrderListQuery, 'page' | 'pageSize'>) {
    const where = this.listWhere(caller, query);
    return mapBatches(
      byIdPages((beforeId, take) => this.prisma.workOrder.findMany({ where: { AND: [where, beforeId ? { id: { lt: beforeId } } : {}] }, select: SUMMARY_FIELDS, orderBy: { id: 'desc' }, take })),
      (row) => this.summary(row, caller),
    );
  }

  private listWhere(caller: StaffCaller, query: Omit<WorkOrderListQuery, 'page' | 'pageSize'>): Prisma.WorkOrderWhereInput {
    return {
      AND: [
        this.scope(caller),
        query.storeId ? { storeId: query.storeId } : {},
        query.status ? { status: query.status } : {},
        { checkedInAt: shanghaiDateSpan(query.from, query.to) },
        searchWhere(query.q),
      ],
    };
  }

  async detail(caller: StaffCaller, workOrderId: number) {
    const row = await this.prisma.workOrder.findFirst({ where: { id: workOrderId, ...this.scope(caller) }, select: DETAIL_FIELDS });
    if (!row) throw new ServiceError('WORK_ORDER_NOT_FOUND', '工单不存在');
    const { labourRateFen } = await this.bookings.rules(row.store.id);
    return { ...this.detailView(row, caller), labourRateFen };
  }

  /** Replaces the order's lines (until it is settled); prices come from the catalogue and the store's labour rate. */
  async setItems(caller: StaffCaller, workOrderId: number, inputs: WorkOrderLineInput[]) {
    const order = await this.findInScope(caller, workOrderId);
    const rules = await this.bookings.rules(order.storeId);
    const lines = await this.resolveLines(inputs, rules.labourRateFen);
    await retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        const status = await this.lockStatus(tx, workOrderId);
        if (status === WorkOrderStatus.SETTLED) throw new ServiceError('WORK_ORDER_SETTLED', '工单已结算，不能再修改项目');
        await tx.workOrderItem.deleteMany({ where: { workOrderId } });
        await this.insertLines(tx, workOrderId, lines);
        await tx.workOrder.update({ where: { id: workOrderId }, data: workOrderTotals(lines, await this.coupons.attachedValue(tx, workOrderId)), select: { id: true } });
      }),
    );
    return this.detail(caller, workOrderId);
  }

  /**
   * Moves the order one step. Settling totals it, takes its parts from the store's stock (a conditional update
   * per part, so stock never goes below zero and a shortage undoes everything), writes the visit into the
   * vehicle file and raises `service.settled` for loyalty and automation — all in one transaction.
   */
  async move(caller: StaffCaller, workOrderId: number, to: WorkOrderStatus, now = new Date()) {
    await this.findInScope(caller, workOrderId);
    await retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        const from = await this.lockStatus(tx, workOrderId);
        if (!canMoveWorkOrder(from, to)) throw new ServiceError('STATUS_TRANSITION_INVALID', `工单不能从「${WORK_ORDER_STATUS_LABELS[from]}」变为「${WORK_ORDER_STATUS_LABELS[to]}」`);
        if (to === WorkOrderStatus.SETTLED) await this.settle(tx, caller, workOrderId, now);
        await tx.workOrder.update({ where: { id: workOrderId }, data: { status: to, [STATUS_TIMESTAMP[to]]: now }, select: { id: true } });
      }),
    );
    return this.detail(caller, workOrderId);
  }

  private async settle(tx: Prisma.TransactionClient, caller: StaffCaller, workOrderId: number, now: Date) {
    const order = await tx.workOrder.findUniqueOrThrow({
      where: { id: workOrderId },
      select: { storeId: true, vehicleId: true, customerId: true, serviceType: true, checkInMileage: true, vehicle: { select: { plate: true, model: { select: { name: true } } } }, items: { select: LINE_FIELDS, orderBy: { sortOrder: 'asc' } } },
    });
    if (order.items.length === 0) throw new ServiceError('WORK_ORDER_EMPTY', '工单没有任何项目，不能结算');
    const totals = workOrderTotals(order.items, await this.coupons.useAttached(tx, workOrderId, now));

    const needed = new Map<number, { quantity: number; code: string; name: string }>();
    for (const part of order.items.flatMap((item) => item.parts)) {
      const entry = needed.get(part.partId) ?? { quantity: 0, code: part.part.code, name: part.part.name };
      needed.set(part.partId, { ...entry, quantity: entry.quantity + part.quantity });
    }
    const short: { path: string; message: string }[] = [];
    // In part order, so two settlements that share parts lock them in the same order and never deadlock.
    for (const [partId, need] of [...needed].sort(([a], [b]) => a - b)) {
      const taken = await tx.partStock.updateMany({ where: { storeId: order.storeId, partId, quantity: { gte: need.quantity } }, data: { quantity: { decrement: need.quantity } } });
      if (taken.count !== 1) {
        const stock = await tx.partStock.findUnique({ where: { storeId_partId: { storeId: order.storeId, partId } }, select: { quantity: true } });
        short.push({ path: need.code, message: `${need.name} 需要 ${need.quantity}，库存 ${stock?.quantity ?? 0}` });
        continue;
      }
      await tx.partStockMovement.create({ data: { storeId: order.storeId, partId, delta: -need.quantity, reason: `工单 #${workOrderId} 结算`, workOrderId, staffId: caller.staffId }, select: { id: true } });
    }
    if (short.length > 0) throw new ServiceError('PARTS_OUT_OF_STOCK', `配件库存不足：${short.map((line) => line.message).join('；')}`, short);

    const record = await this.vehicles.recordServiceVisit(tx, {
      vehicleId: order.vehicleId,
      storeId: order.storeId,
      workOrderId,
      serviceType: order.serviceType,
      mileageKm: order.checkInMileage,
      servicedAt: now,
      labourFen: totals.labourFen,
      partsFen: totals.partsFen,
      totalFen: totals.totalFen,
      lines: order.items.map((item) => ({ name: item.name, labourFen: item.labourFen, parts: item.parts.map((part) => ({ name: part.part.name, quantity: part.quantity, amountFen: part.amountFen })) })),
      itemIds: [...new Set(order.items.flatMap((item) => (item.itemId ? [item.itemId] : [])))],
    });
    await tx.workOrder.update({ where: { id: workOrderId }, data: totals, select: { id: true } });
    await raiseEvent(tx, DomainEventType.SERVICE_SETTLED, workOrderId, { workOrderId, customerId: order.customerId, vehicleId: order.vehicleId, storeId: order.storeId, totalFen: totals.totalFen, serviceRecordId: record.id, subject: `保养维修 · ${order.vehicle.plate ?? order.vehicle.model.name}` }, now);
  }

  /** Puts the owner's coupon on the order (taken off the total, used at settlement); replaces one already there. */
  async applyCoupon(caller: StaffCaller, workOrderId: number, code: string) {
    const order = await this.prisma.workOrder.findFirst({ where: { id: workOrderId, ...this.scope(caller) }, select: { id: true, customerId: true, status: true } });
    if (!order) throw new ServiceError('WORK_ORDER_NOT_FOUND', '工单不存在');
    if (order.status === WorkOrderStatus.SETTLED) throw new ServiceError('WORK_ORDER_SETTLED', '工单已结算');
    await this.coupons.attach(code, order.customerId, workOrderId);
    await this.retotal(workOrderId);
    return this.detail(caller, workOrderId);
  }

  async removeCoupon(caller: StaffCaller, workOrderId: number) {
    const order = await this.prisma.workOrder.findFirst({ where: { id: workOrderId, ...this.scope(caller) }, select: { id: true, status: true } });
    if (!order) throw new ServiceError('WORK_ORDER_NOT_FOUND', '工单不存在');
    if (order.status === WorkOrderStatus.SETTLED) throw new ServiceError('WORK_ORDER_SETTLED', '工单已结算');
    await this.coupons.detach(workOrderId);
    await this.retotal(workOrderId);
    return this.detail(caller, workOrderId);
  }

  private async retotal(workOrderId: number) {
    await this.prisma.$transaction(async (tx) => {
      const status = await this.lockStatus(tx, workOrderId);
      if (status === WorkOrderStatus.SETTLED) return;
      const lines = await tx.workOrderItem.findMany({ where: { workOrderId }, select: { labourFen: true, parts: { select: { amountFen: true } } } });
      await tx.workOrder.update({ where: { id: workOrderId }, data: workOrderTotals(lines, await this.coupons.attachedValue(tx, workOrderId)), select: { id: true } });
    });
  }

  /** 维修进度: the owner's work orders, newest first. */
  async mine(customerId: number) {
    const rows = await this.prisma.workOrder.findMany({
      where: { customerId },
      select: {
        id: true,
        status: true,
        serviceType: true,
        totalFen: true,
        checkedInAt: true,
        startedAt: true,
        qualityCheckedAt: true,
        readyAt: true,
        settledAt: true,
        store: { select: { id: true, name: true, phone: true } },
        vehicle: { select: { id: true, plate: true, model: { select: { id: true, name: true } } } },
        items: { select: { name: true }, orderBy: { sortOrder: 'asc' } },
      },
      orderBy: { checkedInAt: 'desc' },
      take: 50,
    });
    return rows.map((row) => ({ ...row, items: row.items.map((item) => item.name) }));
  }

  private async resolveLines(inputs: WorkOrderLineInput[], labourRateFen: number): Promise<ResolvedLine[]> {
    const itemIds = [...new Set(inputs.flatMap((input) => (input.itemId ? [input.itemId] : [])))];
    const catalogue = await this.prisma.serviceItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, name: true, labourHundredths: true, parts: { select: { partId: true, quantity: true } } } });
    const partIds = [...new Set([...inputs.flatMap((input) => input.parts ?? []), ...catalogue.flatMap((item) => item.parts)].map((part) => part.partId))];
    const parts = new Map((await this.prisma.part.findMany({ where: { id: { in: partIds } }, select: { id: true, priceFen: true } })).map((part) => [part.id, part]));
    return inputs.map((input, index) => {
      const item = input.itemId ? catalogue.find((entry) => entry.id === input.itemId) : null;
      if (input.itemId && !item) throw new ServiceError('ITEM_NOT_FOUND', `项目 ${input.itemId} 不存在`, [{ path: `items.${index}.itemId`, message: '项目不存在' }]);
      const name = input.name ?? item?.name;
      if (!name) throw new HttpError('VALIDATION_FAILED', '自定义项目须填写名称', [{ path: `items.${index}.name`, message: '请填写项目名称' }]);
      const labourHundredths = input.labourHundredths ?? item?.labourHundredths ?? 0;
      const lineParts = (input.parts ?? item?.parts ?? []).map((part) => {
        const found = parts.get(part.partId);
        if (!found) throw new ServiceError('PART_NOT_FOUND', `配件 ${part.partId} 不存在`, [{ path: `items.${index}.parts`, message: '配件不存在' }]);
        return { partId: part.partId, quantity: part.quantity, unitPriceFen: found.priceFen, amountFen: part.quantity * found.priceFen };
      });
      return { itemId: item?.id ?? null, name, labourHundredths, labourRateFen, labourFen: labourFen(labourHundredths, labourRateFen), parts: lineParts };
    });
  }

  private async insertLines(tx: Prisma.TransactionClient, workOrderId: number, lines: ResolvedLine[]) {
    for (const [sortOrder, line] of lines.entries()) {
      const { parts, ...fields } = line;
      await tx.workOrderItem.create({ data: { ...fields, workOrderId, sortOrder, parts: { create: parts } }, select: { id: true } });
    }
  }

  /** Locks the order's row for the rest of the transaction: line edits and moves of one order take turns. */
  private async lockStatus(tx: Prisma.TransactionClient, workOrderId: number): Promise<WorkOrderStatus> {
    const [row] = await tx.$queryRaw<{ status: WorkOrderStatus }[]>`SELECT status FROM work_orders WHERE id = ${workOrderId} FOR UPDATE`;
    return row.status;
  }

  private async findInScope(caller: StaffCaller, workOrderId: number) {
    const order = await this.prisma.workOrder.findFirst({ where: { id: workOrderId, ...this.scope(caller) }, select: { id: true, storeId: true } });
    if (!order) throw new ServiceError('WORK_ORDER_NOT_FOUND', '工单不存在');
    return order;
  }

  private scope(caller: StaffCaller): Prisma.WorkOrderWhereInput {
    return this.bookings.staffScope(caller);
  }

  private summary(row: SummaryRow, caller: StaffCaller) {
    return { ...row, customer: { ...row.customer, mobile: row.customer.mobile && customerMobileFor(caller.role, row.customer.mobile) } };
  }

  private detailView(row: DetailRow, caller: StaffCaller) {
    return {
      ...this.summary(row, caller),
      bookingId: row.bookingId,
      customerNote: row.customerNote,
      labourFen: row.labourFen,
      partsFen: row.partsFen,
      discountFen: row.discountFen,
      coupon: row.coupon && { code: row.coupon.code, name: row.coupon.reward.name, valueFen: row.coupon.valueFen },
      startedAt: row.startedAt,
      qualityCheckedAt: row.qualityCheckedAt,
      readyAt: row.readyAt,
      items: row.items.map((item) => ({ ...item, parts: item.parts.map(({ part, ...line }) => ({ ...line, code: part.code, name: part.name })) })),
      allowedNext: allowedNext(row.status),
    };
  }

  /** Cars checked in within [start, end) by the customers matching `customer` (a campaign's response). */
  checkedInBetween(start: Date, end: Date, customer: Prisma.CustomerWhereInput) {
    return this.prisma.workOrder.findMany({ where: { checkedInAt: { gte: start, lt: end }, customer }, select: { customerId: true, checkedInAt: true } });
  }
}

/** `q` finds orders by the car's VIN (or its end), plate or the owner's mobile. */
function searchWhere(q: string | undefined): Prisma.WorkOrderWhereInput {
  if (!q) return {};
  const text = q.toUpperCase().replace(/[\s·.-]/g, '');
  if (isMainlandMobile(text)) return { customer: { mobile: text } };
  return { vehicle: { OR: [{ plate: text }, { vin: text.length === 17 ? text : { endsWith: text } }] } };
}
