import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { AssignmentMode } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { worksInStore } from '../../core/auth/data-scope';
import { PrismaService } from '../../core/database/prisma.service';

@Injectable()
export class StoresService {
  constructor(private readonly prisma: PrismaService) {}

  async listActiveStores() {
    const stores = await this.prisma.store.findMany({
      where: { active: true },
      select: {
        id: true,
        code: true,
        name: true,
        regionId: true,
        city: true,
        address: true,
        phone: true,
        region: { select: { name: true } },
        openingHours: { select: { weekday: true, opensAt: true, closesAt: true }, orderBy: { weekday: 'asc' } },
      },
      orderBy: [{ regionId: 'asc' }, { id: 'asc' }],
    });
    return stores.map(({ region, ...store }) => ({ ...store, regionName: region.name }));
  }

  /** The store if the caller works in it (their store, their region, or head office); otherwise null. */
  async storeInScope(caller: StaffCaller, storeId: number): Promise<{ id: number; regionId: number } | null> {
    const store = await this.prisma.store.findUnique({ where: { id: storeId }, select: { id: true, regionId: true } });
    return store && worksInStore(caller, store) ? store : null;
  }

  /** An active store's settings row (null while never saved); null when the store is unknown or inactive. */
  activeStoreSettings(storeId: number) {
    return this.prisma.store.findFirst({ where: { id: storeId, active: true }, select: { settings: true } });
  }

  /** Saves some of a store's settings (each module its own fields), in the caller's transaction. */
  async saveSettings(tx: Prisma.TransactionClient, storeId: number, fields: Omit<Prisma.StoreSettingUncheckedCreateInput, 'storeId'>): Promise<void> {
    await tx.storeSetting.upsert({ where: { storeId }, create: { storeId, ...fields }, update: fields, select: { storeId: true } });
  }

  /** The days the store is closed from a day on, in date order. */
  closedDatesFrom(storeId: number, from: Date) {
    return this.prisma.storeClosedDate.findMany({ where: { storeId, date: { gte: from } }, select: { date: true, reason: true }, orderBy: { date: 'asc' } });
  }

  /** Replaces the store's closed days from a day on, in the caller's transaction. */
  async replaceClosedDatesFrom(tx: Prisma.TransactionClient, storeId: number, from: Date, days: Array<{ date: Date; reason: string | null }>): Promise<void> {
    await tx.storeClosedDate.deleteMany({ where: { storeId, date: { gte: from } } });
    await tx.storeClosedDate.createMany({ data: days.map((day) => ({ storeId, ...day })) });
  }

  listRegions() {
    return this.prisma.region.findMany({ select: { id: true, code: true, name: true }, orderBy: { id: 'asc' } });
  }

  /** An active store's id and region, or null. */
  activeStore(storeId: number): Promise<{ id: number; regionId: number } | null> {
    return this.prisma.store.findFirst({ where: { id: storeId, active: true }, select: { id: true, regionId: true } });
  }

  // ---- the store's lead-assignment settings (store_settings), for leads ----

  /** Call before a transaction that locks the settings: inserting the row inside it would deadlock concurrent callers. */
  async ensureSettings(storeId: number): Promise<void> {
    await this.prisma.storeSetting.createMany({ data: [{ storeId }], skipDuplicates: true });
  }

  /** Locks the store's settings row FOR UPDATE in the caller's transaction, so assignments take turns. */
  async lockAssignmentSettings(tx: Prisma.TransactionClient, storeId: number): Promise<{ mode: AssignmentMode; openLeadCap: number; lastAssignedStaffId: number | null }> {
    const [settings] = await tx.$queryRaw<Array<{ mode: AssignmentMode; cap: number; last: number | null }>>`
      SELECT assignment_mode AS mode, consultant_open_lead_cap AS cap, last_assigned_staff_id AS last
        FROM store_settings WHERE store_id = ${storeId} FOR UPDATE`;
    return { mode: settings.mode, openLeadCap: Number(settings.cap), lastAssignedStaffId: settings.last === null ? null : Number(settings.last) };
  }

  /** Moves the round-robin pointer to the consultant who just received a lead. */
  async recordLastAssigned(tx: Prisma.TransactionClient, storeId: number, staffId: number): Promise<void> {
    await tx.storeSetting.update({ where: { storeId }, data: { lastAssignedStaffId: staffId } });
  }

  async assignmentSettings(storeId: number) {
    await this.ensureSettings(storeId);
    return this.prisma.storeSetting.findUniqueOrThrow({
      where: { storeId },
      select: { storeId: true, assignmentMode: true, consultantOpenLeadCap: true, consultantDiscountLimitBp: true },
    });
  }

  async updateAssignmentSettings(storeId: number, input: { assignmentMode: AssignmentMode; consultantOpenLeadCap: number; consultantDiscountLimitBp: number }): Promise<void> {
    await this.prisma.storeSetting.upsert({ where: { storeId }, create: { storeId, ...input }, update: input });
  }

  /** Consultant limit on discounts for the store, in basis points of MSRP. */
  async discountLimitBp(storeId: number): Promise<number> {
    const settings = await this.prisma.storeSetting.findUnique({ where: { storeId }, select: { consultantDiscountLimitBp: true } });
    return settings?.consultantDiscountLimitBp ?? 500;
  }
}
