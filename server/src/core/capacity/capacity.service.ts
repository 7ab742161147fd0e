import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { isUniqueViolation } from '../database/prisma-errors';

type Db = Prisma.TransactionClient | PrismaService;

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
}
