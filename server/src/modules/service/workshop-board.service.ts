import { Injectable } from '@nestjs/common';
import { ServiceBookingStatus } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { PrismaService } from '../../core/database/prisma.service';
import { shanghaiDateOf, startOfShanghaiDate } from '../../core/time/shanghai-time';
import { StoresService } from '../org/stores.service';
import { calendarDateOf, VehiclesService } from '../vehicles/vehicles.service';
import { warrantyActive } from '../vehicles/maintenance.rules';
import { ServiceBookingsService } from './service-bookings.service';
import { ServiceError } from './service.errors';
import { partsForItems, partsReadiness } from './work-orders.rules';

/** 明日到店: the service advisor's board of a day's arrivals, each with the person, the car and what it needs. */
@Injectable()
export class WorkshopBoardService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly bookings: ServiceBookingsService,
    private readonly vehicles: VehiclesService,
    private readonly stores: StoresService,
  ) {}

  async board(caller: StaffCaller, storeId: number, date: string | undefined, now = new Date()) {
    if (!(await this.stores.storeInScope(caller, storeId))) throw new ServiceError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`);
    const day = date ?? shanghaiDateOf(new Date(now.getTime() + 86_400_000));
    const start = startOfShanghaiDate(day);
    const rows = await this.prisma.serviceBooking.findMany({
      where: { storeId, startAt: { gte: start, lt: new Date(start.getTime() + 86_400_000) }, status: { in: [ServiceBookingStatus.CONFIRMED, ServiceBookingStatus.CHECKED_IN] } },
      select: {
        id: true,
        status: true,
        serviceType: true,
        startAt: true,
        endAt: true,
        customerNote: true,
        contactName: true,
        mobile: true,
        itemIds: true,
        workOrder: { select: { id: true } },
        customer: { select: { id: true, name: true, mobile: true, _count: { select: { vehicles: true } } } },
        vehicle: {
          select: { id: true, vin: true, plate: true, modelId: true, mileageKm: true, deliveredAt: true, insuranceExpiresOn: true, warrantyEndsOn: true, warrantyKm: true, model: { select: { id: true, name: true } } },
        },
      },
      orderBy: [{ startAt: 'asc' }, { id: 'asc' }],
    });
    const vehicleIds = rows.map((row) => row.vehicle.id);
    const itemIds = [...new Set(rows.flatMap((row) => row.itemIds as number[]))];
    const [rules, plans, items, lastVisits] = await Promise.all([
      this.bookings.rules(storeId),
      this.vehicles.plansFor(rows.map((row) => row.vehicle), now),
      this.prisma.serviceItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, name: true, parts: { select: { partId: true, quantity: true } } } }),
      this.vehicles.serviceVisitsOf(vehicleIds),
    ]);
    const itemParts = new Map(items.map((item) => [item.id, item.parts]));
    const needs = rows.map((row) => partsForItems(row.itemIds as number[], itemParts));
    const partIds = [...new Set(needs.flatMap((need) => [...need.keys()]))];
    const [stock, parts] = await Promise.all([
      this.prisma.partStock.findMany({ where: { storeId, partId: { in: partIds } }, select: { partId: true, quantity: true } }),
      this.prisma.part.findMany({ where: { id: { in: partIds } }, select: { id: true, code: true, name: true } }),
    ]);
    // Cars already received took their parts onto their work orders; the rest share what is on the shelf.
    const readiness = partsReadiness(needs, new Map(stock.map((entry) => [entry.partId, entry.quantity])));
    const partById = new Map(parts.map((part) => [part.id, part]));

    return {
      storeId,
      date: day,
      capacityPerSlot: await this.bookings.capacityPerSlot(storeId, rules),
      arrivals: rows.map((row, index) => {
        const plan = plans.get(row.vehicle.id)!;
        const last = lastVisits.find((visit) => visit.vehicleId === row.vehicle.id);
        const warranty = { endsOn: calendarDateOf(row.vehicle.warrantyEndsOn), km: row.vehicle.warrantyKm };
        return {
          booking: {
            id: row.id,
            status: row.status,
            serviceType: row.serviceType,
            startAt: row.startAt,
            endAt: row.endAt,
            customerNote: row.customerNote,
            contactName: row.contactName,
            mobile: customerMobileFor(caller.role, row.mobile),
            workOrderId: row.workOrder?.id ?? null,
          },
          customer: { id: row.customer.id, name: row.customer.name, mobile: row.customer.mobile && customerMobileFor(caller.role, row.customer.mobile), vehicleCount: row.customer._count.vehicles },
          vehicle: {
            id: row.vehicle.id,
            vin: row.vehicle.vin,
            plate: row.vehicle.plate,
            model: row.vehicle.model,
            mileageKm: row.vehicle.mileageKm,
            projectedKm: plan.projectedKm,
            deliveredAt: row.vehicle.deliveredAt,
            insuranceExpiresOn: calendarDateOf(row.vehicle.insuranceExpiresOn),
            warrantyActive: warrantyActive(warranty, plan.projectedKm, now),
          },
          requestedItems: items.filter((item) => (row.itemIds as number[]).includes(item.id)).map(({ id, name }) => ({ id, name })),
          recommended: plan.items.filter((item) => item.status !== 'NOT_DUE').map(({ itemId, name, status }) => ({ itemId, name, status })),
          parts: {
            ready: readiness[index].ready,
            lines: readiness[index].lines.map((line) => ({ ...line, code: partById.get(line.partId)?.code ?? '', name: partById.get(line.partId)?.name ?? '' })),
          },
          lastVisit: last
            ? { servicedAt: last.servicedAt, mileageKm: last.mileageKm, store: last.store, totalFen: last.totalFen, items: (last.lines as { name: string }[]).map((line) => line.name) }
            : null,
        };
      }),
    };
  }
}
