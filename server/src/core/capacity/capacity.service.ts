import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { isUniqueViolation } from '../database/prisma-errors';
import { shanghaiDateOf } from '../time/shanghai-time';
import { CapacityError } from './capacity.errors';
import { Slot, slotProblem, slotsOfDay, weekdayOf } from './slots.rules';

type Db = Prisma.TransactionClient | PrismaService;

const SLOT_MESSAGES = {
  SLOT_IN_PAST: '该时段已过，请选择之后的时段',
  BEYOND_BOOKING_WINDOW: '超出可预约范围，请选择近期的日期',
  OUTSIDE_OPENING_HOURS: '该时间不在门店营业时段内，请从可选时段中选择',
} as const;

/**
 * The one capacity mechanism: a pool (test-drive cars of a store, service bays) has units, and a unit is
 * held for a slot by inserting a claim row. The unique key (pool, unit, slot) is the guard: two people
 * pressing the button in the same second cannot both hold a unit, so a slot never passes its capacity and
 * a car is never in two drives at once. No read-then-write decides it.
 */
@Injectable()
export class CapacityService {
  constructor(private readonly prisma: PrismaService) {}

  /** Holds the first free unit among `unitIds` (tried in that order) for the slot; null when all are held. */
  async claimAny(db: Db, pool: string, unitIds: number[], slotStart: Date, holder: string): Promise<number | null> {
    for (const unitId of unitIds) {
      try {
        await db.slotClaim.create({ data: { pool, unitId, slotStart, holder }, select: { id: true } });
        return unitId;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return null;
  }

  async transfer(db: Db, fromHolder: string, toHolder: string): Promise<void> {
    await db.slotClaim.updateMany({ where: { holder: fromHolder }, data: { holder: toHolder } });
  }

  async release(db: Db, holder: string): Promise<void> {
    await db.slotClaim.deleteMany({ where: { holder } });
  }

  /** Which units of the pool are held, per slot start (ISO string). */
  async heldUnits(pool: string, slotStarts: Date[], db: Db = this.prisma): Promise<Map<string, Set<number>>> {
    const claims = await db.slotClaim.findMany({ where: { pool, slotStart: { in: slotStarts } }, select: { unitId: true, slotStart: true } });
    const held = new Map<string, Set<number>>();
    for (const claim of claims) {
      const key = claim.slotStart.toISOString();
      if (!held.has(key)) held.set(key, new Set());
      held.get(key)!.add(claim.unitId);
    }
    return held;
  }

  /** The slots of a store's Shanghai day: none on a closed date, back to back within the opening hours. */
  async daySlots(storeId: number, date: string, slotMinutes: number): Promise<Slot[]> {
    const [hours, closed] = await Promise.all([
      this.prisma.storeOpeningHours.findUnique({ where: { storeId_weekday: { storeId, weekday: weekdayOf(date) } }, select: { opensAt: true, closesAt: true } }),
      this.prisma.storeClosedDate.findUnique({ where: { storeId_date: { storeId, date: new Date(`${date}T00:00:00Z`) } }, select: { id: true } }),
    ]);
    return closed ? [] : slotsOfDay(date, hours, slotMinutes);
  }

  /** The slots of a day a customer may still book: in the future and within the store's booking window. */
  async openSlots(storeId: number, date: string, rules: { slotMinutes: number; bookingWindowDays: number }, now: Date): Promise<Slot[]> {
    const slots = await this.daySlots(storeId, date, rules.slotMinutes);
    return slots.filter((slot) => slotProblem(slot.startAt, now, rules.bookingWindowDays, slots) === null);
  }

  /** The slot starting at `startAt`, or a 400 saying why it cannot be booked (past, too far ahead, outside hours). */
  async bookableSlot(storeId: number, startAt: Date, rules: { slotMinutes: number; bookingWindowDays: number }, now: Date): Promise<Slot> {
    const daySlots = await this.daySlots(storeId, shanghaiDateOf(startAt), rules.slotMinutes);
    const problem = slotProblem(startAt, now, rules.bookingWindowDays, daySlots);
    if (problem) throw new CapacityError(problem, SLOT_MESSAGES[problem], [{ path: 'startAt', message: SLOT_MESSAGES[problem] }]);
    return daySlots.find((slot) => slot.startAt.getTime() === startAt.getTime())!;
  }
}
