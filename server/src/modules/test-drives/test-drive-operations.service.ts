import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { TestDriveBookingStatus, TestDriveCarStatus } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { worksInStore } from '../../core/auth/data-scope';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { CapacityService } from '../../core/capacity/capacity.service';
import { PrismaService } from '../../core/database/prisma.service';
import { DomainEventType, raiseEvent } from '../../core/events/domain-events';
import { shanghaiDay, startOfShanghaiDate } from '../../core/time/shanghai-time';
import { LeadPipelineService } from '../leads/lead-pipeline.service';
import { StoresService } from '../org/stores.service';
import { TestDriveError } from './test-drives.errors';
import { BOOKING_FIELDS, holderOf, TestDrivesService } from './test-drives.service';

const DETAIL_FIELDS = {
  ...BOOKING_FIELDS,
  mobile: true,
  leadId: true,
  odometerOut: true,
  odometerIn: true,
  licenceChecked: true,
  feedback: true,
  car: { select: { id: true, plate: true } },
} satisfies Prisma.TestDriveBookingSelect;

/** The store's side of test drives: the day board, receiving the customer, and no-shows. */
@Injectable()
export class TestDriveOperationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly capacity: CapacityService,
    private readonly testDrives: TestDrivesService,
    private readonly stores: StoresService,
    private readonly leads: LeadPipelineService,
  ) {}

  async schedule(caller: StaffCaller, storeId: number, date: string) {
    await this.assertStore(caller, storeId);
    const rules = await this.testDrives.storeRules(storeId);
    const { start, end } = shanghaiDay(startOfShanghaiDate(date));
    const [slots, cars] = await Promise.all([
      this.capacity.daySlots(storeId, date, rules.slotMinutes),
      this.prisma.testDriveCar.findMany({
        where: { storeId, status: { not: TestDriveCarStatus.RETIRED } },
        select: {
          id: true,
          plate: true,
          vin: true,
          status: true,
          model: { select: { id: true, name: true } },
          bookings: {
            where: { startAt: { gte: start, lt: end }, status: { not: TestDriveBookingStatus.CANCELLED } },
            select: { id: true, startAt: true, endAt: true, status: true, contactName: true, mobile: true, leadId: true },
            orderBy: { startAt: 'asc' },
          },
        },
        orderBy: [{ modelId: 'asc' }, { id: 'asc' }],
      }),
    ]);
    return {
      date,
      storeId,
      slots,
      cars: cars.map((car) => ({ ...car, bookings: car.bookings.map((booking) => ({ ...booking, mobile: customerMobileFor(caller.role, booking.mobile) })) })),
    };
  }

  async detail(caller: StaffCaller, bookingId: number) {
    await this.bookingInScope(caller, bookingId);
    const booking = await this.prisma.testDriveBooking.findUniqueOrThrow({ where: { id: bookingId }, select: DETAIL_FIELDS });
    return { ...booking, mobile: customerMobileFor(caller.role, booking.mobile) };
  }

  async start(caller: StaffCaller, bookingId: number, odometerOut: number, licenceChecked: boolean) {
    await this.bookingInScope(caller, bookingId);
    if (!licenceChecked) throw new TestDriveError('LICENCE_NOT_CHECKED', '开始试驾前须核验客户驾驶证', [{ path: 'licenceChecked', message: '请核验驾驶证' }]);
    const started = await this.prisma.testDriveBooking.updateMany({
      where: { id: bookingId, status: TestDriveBookingStatus.CONFIRMED },
      data: { status: TestDriveBookingStatus.IN_PROGRESS, odometerOut, licenceChecked: true },
    });
    if (started.count !== 1) throw new TestDriveError('BOOKING_NOT_ACTIVE', '只有已确认的预约可以开始试驾');
    return this.detail(caller, bookingId);
  }

  async finish(caller: StaffCaller, bookingId: number, input: { odometerIn: number; feedback: string; nextFollowUp: { dueAt: string; purpose: string } }) {
    const booking = await this.bookingInScope(caller, bookingId);
    if (booking.status !== TestDriveBookingStatus.IN_PROGRESS) throw new TestDriveError('BOOKING_NOT_STARTED', '试驾尚未开始');
    if (booking.odometerOut !== null && input.odometerIn < booking.odometerOut) {
      throw new TestDriveError('ODOMETER_INVALID', `还车里程不能小于出车里程 ${booking.odometerOut} km`, [{ path: 'odometerIn', message: '小于出车里程' }]);
    }
    if (new Date(input.nextFollowUp.dueAt) <= new Date()) {
      throw new TestDriveError('NEXT_FOLLOW_UP_REQUIRED', '下次跟进时间必须晚于现在', [{ path: 'nextFollowUp.dueAt', message: '下次跟进时间必须晚于现在' }]);
    }
    const finishedAt = new Date();
    const finished = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.testDriveBooking.updateMany({
        where: { id: bookingId, status: TestDriveBookingStatus.IN_PROGRESS },
        data: { status: TestDriveBookingStatus.COMPLETED, odometerIn: input.odometerIn, feedback: input.feedback },
      });
      if (updated.count === 1) await raiseEvent(tx, DomainEventType.TEST_DRIVE_COMPLETED, bookingId, { customerId: booking.customerId, storeId: booking.store.id, subject: `试驾 · ${booking.model.name}` }, finishedAt);
      return updated.count;
    });
    if (finished !== 1) throw new TestDriveError('BOOKING_NOT_STARTED', '试驾尚未开始');
    if (booking.leadId) await this.leads.recordTestDrive(caller, booking.leadId, input.feedback, input.nextFollowUp);
    return this.detail(caller, bookingId);
  }

  async noShow(caller: StaffCaller, bookingId: number) {
    await this.bookingInScope(caller, bookingId);
    await this.prisma.$transaction(async (tx) => {
      const marked = await tx.testDriveBooking.updateMany({ where: { id: bookingId, status: TestDriveBookingStatus.CONFIRMED }, data: { status: TestDriveBookingStatus.NO_SHOW } });
      if (marked.count !== 1) throw new TestDriveError('BOOKING_NOT_ACTIVE', '只有已确认的预约可以标记未到店');
      await this.capacity.release(tx, holderOf(bookingId));
    });
    return this.detail(caller, bookingId);
  }

  private async bookingInScope(caller: StaffCaller, bookingId: number) {
    const booking = await this.prisma.testDriveBooking.findUnique({
      where: { id: bookingId },
      select: { id: true, status: true, leadId: true, customerId: true, odometerOut: true, model: { select: { name: true } }, store: { select: { id: true, regionId: true } } },
    });
    if (!booking || !worksInStore(caller, booking.store)) throw new TestDriveError('BOOKING_NOT_FOUND', '预约不存在或无权查看');
    return booking;
  }

  private async assertStore(caller: StaffCaller, storeId: number): Promise<void> {
    if (!(await this.stores.storeInScope(caller, storeId))) throw new TestDriveError('STORE_NOT_FOUND', '门店不存在或无权查看');
  }
}
