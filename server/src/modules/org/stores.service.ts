import { Injectable } from '@nestjs/common';
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

  listRegions() {
    return this.prisma.region.findMany({ select: { id: true, code: true, name: true }, orderBy: { id: 'asc' } });
  }
}
