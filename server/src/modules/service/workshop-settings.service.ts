import { Injectable } from '@nestjs/common';
import { StaffRole } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { StaffService } from '../org/staff.service';
import { StoresService } from '../org/stores.service';
import { ServiceBookingsService } from './service-bookings.service';
import { ServiceError } from './service.errors';

/** A store's workshop set-up: slot length, booking window, bays, jobs per advisor, labour rate. */
@Injectable()
export class WorkshopSettingsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly bookings: ServiceBookingsService,
    private readonly stores: StoresService,
    private readonly staff: StaffService,
  ) {}

  async settings(caller: StaffCaller, storeId: number) {
    await this.assertStore(caller, storeId);
    const rules = await this.bookings.rules(storeId);
    const [bayCount, advisorsOnDuty] = await Promise.all([
      this.prisma.serviceBay.count({ where: { storeId, active: true } }),
      this.staff.onDutyCount(storeId, StaffRole.SERVICE_ADVISOR),
    ]);
    return {
      storeId,
      serviceSlotMinutes: rules.slotMinutes,
      serviceBookingWindowDays: rules.bookingWindowDays,
      serviceJobsPerAdvisor: rules.jobsPerAdvisor,
      labourRateFen: rules.labourRateFen,
      bayCount,
      advisorsOnDuty,
      capacityPerSlot: await this.bookings.capacityPerSlot(storeId, rules),
    };
  }

  /**
   * Saves the settings and puts exactly `bayCount` bays in service (the lowest-numbered first, new ones added).
   * Bookings already made keep their places; the new capacity applies to what is booked from now on.
   */
  async update(caller: StaffCaller, storeId: number, input: { serviceSlotMinutes: number; serviceBookingWindowDays: number; serviceJobsPerAdvisor: number; labourRateFen: number; bayCount: number }) {
    await this.assertStore(caller, storeId);
    const { bayCount, ...settings } = input;
    await this.prisma.$transaction(async (tx) => {
      await this.stores.saveSettings(tx, storeId, settings);
      const bays = await tx.serviceBay.findMany({ where: { storeId }, select: { id: true }, orderBy: { id: 'asc' } });
      const keep = bays.slice(0, bayCount).map((bay) => bay.id);
      await tx.serviceBay.updateMany({ where: { storeId, id: { in: keep } }, data: { active: true } });
      await tx.serviceBay.updateMany({ where: { storeId, id: { notIn: keep } }, data: { active: false } });
      const missing = bayCount - bays.length;
      if (missing > 0) await tx.serviceBay.createMany({ data: Array.from({ length: missing }, (_, index) => ({ storeId, name: `${bays.length + index + 1} 号工位` })) });
    });
    return this.settings(caller, storeId);
  }

  private async assertStore(caller: StaffCaller, storeId: number) {
    if (!(await this.stores.storeInScope(caller, storeId))) throw new ServiceError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`);
  }
}
