import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { LeadSource, TestDriveBookingStatus, TestDriveCarStatus } from '../../generated/prisma/enums';
import type { BookTestDriveInput } from '../../contracts/test-drives.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { CapacityService } from '../../core/capacity/capacity.service';
import { PrismaService } from '../../core/database/prisma.service';
import { retryOnConflict } from '../../core/database/prisma-errors';
import { IdempotencyService } from '../../core/idempotency/idempotency.service';
import { CustomersService } from '../customers/customers.service';
import { LeadCaptureService } from '../leads/lead-capture.service';
import { LeadPipelineService } from '../leads/lead-pipeline.service';
import { LeadQueriesService } from '../leads/lead-queries.service';
import { ReferralsService } from '../loyalty/referrals.service';
import { StoresService } from '../org/stores.service';
import { VehicleModelsService } from '../vehicles/vehicle-models.service';
import { Slot, withinChangeWindow } from '../../core/capacity/slots.rules';
import { TestDriveError } from './test-drives.errors';

/** Each store's test-drive cars form one capacity pool; a car is a unit. */
export const carPool = (storeId: number) => `test-drive-cars:${storeId}`;
export const holderOf = (bookingId: number) => `test-drive:${bookingId}`;

/** Future confirmed test drives one customer may hold at once. */
export const MAX_OPEN_BOOKINGS = 3;

export const BOOKING_FIELDS = {
  id: true,
  status: true,
  startAt: true,
  endAt: true,
  contactName: true,
  rating: true,
  ratingComment: true,
  store: { select: { id: true, name: true, address: true, phone: true } },
  model: { select: { id: true, name: true } },
  route: { select: { id: true, name: true } },
} satisfies Prisma.TestDriveBookingSelect;

interface StoreRules {
  slotMinutes: number;
  bookingWindowDays: number;
  changeCutoffMinutes: number;
}

