import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
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
}
