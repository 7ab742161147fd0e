import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { TestDriveBookingStatus, TestDriveCarStatus } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { worksInStore } from '../../core/auth/data-scope';
import { CapacityService } from '../../core/capacity/capacity.service';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { HttpError } from '../../core/http/domain-error';
import { formatShanghaiTime, shanghaiDateOf } from '../../core/time/shanghai-time';
import { SMS_SENDER } from '../../integrations/sms/sms.sender';
import type { SmsSender } from '../../integrations/sms/sms.sender';
import { isValidVin } from '../../contracts/vin.rules';
import { VehicleModelsService } from '../vehicles/vehicle-models.service';
import { StoresService } from '../org/stores.service';
import { TestDriveError } from './test-drives.errors';
import { holderOf, TestDrivesService } from './test-drives.service';

const CAR_FIELDS = { id: true, storeId: true, plate: true, vin: true, status: true, model: { select: { id: true, name: true } } } satisfies Prisma.TestDriveCarSelect;

/** 试驾车辆: the store's fleet. A car leaving service hands its future drives to another car or cancels them. */
@Injectable()
export class TestDriveFleetService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly capacity: CapacityService,
    private readonly testDrives: TestDrivesService,
    private readonly stores: StoresService,
    private readonly models: VehicleModelsService,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  async list(caller: StaffCaller, storeId: number) {
    await this.assertStore(caller, storeId);
    const cars = await this.prisma.testDriveCar.findMany({ where: { storeId }, select: CAR_FIELDS, orderBy: [{ status: 'asc' }, { modelId: 'asc' }, { id: 'asc' }] });
    const upcoming = await this.prisma.testDriveBooking.groupBy({
      by: ['carId'],
      where: { carId: { in: cars.map((car) => car.id) }, status: TestDriveBookingStatus.CONFIRMED, startAt: { gt: new Date() } },
      _count: { _all: true },
    });
    const counts = new Map(upcoming.map((group) => [group.carId, group._count._all]));
    return cars.map((car) => ({ ...car, upcomingBookings: counts.get(car.id) ?? 0 }));
  }

  async create(caller: StaffCaller, input: { storeId: number; modelId: number; plate: string; vin: string }) {
    await this.assertStore(caller, input.storeId);
    if (!isValidVin(input.vin)) throw new HttpError('VALIDATION_FAILED', 'VIN 无效：须为 17 位（不含 I、O、Q）且校验位正确', [{ path: 'vin', message: 'VIN 无效' }]);
    if (!(await this.models.exists(input.modelId))) {
      throw new TestDriveError('MODEL_NOT_FOUND', `车型 ${input.modelId} 不存在`);
    }
    try {
      const car = await this.prisma.testDriveCar.create({ data: input, select: CAR_FIELDS });
      return { ...car, upcomingBookings: 0 };
    } catch (error) {
      if (isUniqueViolation(error)) throw new TestDriveError('CAR_EXISTS', '该车牌或 VIN 已登记');
      throw error;
    }
  }

  /** Slot length, booking window, change cut-off and the dates the store is closed (from today on). */
  async settings(caller: StaffCaller, storeId: number) {
    await this.assertStore(caller, storeId);
    const rules = await this.testDrives.storeRules(storeId);
    const closed = await this.stores.closedDatesFrom(storeId, new Date(`${shanghaiDateOf(new Date())}T00:00:00Z`));
    return { ...rules, closedDates: closed.map((day) => ({ date: day.date.toISOString().slice(0, 10), reason: day.reason })) };
  }

  /** Replaces the settings and the future closed dates in one transaction. Existing bookings are kept. */
  async updateSettings(caller: StaffCaller, storeId: number, input: { slotMinutes: number; bookingWindowDays: number; changeCutoffMinutes: number; closedDates: Array<{ date: string; reason?: string | null }> }) {
    await this.assertStore(caller, storeId);
    const { closedDates, ...rules } = input;
    const today = new Date(`${shanghaiDateOf(new Date())}T00:00:00Z`);
    await this.prisma.$transaction(async (tx) => {
      await this.stores.saveSettings(tx, storeId, rules);
      const unique = new Map(closedDates.map((day) => [day.date, day.reason ?? null]));
      await this.stores.replaceClosedDatesFrom(tx, storeId, today, [...unique].map(([date, reason]) => ({ date: new Date(`${date}T00:00:00Z`), reason })));
    });
    return this.settings(caller, storeId);
  }

  /** The store's standard test-drive routes (public: the mini-program offers them when booking). */
  routes(storeId: number) {
    return this.prisma.testDriveRoute.findMany({
      where: { storeId, active: true },
      select: { id: true, storeId: true, name: true, lengthKm: true, durationMinutes: true },
      orderBy: { id: 'asc' },
    });
  }

  async createRoute(caller: StaffCaller, input: { storeId: number; name: string; lengthKm: number; durationMinutes: number }) {
    await this.assertStore(caller, input.storeId);
    return this.prisma.testDriveRoute.create({ data: input, select: { id: true, storeId: true, name: true, lengthKm: true, durationMinutes: true } });
  }

  /**
   * Takes a car out of service (or back in). Each future drive it held moves to another free car of the
   * same model for the same slot, through the same capacity claims as a booking; when none is free the
   * drive is cancelled and the customer is told by SMS.
   */
  async setStatus(caller: StaffCaller, carId: number, status: TestDriveCarStatus) {
    const car = await this.prisma.testDriveCar.findUnique({ where: { id: carId }, select: { id: true, storeId: true, modelId: true, store: { select: { id: true, regionId: true, name: true, phone: true } } } });
    if (!car || !worksInStore(caller, car.store)) throw new TestDriveError('CAR_NOT_FOUND', '车辆不存在或无权查看');
    await this.prisma.testDriveCar.update({ where: { id: carId }, data: { status }, select: { id: true } });
    let moved = 0;
    const cancelledDrives: Array<{ mobile: string; startAt: Date; modelName: string }> = [];
    if (status !== TestDriveCarStatus.AVAILABLE) {
      const future = await this.prisma.testDriveBooking.findMany({
        where: { carId, status: TestDriveBookingStatus.CONFIRMED, startAt: { gt: new Date() } },
        select: { id: true, startAt: true, endAt: true, mobile: true, model: { select: { name: true } } },
      });
      for (const booking of future) {
        const outcome = await this.prisma.$transaction(async (tx) => {
          // Read again under the booking's lock: one cancelled, started or moved off this car since the list was
          // read is left alone (a claim taken for it from the stale list would outlive it or sit on the wrong slot).
          const current = await this.testDrives.lockIfActive(tx, booking.id);
          if (!current || current.carId !== carId) return 'untouched' as const;
          await this.capacity.release(tx, holderOf(booking.id));
          try {
            const held = await this.testDrives.holdCar(tx, car.storeId, car.modelId, { startAt: current.startAt, endAt: current.endAt }, holderOf(booking.id));
            await tx.testDriveBooking.update({ where: { id: booking.id }, data: { carId: held.unitId }, select: { id: true } });
            return 'moved' as const;
          } catch (error) {
            if (!(error instanceof TestDriveError) || error.code !== 'SLOT_FULL') throw error;
            await tx.testDriveBooking.update({ where: { id: booking.id }, data: { status: TestDriveBookingStatus.CANCELLED, cancelledAt: new Date() }, select: { id: true } });
            return current.startAt; // cancelled: the customer is told of this start
          }
        });
        if (outcome === 'moved') moved += 1;
        else if (outcome instanceof Date) cancelledDrives.push({ mobile: booking.mobile, startAt: outcome, modelName: booking.model.name });
      }
    }
    for (const drive of cancelledDrives) {
      await this.sms.send(
        drive.mobile,
        `抱歉，您预约的 ${formatShanghaiTime(drive.startAt)} ${drive.modelName} 试驾因车辆临时检修已取消，请在小程序重新预约或致电 ${car.store.name} ${car.store.phone}。`,
      );
    }
    const [updated] = await this.list(caller, car.storeId).then((cars) => cars.filter((candidate) => candidate.id === carId));
    return { car: updated, moved, cancelled: cancelledDrives.length };
  }

  private async assertStore(caller: StaffCaller, storeId: number): Promise<void> {
    if (!(await this.stores.storeInScope(caller, storeId))) throw new TestDriveError('STORE_NOT_FOUND', '门店不存在或无权查看');
  }
}
