import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { ServiceBookingStatus, StaffRole } from '../../generated/prisma/enums';
import type { BookServiceInput } from '../../contracts/service.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, scopedWhere } from '../../core/auth/data-scope';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { CapacityService } from '../../core/capacity/capacity.service';
import { Slot, withinChangeWindow } from '../../core/capacity/slots.rules';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation, retryOnConflict } from '../../core/database/prisma-errors';
import { IdempotencyService } from '../../core/idempotency/idempotency.service';
import { shanghaiDateSpan } from '../../core/time/shanghai-time';
import { CustomersService } from '../customers/customers.service';
import { StaffService } from '../org/staff.service';
import { StoresService } from '../org/stores.service';
import { VehiclesService } from '../vehicles/vehicles.service';
import { serviceSlotCapacity } from './work-orders.rules';
import { ServiceError } from './service.errors';

/** Each store's workshop is one capacity pool; its units are the places in a slot (1..capacity). */
export const workshopPool = (storeId: number) => `service-slots:${storeId}`;
const holderOf = (bookingId: number) => `service-booking:${bookingId}`;

export const SERVICE_BOOKING_FIELDS = {
  id: true,
  status: true,
  serviceType: true,
  startAt: true,
  endAt: true,
  itemIds: true,
  customerNote: true,
  contactName: true,
  mobile: true,
  store: { select: { id: true, name: true, address: true, phone: true } },
  vehicle: { select: { id: true, vin: true, plate: true, mileageKm: true, model: { select: { id: true, name: true } } } },
  workOrder: { select: { id: true } },
} satisfies Prisma.ServiceBookingSelect;

const alreadyBooked = () => new ServiceError('VEHICLE_ALREADY_BOOKED', '这辆车已有一个待到店的预约，请改约或取消后再约');

type BookingRow = Prisma.ServiceBookingGetPayload<{ select: typeof SERVICE_BOOKING_FIELDS }>;

export interface WorkshopRules {
  slotMinutes: number;
  bookingWindowDays: number;
  changeCutoffMinutes: number;
  jobsPerAdvisor: number;
  labourRateFen: number;
}