@Injectable()
export class TestDrivesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly capacity: CapacityService,
    private readonly leadCapture: LeadCaptureService,
    private readonly leadPipeline: LeadPipelineService,
    private readonly leadQueries: LeadQueriesService,
    private readonly idempotency: IdempotencyService,
    private readonly referrals: ReferralsService,
    private readonly stores: StoresService,
    private readonly models: VehicleModelsService,
    private readonly customers: CustomersService,
  ) {}

  /** Future slots of a Shanghai day within opening hours, with how many cars of the model are still free. */
  async slots(storeId: number, modelId: number, date: string, now = new Date()) {
    const rules = await this.storeRules(storeId);
    await this.assertModel(modelId);
    const daySlots = await this.capacity.openSlots(storeId, date, rules, now);
    const cars = await this.availableCars(this.prisma, storeId, modelId);
    const held = await this.capacity.heldUnits(carPool(storeId), daySlots.map((slot) => slot.startAt));
    return daySlots.map((slot) => {
      const taken = held.get(slot.startAt.toISOString()) ?? new Set<number>();
      return { ...slot, remaining: cars.filter((carId) => !taken.has(carId)).length };
    });
  }

  /**
   * Books a slot by holding one free car of the model. The same Idempotency-Key from the same customer
   * returns the same booking, even when the two requests arrive together (the key is a unique column).
   */
  book(customerId: number, input: BookTestDriveInput, idempotencyKey: string | undefined, now = new Date()) {
    if (!idempotencyKey) return this.bookOnce(customerId, input, null, now);
    const key = `${customerId}:${idempotencyKey}`;
    return this.idempotency.once(
      `test-drive:${key}`,
      () => this.prisma.testDriveBooking.findUnique({ where: { idempotencyKey: key }, select: BOOKING_FIELDS }),
      () => this.bookOnce(customerId, input, key, now),
    );
  }

  private async bookOnce(customerId: number, input: BookTestDriveInput, key: string | null, now: Date) {
    // The contact typed here stays on the booking and on its lead (filed under that mobile's contact record):
    // typing a mobile proves nothing, so it never becomes this account's mobile (only an SMS code does).
    const { bookingId, model, slot } = await this.reserve({ ...input, customerId, idempotencyKey: key, capped: true }, now);
    const referrerCustomerId = input.referralCode ? await this.referrals.referrerFor(input.referralCode, { customerId, mobile: input.mobile }) : null;
    const { lead } = await this.leadCapture.capture(
      { name: input.contactName, mobile: input.mobile, source: LeadSource.MINI_PROGRAM, storeId: input.storeId, intendedModelId: input.modelId, note: `小程序预约试驾 ${model.name}`, referrerCustomerId },
      {},
    );
    await this.prisma.testDriveBooking.update({ where: { id: bookingId }, data: { leadId: lead.id }, select: { id: true } });
    await this.leadPipeline.inviteForTestDrive(lead.id, slot.startAt, model.name);
    return this.prisma.testDriveBooking.findUniqueOrThrow({ where: { id: bookingId }, select: BOOKING_FIELDS });
  }

  /** Staff book on behalf of a lead they may see (a phone call, a walk-in). */
  async bookForLead(caller: StaffCaller, input: { leadId: number; modelId: number; startAt: string; routeId?: number | null }, now = new Date()) {
    const lead = await this.leadQueries.findInScope(caller, input.leadId);
    const { bookingId, model, slot } = await this.reserve(
      { customerId: lead.customerId, storeId: lead.storeId, modelId: input.modelId, startAt: input.startAt, contactName: lead.name, mobile: lead.mobile, routeId: input.routeId, idempotencyKey: null, leadId: lead.id },
      now,
    );
    await this.leadPipeline.inviteForTestDrive(lead.id, slot.startAt, model.name);
    return this.prisma.testDriveBooking.findUniqueOrThrow({ where: { id: bookingId }, select: BOOKING_FIELDS });
  }

  /** Validates the slot and holds a car for it; the booking row and its claim are written together. */
  private async reserve(
    input: {
      customerId: number;
      storeId: number;
      modelId: number;
      startAt: string;
      contactName: string;
      mobile: string;
      routeId?: number | null;
      idempotencyKey: string | null;
      leadId?: number;
      /** A customer booking for themselves is held to the per-customer limits; staff booking for a lead are not. */
      capped?: boolean;
    },
    now: Date,
  ) {
    const rules = await this.storeRules(input.storeId);
    const model = await this.assertModel(input.modelId);
    if (input.routeId && !(await this.prisma.testDriveRoute.findFirst({ where: { id: input.routeId, storeId: input.storeId, active: true }, select: { id: true } }))) {
      throw new TestDriveError('ROUTE_NOT_FOUND', '试驾路线不存在');
    }
    const startAt = new Date(input.startAt);
    const slot = await this.capacity.bookableSlot(input.storeId, startAt, rules, now);
    if ((await this.freeCars(this.prisma, input.storeId, input.modelId, slot)).length === 0) {
      throw new TestDriveError('SLOT_FULL', '该时段已约满，请选择其他时段');
    }

    const booking = await retryOnConflict(() =>
        this.prisma.$transaction(async (tx) => {
          if (input.capped) await this.assertWithinCustomerLimits(tx, input.customerId, slot, now);
          const carId = await this.holdCar(tx, input.storeId, input.modelId, slot, `pending:${randomUUID()}`);
          const created = await tx.testDriveBooking.create({
            data: {
              customerId: input.customerId,
              leadId: input.leadId ?? null,
              storeId: input.storeId,
              modelId: input.modelId,
              carId: carId.unitId,
              routeId: input.routeId ?? null,
              startAt: slot.startAt,
              endAt: slot.endAt,
              contactName: input.contactName,
              mobile: input.mobile,
              idempotencyKey: input.idempotencyKey,
            },
            select: { id: true },
          });
          await this.capacity.transfer(tx, carId.holder, holderOf(created.id));
          return created;
        }),
    );
    return { bookingId: booking.id, model, slot };
  }

  mine(customerId: number) {
    return this.prisma.testDriveBooking.findMany({ where: { customerId }, select: BOOKING_FIELDS, orderBy: { startAt: 'desc' }, take: 100 });
  }

  async reschedule(customerId: number, bookingId: number, startAtIso: string, now = new Date()) {
    const booking = await this.activeBookingOf(customerId, bookingId);
    const rules = await this.storeRules(booking.storeId);
    if (!withinChangeWindow(booking.startAt, now, rules.changeCutoffMinutes)) {
      throw new TestDriveError('CHANGE_CUTOFF_PASSED', `试驾开始前 ${rules.changeCutoffMinutes / 60} 小时内不能改约，请联系门店`);
    }
    const slot = await this.capacity.bookableSlot(booking.storeId, new Date(startAtIso), rules, now);
    await retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        // Locked and re-checked inside the transaction: a cancel, no-show or start that committed since the
        // read above must win, or the claim taken below would be held by a closed booking for ever. A cancel
        // arriving now waits for this transaction and then releases the new claim.
        if (!(await this.lockIfActive(tx, bookingId))) throw new TestDriveError('BOOKING_NOT_ACTIVE', '预约已取消或已开始');
        await this.lockCustomer(tx, customerId);
        await this.assertSlotFreeForCustomer(tx, customerId, slot, bookingId);
        await this.capacity.release(tx, holderOf(bookingId));
        const car = await this.holdCar(tx, booking.storeId, booking.modelId, slot, holderOf(bookingId));
        await tx.testDriveBooking.update({ where: { id: bookingId }, data: { startAt: slot.startAt, endAt: slot.endAt, carId: car.unitId }, select: { id: true } });
      }),
    );
    return this.prisma.testDriveBooking.findUniqueOrThrow({ where: { id: bookingId }, select: BOOKING_FIELDS });
  }

  async cancel(customerId: number, bookingId: number, now = new Date()) {
    const booking = await this.activeBookingOf(customerId, bookingId);
    const rules = await this.storeRules(booking.storeId);
    if (!withinChangeWindow(booking.startAt, now, rules.changeCutoffMinutes)) {
      throw new TestDriveError('CHANGE_CUTOFF_PASSED', `试驾开始前 ${rules.changeCutoffMinutes / 60} 小时内不能取消，请联系门店`);
    }
    await this.prisma.$transaction(async (tx) => {
      const cancelled = await tx.testDriveBooking.updateMany({
        where: { id: bookingId, status: TestDriveBookingStatus.CONFIRMED },
        data: { status: TestDriveBookingStatus.CANCELLED, cancelledAt: now },
      });
      if (cancelled.count !== 1) throw new TestDriveError('BOOKING_NOT_ACTIVE', '预约已取消或已开始');
      await this.capacity.release(tx, holderOf(bookingId));
    });
    return this.prisma.testDriveBooking.findUniqueOrThrow({ where: { id: bookingId }, select: BOOKING_FIELDS });
  }

  async rate(customerId: number, bookingId: number, rating: number, comment: string | null | undefined) {
    const booking = await this.prisma.testDriveBooking.findFirst({ where: { id: bookingId, customerId }, select: { id: true, status: true } });
    if (!booking) throw new TestDriveError('BOOKING_NOT_FOUND', '预约不存在');
    if (booking.status !== TestDriveBookingStatus.COMPLETED) throw new TestDriveError('BOOKING_NOT_COMPLETED', '试驾完成后才能评价');
    const rated = await this.prisma.testDriveBooking.updateMany({ where: { id: bookingId, rating: null }, data: { rating, ratingComment: comment ?? null } });
    if (rated.count !== 1) throw new TestDriveError('ALREADY_RATED', '已经评价过了');
    return this.prisma.testDriveBooking.findUniqueOrThrow({ where: { id: bookingId }, select: BOOKING_FIELDS });
  }

  /**
   * A customer holds at most MAX_OPEN_BOOKINGS future confirmed test drives and one per start time, so one
   * account cannot book a store's whole day.
   */
  private async assertWithinCustomerLimits(tx: Prisma.TransactionClient, customerId: number, slot: Slot, now: Date): Promise<void> {
    await this.lockCustomer(tx, customerId);
    const open = await tx.testDriveBooking.count({ where: { customerId, status: TestDriveBookingStatus.CONFIRMED, startAt: { gt: now } } });
    if (open >= MAX_OPEN_BOOKINGS) {
      throw new TestDriveError('BOOKING_LIMIT_REACHED', `最多可同时预约 ${MAX_OPEN_BOOKINGS} 场试驾，请先完成或取消已有预约`);
    }
    await this.assertSlotFreeForCustomer(tx, customerId, slot);
  }

  /**
   * Simultaneous bookings by one customer queue on their row. It is locked before the transaction's first
   * plain read, so the counts that follow are read after the lock is granted and see every booking committed
   * by the one before in the queue.
   */
  private lockCustomer(tx: Prisma.TransactionClient, customerId: number): Promise<void> {
    return this.customers.lock(tx, customerId);
  }

  /** One confirmed test drive per customer per start time; the caller holds the customer's row lock. */
  private async assertSlotFreeForCustomer(tx: Prisma.TransactionClient, customerId: number, slot: Slot, exceptBookingId?: number): Promise<void> {
    const same = await tx.testDriveBooking.findFirst({
      where: { customerId, status: TestDriveBookingStatus.CONFIRMED, startAt: slot.startAt, ...(exceptBookingId ? { id: { not: exceptBookingId } } : {}) },
      select: { id: true },
    });
    if (same) throw new TestDriveError('BOOKING_LIMIT_REACHED', '该时段您已有一场试驾预约，请选择其他时段');
  }

  /** Locks the booking's row for the transaction and reads it; null unless it is still CONFIRMED (only then may it hold a claim). */
  async lockIfActive(tx: Prisma.TransactionClient, bookingId: number): Promise<{ carId: number; startAt: Date; endAt: Date } | null> {
    const [row] = await tx.$queryRaw<Array<{ status: string; carId: number; startAt: Date; endAt: Date }>>`
      SELECT status, car_id AS carId, start_at AS startAt, end_at AS endAt FROM test_drive_bookings WHERE id = ${bookingId} FOR UPDATE`;
    return row?.status === TestDriveBookingStatus.CONFIRMED ? { carId: Number(row.carId), startAt: row.startAt, endAt: row.endAt } : null;
  }

  /**
   * Holds a free AVAILABLE car of the model for the slot, or answers 409 SLOT_FULL. Only cars not held at the
   * last look are tried (a full slot answers at once under a storm); the claim's unique key still decides.
   */
  async holdCar(tx: Prisma.TransactionClient, storeId: number, modelId: number, slot: Slot, holder: string) {
    const free = await this.freeCars(tx, storeId, modelId, slot);
    // Shuffled so simultaneous bookings start on different cars instead of all colliding on the first.
    const order = free.sort(() => Math.random() - 0.5);
    const unitId = await this.capacity.claimAny(tx, carPool(storeId), order, slot.startAt, holder);
    if (unitId === null) throw new TestDriveError('SLOT_FULL', '该时段已约满，请选择其他时段');
    return { unitId, holder };
  }

  private async freeCars(db: Prisma.TransactionClient | PrismaService, storeId: number, modelId: number, slot: Slot): Promise<number[]> {
    const [cars, held] = await Promise.all([this.availableCars(db, storeId, modelId), this.capacity.heldUnits(carPool(storeId), [slot.startAt], db)]);
    const taken = held.get(slot.startAt.toISOString()) ?? new Set<number>();
    return cars.filter((carId) => !taken.has(carId));
  }

  private async availableCars(db: Prisma.TransactionClient | PrismaService, storeId: number, modelId: number): Promise<number[]> {
    const cars = await db.testDriveCar.findMany({ where: { storeId, modelId, status: TestDriveCarStatus.AVAILABLE }, select: { id: true }, orderBy: { id: 'asc' } });
    return cars.map((car) => car.id);
  }

  async storeRules(storeId: number): Promise<StoreRules> {
    const store = await this.stores.activeStoreSettings(storeId);
    if (!store) throw new TestDriveError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`);
    if (!store.settings) return { slotMinutes: 60, bookingWindowDays: 14, changeCutoffMinutes: 120 };
    const { slotMinutes, bookingWindowDays, changeCutoffMinutes } = store.settings;
    return { slotMinutes, bookingWindowDays, changeCutoffMinutes };
  }

  private async assertModel(modelId: number) {
    const model = await this.models.activeModel(modelId);
    if (!model) throw new TestDriveError('MODEL_NOT_FOUND', `车型 ${modelId} 不存在`);
    return model;
  }

  private async activeBookingOf(customerId: number, bookingId: number) {
    const booking = await this.prisma.testDriveBooking.findFirst({
      where: { id: bookingId, customerId },
      select: { id: true, storeId: true, modelId: true, startAt: true, status: true },
    });
    if (!booking) throw new TestDriveError('BOOKING_NOT_FOUND', '预约不存在');
    if (booking.status !== TestDriveBookingStatus.CONFIRMED) throw new TestDriveError('BOOKING_NOT_ACTIVE', '预约已取消或已开始');
    return booking;
  }

  /** Confirmed test drives starting within [start, end), for the day-before reminder. */
  confirmedStarting(start: Date, end: Date) {
    return this.prisma.testDriveBooking.findMany({
      where: { status: TestDriveBookingStatus.CONFIRMED, startAt: { gte: start, lt: end } },
      select: { id: true, customerId: true, startAt: true, model: { select: { name: true } }, store: { select: { name: true } } },
    });
  }
}
