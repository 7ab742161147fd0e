import { Injectable } from '@nestjs/common';
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

  listRegions() {
    return this.prisma.region.findMany({ select: { id: true, code: true, name: true }, orderBy: { id: 'asc' } });
  }
}
