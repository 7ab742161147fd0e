import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../core/database/prisma.service';
import { addMonthsToDate, shanghaiDateOf, shanghaiDateSpan } from '../../core/time/shanghai-time';
import { VehiclesService } from './vehicles.service';

/** A car and the date something about it falls due, for reminders. */
export interface VehicleDue {
  vehicleId: number;
  ownerId: number;
  storeId: number;
  plate: string | null;
  model: string;
  store: string;
  /** YYYY-MM-DD, or a mileage mark ("km-5000") when it falls due by distance. */
  dueOn: string;
}

const DUE_FIELDS = { id: true, ownerId: true, storeId: true, plate: true, model: { select: { name: true } }, store: { select: { name: true } } } as const;
type DueRow = Prisma.VehicleGetPayload<{ select: typeof DUE_FIELDS }>;

const MAINTENANCE_BATCH = 1000;

const dateRange = (window: { from: string; to: string }) => ({ gte: new Date(`${window.from}T00:00:00Z`), lte: new Date(`${window.to}T00:00:00Z`) });
const instantRange = (window: { from: string; to: string }) => shanghaiDateSpan(window.from, window.to);

function dueOf(row: DueRow, dueOn: string): VehicleDue {
  return { vehicleId: row.id, ownerId: row.ownerId, storeId: row.storeId, plate: row.plate, model: row.model.name, store: row.store.name, dueOn };
}

/** When each car's insurance, warranty, first service, next maintenance or "too long without a visit" falls due. */
@Injectable()
export class VehicleDueDatesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly vehicles: VehiclesService,
  ) {}

  async insuranceEnding(window: { from: string; to: string }): Promise<VehicleDue[]> {
    const rows = await this.prisma.vehicle.findMany({ where: { insuranceExpiresOn: dateRange(window) }, select: { ...DUE_FIELDS, insuranceExpiresOn: true } });
    return rows.map((row) => dueOf(row, row.insuranceExpiresOn!.toISOString().slice(0, 10)));
  }

  async warrantyEnding(window: { from: string; to: string }): Promise<VehicleDue[]> {
    const rows = await this.prisma.vehicle.findMany({ where: { warrantyEndsOn: dateRange(window) }, select: { ...DUE_FIELDS, warrantyEndsOn: true } });
    return rows.map((row) => dueOf(row, row.warrantyEndsOn!.toISOString().slice(0, 10)));
  }

  /** Never-serviced cars delivered `months` before the window, and those already past `km`. */
  async firstServiceDue(window: { from: string; to: string }, months: number | null, km: number | null): Promise<VehicleDue[]> {
    const due: VehicleDue[] = [];
    if (months) {
      const delivered = { from: addMonthsToDate(window.from, -months), to: addMonthsToDate(window.to, -months) };
      const rows = await this.prisma.vehicle.findMany({ where: { lastServiceAt: null, deliveredAt: instantRange(delivered) }, select: { ...DUE_FIELDS, deliveredAt: true } });
      due.push(...rows.map((row) => dueOf(row, addMonthsToDate(shanghaiDateOf(row.deliveredAt), months))));
    }
    if (km) {
      const rows = await this.prisma.vehicle.findMany({ where: { lastServiceAt: null, mileageKm: { gte: km } }, select: DUE_FIELDS });
      due.push(...rows.map((row) => dueOf(row, `km-${km}`)));
    }
    return due;
  }

  /** Cars whose last visit (or delivery, never serviced) was `months` before the window. */
  async dormant(window: { from: string; to: string }, months: number): Promise<VehicleDue[]> {
    const visited = instantRange({ from: addMonthsToDate(window.from, -months), to: addMonthsToDate(window.to, -months) });
    const rows = await this.prisma.vehicle.findMany({
      where: { OR: [{ lastServiceAt: visited }, { lastServiceAt: null, deliveredAt: visited }] },
      select: { ...DUE_FIELDS, lastServiceAt: true, deliveredAt: true },
    });
    return rows.map((row) => dueOf(row, addMonthsToDate(shanghaiDateOf(row.lastServiceAt ?? row.deliveredAt), months)));
  }

  /**
   * Cars whose next scheduled maintenance (the model's schedule from the last service of each item, as the
   * car's file shows it) falls in the window: every car's plan is worked out, a thousand at a time.
   */
  async *maintenanceDue(window: { from: string; to: string }, now: Date): AsyncGenerator<{ examined: number; due: VehicleDue[] }> {
    let afterId = 0;
    for (;;) {
      const rows = await this.prisma.vehicle.findMany({ where: { id: { gt: afterId } }, select: { ...DUE_FIELDS, modelId: true, deliveredAt: true }, orderBy: { id: 'asc' }, take: MAINTENANCE_BATCH });
      if (rows.length === 0) return;
      afterId = rows[rows.length - 1].id;
      const plans = await this.vehicles.plansFor(rows, now);
      const due: VehicleDue[] = [];
      for (const row of rows) {
        const next = plans.get(row.id)?.nextDue.byDate;
        if (next && next.dueOn >= window.from && next.dueOn <= window.to) due.push(dueOf(row, next.dueOn));
      }
      yield { examined: rows.length, due };
      if (rows.length < MAINTENANCE_BATCH) return;
    }
  }
}
