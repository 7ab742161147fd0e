import { Injectable } from '@nestjs/common';
import { ServiceBookingStatus } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { shanghaiDateOf, startOfShanghaiDate } from '../../core/time/shanghai-time';
import { StoresService } from '../org/stores.service';
import { ServiceError } from './service.errors';
import { partsForItems } from './work-orders.rules';

/** The service-item catalogue and each store's parts stock (配件库存). */
@Injectable()
export class PartsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly stores: StoresService,
  ) {}

  /** A model's schedule items and the general ones (alignment, wash...), not another model's (spark plugs on a BEV). */
  async items(modelId: number | undefined) {
    const rows = await this.prisma.serviceItem.findMany({
      where: modelId ? { OR: [{ rules: { some: { modelId } } }, { rules: { none: {} } }] } : {},
      select: { id: true, code: true, name: true, labourHundredths: true, parts: { select: { quantity: true, part: { select: { id: true, code: true, name: true, priceFen: true } } } } },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row) => ({ ...row, parts: row.parts.map(({ quantity, part }) => ({ partId: part.id, code: part.code, name: part.name, quantity, priceFen: part.priceFen })) }));
  }

  async stock(caller: StaffCaller, storeId: number, q: string | undefined, now = new Date()) {
    await this.assertStore(caller, storeId);
    const [parts, needed] = await Promise.all([
      this.prisma.part.findMany({
        where: q ? { OR: [{ code: { startsWith: q.toUpperCase() } }, { name: { contains: q } }] } : {},
        select: { id: true, code: true, name: true, unit: true, priceFen: true, stocks: { where: { storeId }, select: { quantity: true } } },
        orderBy: { code: 'asc' },
      }),
      this.neededOn(storeId, shanghaiDateOf(new Date(now.getTime() + 86_400_000))),
    ]);
    return parts.map((part) => ({ partId: part.id, code: part.code, name: part.name, unit: part.unit, priceFen: part.priceFen, quantity: part.stocks[0]?.quantity ?? 0, neededTomorrow: needed.get(part.id) ?? 0 }));
  }

  async receive(caller: StaffCaller, input: { storeId: number; partId: number; quantity: number; reason: string }) {
    await this.assertStore(caller, input.storeId);
    if (!(await this.prisma.part.findUnique({ where: { id: input.partId }, select: { id: true } }))) throw new ServiceError('PART_NOT_FOUND', `配件 ${input.partId} 不存在`);
    await this.prisma.$transaction(async (tx) => {
      await tx.partStock.upsert({
        where: { storeId_partId: { storeId: input.storeId, partId: input.partId } },
        create: { storeId: input.storeId, partId: input.partId, quantity: input.quantity },
        update: { quantity: { increment: input.quantity } },
        select: { partId: true },
      });
      await tx.partStockMovement.create({ data: { storeId: input.storeId, partId: input.partId, delta: input.quantity, reason: input.reason, staffId: caller.staffId }, select: { id: true } });
    });
    return (await this.stock(caller, input.storeId, undefined)).find((part) => part.partId === input.partId)!;
  }

  async movements(caller: StaffCaller, storeId: number, partId: number | undefined) {
    await this.assertStore(caller, storeId);
    return this.prisma.partStockMovement.findMany({
      where: { storeId, ...(partId ? { partId } : {}) },
      select: { id: true, delta: true, reason: true, workOrderId: true, createdAt: true, part: { select: { id: true, code: true, name: true } }, staff: { select: { id: true, name: true } } },
      orderBy: { id: 'desc' },
      take: 200,
    });
  }

  /** What a day's confirmed bookings at the store need, per part. */
  private async neededOn(storeId: number, date: string): Promise<Map<number, number>> {
    const start = startOfShanghaiDate(date);
    const bookings = await this.prisma.serviceBooking.findMany({
      where: { storeId, status: ServiceBookingStatus.CONFIRMED, startAt: { gte: start, lt: new Date(start.getTime() + 86_400_000) } },
      select: { itemIds: true },
    });
    const itemIds = bookings.flatMap((booking) => booking.itemIds as number[]);
    const itemParts = await this.prisma.serviceItemPart.findMany({ where: { itemId: { in: [...new Set(itemIds)] } }, select: { itemId: true, partId: true, quantity: true } });
    const byItem = new Map<number, { partId: number; quantity: number }[]>();
    for (const entry of itemParts) byItem.set(entry.itemId, [...(byItem.get(entry.itemId) ?? []), entry]);
    return partsForItems(itemIds, byItem);
  }

  private async assertStore(caller: StaffCaller, storeId: number) {
    if (!(await this.stores.storeInScope(caller, storeId))) throw new ServiceError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`);
  }
}