/** Maintenance and repair bookings, held on the same capacity mechanism as test drives. */
@Injectable()
export class ServiceBookingsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly capacity: CapacityService,
    private readonly idempotency: IdempotencyService,
    private readonly vehicles: VehiclesService,
    private readonly stores: StoresService,
    private readonly staff: StaffService,
    private readonly customers: CustomersService,
  ) {}

  async slots(storeId: number, date: string, now = new Date()) {
    const rules = await this.rules(storeId);
    const daySlots = await this.capacity.openSlots(storeId, date, rules, now);
    const places = await this.capacityPerSlot(storeId, rules);
    const held = await this.capacity.heldUnits(workshopPool(storeId), daySlots.map((slot) => slot.startAt));
    return daySlots.map((slot) => ({ ...slot, remaining: Math.max(0, places - (held.get(slot.startAt.toISOString())?.size ?? 0)) }));
  }

  /** The owner books one of their bound cars. The same Idempotency-Key from the same customer is the same booking. */
  async book(customerId: number, input: BookServiceInput, idempotencyKey: string | undefined, now = new Date()) {
    await this.vehicles.ownedRow(customerId, input.vehicleId);
    const customer = await this.customers.contactOf(customerId);
    const contact = { contactName: customer.name ?? '车主', mobile: customer.mobile ?? '' };
    if (!idempotencyKey) return this.view(await this.reserve(customerId, input, contact, null, null, now));
    const key = `${customerId}:${idempotencyKey}`;
    return this.idempotency.once(
      `service-booking:${key}`,
      async () => {
        const earlier = await this.prisma.serviceBooking.findUnique({ where: { idempotencyKey: key }, select: SERVICE_BOOKING_FIELDS });
        return earlier && this.view(earlier);
      },
      async () => this.view(await this.reserve(customerId, input, contact, key, null, now)),
    );
  }

  /** Staff book by phone for the car's owner. */
  async bookByStaff(caller: StaffCaller, input: BookServiceInput, now = new Date()) {
    if (!(await this.stores.storeInScope(caller, input.storeId))) throw new ServiceError('STORE_NOT_FOUND', `门店 ${input.storeId} 不存在`);
    const vehicle = await this.vehicles.findInScope(caller, input.vehicleId);
    const owner = await this.customers.contactOf(vehicle.ownerId);
    const booking = await this.reserve(vehicle.ownerId, input, { contactName: owner.name ?? '车主', mobile: owner.mobile ?? '' }, null, caller.staffId, now);
    return this.view(booking, caller.role);
  }

  private async reserve(customerId: number, input: BookServiceInput, contact: { contactName: string; mobile: string }, key: string | null, bookedById: number | null, now: Date): Promise<BookingRow> {
    const rules = await this.rules(input.storeId);
    const itemIds = await this.knownItems(input.itemIds);
    const slot = await this.capacity.bookableSlot(input.storeId, new Date(input.startAt), rules, now);
    const places = await this.capacityPerSlot(input.storeId, rules);
    if (await this.prisma.serviceBooking.findUnique({ where: { activeVehicleId: input.vehicleId }, select: { id: true } })) throw alreadyBooked();
    const booking = await retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        const pending = `pending:${randomUUID()}`;
        await this.holdPlace(tx, input.storeId, places, slot, pending);
        try {
          const created = await tx.serviceBooking.create({
            data: {
              customerId,
              vehicleId: input.vehicleId,
              activeVehicleId: input.vehicleId,
              storeId: input.storeId,
              serviceType: input.serviceType,
              startAt: slot.startAt,
              endAt: slot.endAt,
              itemIds,
              customerNote: input.note ?? null,
              ...contact,
              idempotencyKey: key,
              bookedById,
            },
            select: { id: true },
          });
          await this.capacity.transfer(tx, pending, holderOf(created.id));
          return created;
        } catch (error) {
          // The one unique key left to break is the car's upcoming booking (the slot claim has its own).
          if (isUniqueViolation(error)) throw alreadyBooked();
          throw error;
        }
      }),
    );
    return this.prisma.serviceBooking.findUniqueOrThrow({ where: { id: booking.id }, select: SERVICE_BOOKING_FIELDS });
  }

  /** Takes a free place of the slot; places already held are skipped, the claim's unique key decides races. */
  private async holdPlace(tx: Prisma.TransactionClient, storeId: number, places: number, slot: Slot, holder: string): Promise<void> {
    const held = (await this.capacity.heldUnits(workshopPool(storeId), [slot.startAt], tx)).get(slot.startAt.toISOString()) ?? new Set<number>();
    const free = Array.from({ length: places }, (_, index) => index + 1).filter((unit) => !held.has(unit));
    // Shuffled so simultaneous bookings start on different places instead of all colliding on the first.
    const unit = await this.capacity.claimAny(tx, workshopPool(storeId), free.sort(() => Math.random() - 0.5), slot.startAt, holder);
    if (unit === null) throw new ServiceError('SLOT_FULL', '该时段已约满，请选择其他时段');
  }

  async mine(customerId: number) {
    const rows = await this.prisma.serviceBooking.findMany({ where: { customerId }, select: SERVICE_BOOKING_FIELDS, orderBy: { startAt: 'desc' }, take: 100 });
    return this.views(rows);
  }

  async reschedule(customerId: number, bookingId: number, startAtIso: string, now = new Date()) {
    const booking = await this.activeBooking({ customerId }, bookingId);
    const rules = await this.rules(booking.storeId);
    if (!withinChangeWindow(booking.startAt, now, rules.changeCutoffMinutes)) {
      throw new ServiceError('CHANGE_CUTOFF_PASSED', `到店前 ${rules.changeCutoffMinutes / 60} 小时内不能改约，请致电门店`);
    }
    const slot = await this.capacity.bookableSlot(booking.storeId, new Date(startAtIso), rules, now);
    const places = await this.capacityPerSlot(booking.storeId, rules);
    await retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        // Locked and re-checked inside the transaction: a cancel, no-show or check-in that committed since the
        // read above must win, or the place taken below would be held by a closed booking for ever. One
        // arriving now waits for this transaction and then releases the new place.
        const [current] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM service_bookings WHERE id = ${bookingId} FOR UPDATE`;
        if (current?.status !== ServiceBookingStatus.CONFIRMED) throw new ServiceError('BOOKING_NOT_ACTIVE', '预约已取消或已到店');
        await this.capacity.release(tx, holderOf(bookingId));
        await this.holdPlace(tx, booking.storeId, places, slot, holderOf(bookingId));
        await tx.serviceBooking.update({ where: { id: bookingId }, data: { startAt: slot.startAt, endAt: slot.endAt }, select: { id: true } });
      }),
    );
    return this.view(await this.prisma.serviceBooking.findUniqueOrThrow({ where: { id: bookingId }, select: SERVICE_BOOKING_FIELDS }));
  }

  async cancel(customerId: number, bookingId: number, now = new Date()) {
    const booking = await this.activeBooking({ customerId }, bookingId);
    const rules = await this.rules(booking.storeId);
    if (!withinChangeWindow(booking.startAt, now, rules.changeCutoffMinutes)) {
      throw new ServiceError('CHANGE_CUTOFF_PASSED', `到店前 ${rules.changeCutoffMinutes / 60} 小时内不能取消，请致电门店`);
    }
    await this.close(bookingId, ServiceBookingStatus.CANCELLED, now);
    return this.view(await this.prisma.serviceBooking.findUniqueOrThrow({ where: { id: bookingId }, select: SERVICE_BOOKING_FIELDS }));
  }

  /** Staff cancel (the customer phoned) or record a no-show; no cut-off applies to them. */
  async closeByStaff(caller: StaffCaller, bookingId: number, status: 'CANCELLED' | 'NO_SHOW', now = new Date()) {
    const booking = await this.activeBooking(this.staffScope(caller), bookingId);
    if (status === ServiceBookingStatus.NO_SHOW && booking.startAt > now) throw new ServiceError('NO_SHOW_TOO_EARLY', '预约时间未到，不能记为未到店');
    await this.close(bookingId, status, now);
    return this.view(await this.prisma.serviceBooking.findUniqueOrThrow({ where: { id: bookingId }, select: SERVICE_BOOKING_FIELDS }), caller.role);
  }

  private async close(bookingId: number, status: 'CANCELLED' | 'NO_SHOW', now: Date) {
    await this.prisma.$transaction(async (tx) => {
      const closed = await tx.serviceBooking.updateMany({
        where: { id: bookingId, status: ServiceBookingStatus.CONFIRMED },
        data: { status, activeVehicleId: null, cancelledAt: status === ServiceBookingStatus.CANCELLED ? now : null },
      });
      if (closed.count !== 1) throw new ServiceError('BOOKING_NOT_ACTIVE', '预约已取消或已到店');
      await this.capacity.release(tx, holderOf(bookingId));
    });
  }

  /** 预约日历: a store's bookings between two Shanghai dates (inclusive). */
  async calendar(caller: StaffCaller, storeId: number, from: string, to: string) {
    if (!(await this.stores.storeInScope(caller, storeId))) throw new ServiceError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`);
    const rows = await this.prisma.serviceBooking.findMany({
      where: { storeId, startAt: shanghaiDateSpan(from, to) },
      select: SERVICE_BOOKING_FIELDS,
      orderBy: { startAt: 'asc' },
      take: 2000,
    });
    return this.views(rows, caller.role);
  }

  /** Workshop records (bookings, work orders) belong to a store: staff see those of the stores in their scope. */
  staffScope(caller: StaffCaller): { storeId?: number; store?: { regionId: number } } {
    return scopedWhere<{ storeId?: number; store?: { regionId: number } }>(dataScopeOf(caller), {
      own: () => ({ storeId: caller.storeId ?? -1 }),
      store: (storeId) => ({ storeId }),
      region: (regionId) => ({ store: { regionId } }),
    });
  }

  async rules(storeId: number): Promise<WorkshopRules> {
    const store = await this.stores.activeStoreSettings(storeId);
    if (!store) throw new ServiceError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`);
    const settings = store.settings ?? { serviceSlotMinutes: 60, serviceBookingWindowDays: 30, changeCutoffMinutes: 120, serviceJobsPerAdvisor: 2, labourRateFen: 30_000 };
    return {
      slotMinutes: settings.serviceSlotMinutes,
      bookingWindowDays: settings.serviceBookingWindowDays,
      changeCutoffMinutes: settings.changeCutoffMinutes,
      jobsPerAdvisor: settings.serviceJobsPerAdvisor,
      labourRateFen: settings.labourRateFen,
    };
  }

  /** Places per slot from the bays in service and the advisors on duty. */
  async capacityPerSlot(storeId: number, rules: WorkshopRules): Promise<number> {
    const [bays, advisors] = await Promise.all([
      this.prisma.serviceBay.count({ where: { storeId, active: true } }),
      this.staff.onDutyCount(storeId, StaffRole.SERVICE_ADVISOR),
    ]);
    return serviceSlotCapacity(bays, advisors, rules.jobsPerAdvisor);
  }

  private async knownItems(itemIds: number[]): Promise<number[]> {
    const unique = [...new Set(itemIds)];
    const found = await this.prisma.serviceItem.findMany({ where: { id: { in: unique } }, select: { id: true } });
    if (found.length !== unique.length) {
      const missing = unique.filter((id) => !found.some((item) => item.id === id));
      throw new ServiceError('ITEM_NOT_FOUND', `保养项目 ${missing.join('、')} 不存在`, [{ path: 'itemIds', message: '包含不存在的项目' }]);
    }
    return unique;
  }

  private async activeBooking(where: Prisma.ServiceBookingWhereInput, bookingId: number) {
    const booking = await this.prisma.serviceBooking.findFirst({ where: { id: bookingId, ...where }, select: { id: true, storeId: true, startAt: true, status: true } });
    if (!booking) throw new ServiceError('BOOKING_NOT_FOUND', '预约不存在');
    if (booking.status !== ServiceBookingStatus.CONFIRMED) throw new ServiceError('BOOKING_NOT_ACTIVE', '预约已取消或已到店');
    return booking;
  }

  /** A booking as an API answer: item names instead of ids, until when the owner may change it, the mobile as the staff role may see it. */
  async view(row: BookingRow, role?: StaffRole) {
    return (await this.views([row], role))[0];
  }

  async views(rows: BookingRow[], role?: StaffRole) {
    const itemIds = [...new Set(rows.flatMap((row) => row.itemIds as number[]))];
    const storeIds = [...new Set(rows.map((row) => row.store.id))];
    const [items, cutoffs] = await Promise.all([
      itemIds.length ? this.prisma.serviceItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } }) : [],
      Promise.all(storeIds.map(async (storeId) => [storeId, (await this.rules(storeId)).changeCutoffMinutes] as const)).then((pairs) => new Map(pairs)),
    ]);
    return rows.map(({ itemIds: ids, workOrder, ...row }) => ({
      ...row,
      mobile: role ? customerMobileFor(role, row.mobile) : row.mobile,
      items: items.filter((item) => (ids as number[]).includes(item.id)),
      workOrderId: workOrder?.id ?? null,
      changeableUntil: row.status === ServiceBookingStatus.CONFIRMED ? new Date(row.startAt.getTime() - cutoffs.get(row.store.id)! * 60_000) : null,
    }));
  }


  /** Confirmed bookings starting within [start, end), for the day-before reminder. */
  confirmedStarting(start: Date, end: Date) {
    return this.prisma.serviceBooking.findMany({
      where: { status: ServiceBookingStatus.CONFIRMED, startAt: { gte: start, lt: end } },
      select: { id: true, customerId: true, startAt: true, vehicle: { select: { plate: true, model: { select: { name: true } } } }, store: { select: { name: true } } },
    });
  }

  /** Bookings made within [start, end) by the customers matching `customer` (a campaign's response). */
  bookedBetween(start: Date, end: Date, customer: Prisma.CustomerWhereInput) {
    return this.prisma.serviceBooking.findMany({ where: { createdAt: { gte: start, lt: end }, customer }, select: { customerId: true, createdAt: true } });
  }
}
