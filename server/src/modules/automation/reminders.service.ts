import { Injectable } from '@nestjs/common';
import { MessageChannel, ReminderKind } from '../../generated/prisma/enums';
import type { ReminderRule } from '../../generated/prisma/client';
import { PrismaService } from '../../core/database/prisma.service';
import { Clock } from '../../core/time/clock';
import { addDaysToDate, formatShanghaiTime, shanghaiDateOf, shanghaiDateSpan } from '../../core/time/shanghai-time';
import { CustomersService } from '../customers/customers.service';
import { PointsLedgerService } from '../loyalty/points-ledger.service';
import { StaffService } from '../org/staff.service';
import { ServiceBookingsService } from '../service/service-bookings.service';
import { TestDrivesService } from '../test-drives/test-drives.service';
import { VehicleDue, VehicleDueDatesService } from '../vehicles/vehicle-due-dates.service';
import { customerChannel, dueWindow, renderTemplate, TemplateValues } from './automation.rules';
import { NewMessage, OutboxService } from './outbox.service';

/** How many days late a missed reminder may still go out (a job that did not run for a day catches up). */
const CATCH_UP_DAYS: Record<ReminderKind, number> = {
  FIRST_SERVICE: 3,
  MAINTENANCE_DUE: 3,
  INSURANCE_RENEWAL: 3,
  WARRANTY_ENDING: 3,
  BIRTHDAY: 2,
  TEST_DRIVE_TOMORROW: 0,
  SERVICE_BOOKING_TOMORROW: 0,
  DORMANT_OWNER: 7,
  TASK_OVERDUE: 0,
  POINTS_EXPIRING: 3,
};

/** The mini-program page each reminder opens. */
const PAGES: Partial<Record<ReminderKind, (subjectId: number) => string>> = {
  FIRST_SERVICE: (vehicleId) => `pages/service/book/index?vehicleId=${vehicleId}`,
  MAINTENANCE_DUE: (vehicleId) => `pages/service/book/index?vehicleId=${vehicleId}`,
  INSURANCE_RENEWAL: (vehicleId) => `pages/service/vehicle/index?id=${vehicleId}`,
  WARRANTY_ENDING: (vehicleId) => `pages/service/vehicle/index?id=${vehicleId}`,
  BIRTHDAY: () => 'pages/loyalty/points/index',
  TEST_DRIVE_TOMORROW: () => 'pages/test-drive/my-bookings/index',
  SERVICE_BOOKING_TOMORROW: () => 'pages/service/my-bookings/index',
  POINTS_EXPIRING: () => 'pages/loyalty/mall/index',
};

/** Something due for one customer: which subject, when, and what to fill the template with. */
interface CustomerDue {
  subject: string;
  subjectId: number;
  customerId: number;
  dueOn: string;
  values: TemplateValues;
}

export interface EvaluationResult {
  /** Subjects (cars, bookings, members) looked at. */
  evaluated: number;
  /** New messages written to the outbox (a rerun writes none). */
  queued: number;
}

const vehicleValues = (due: VehicleDue): TemplateValues => ({ plate: due.plate ?? '您的爱车', model: due.model, store: due.store, date: due.dueOn.startsWith('km-') ? null : due.dueOn });

/**
 * Finds what is due under each enabled rule and writes one outbox message per (rule, subject, due date).
 * Running it twice, or on two instances at once, writes nothing new: the dedupe key is unique.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly customers: CustomersService,
    private readonly staff: StaffService,
    private readonly dueDates: VehicleDueDatesService,
    private readonly serviceBookings: ServiceBookingsService,
    private readonly testDrives: TestDrivesService,
    private readonly ledger: PointsLedgerService,
  ) {}

  async evaluate(): Promise<EvaluationResult> {
    const now = this.clock.now();
    const rules = await this.prisma.reminderRule.findMany({ where: { enabled: true, kind: { not: ReminderKind.TASK_OVERDUE } }, orderBy: { id: 'asc' } });
    const total: EvaluationResult = { evaluated: 0, queued: 0 };
    for (const rule of rules) {
      const result = await this.evaluateRule(rule, now);
      total.evaluated += result.evaluated;
      total.queued += result.queued;
    }
    return total;
  }

  private async evaluateRule(rule: ReminderRule, now: Date): Promise<EvaluationResult> {
    const today = shanghaiDateOf(now);
    const window = dueWindow(today, rule.daysBefore, CATCH_UP_DAYS[rule.kind]);
    const fromVehicles = (dues: VehicleDue[]): CustomerDue[] => dues.map((due) => ({ subject: `vehicle:${due.vehicleId}`, subjectId: due.vehicleId, customerId: due.ownerId, dueOn: due.dueOn, values: vehicleValues(due) }));
    switch (rule.kind) {
      case ReminderKind.INSURANCE_RENEWAL:
        return this.toCustomers(rule, fromVehicles(await this.dueDates.insuranceEnding(window)), today);
      case ReminderKind.WARRANTY_ENDING:
        return this.toCustomers(rule, fromVehicles(await this.dueDates.warrantyEnding(window)), today);
      case ReminderKind.FIRST_SERVICE:
        return this.toCustomers(rule, fromVehicles(await this.dueDates.firstServiceDue(window, rule.intervalMonths, rule.intervalKm)), today);
      case ReminderKind.MAINTENANCE_DUE: {
        const total: EvaluationResult = { evaluated: 0, queued: 0 };
        for await (const batch of this.dueDates.maintenanceDue(window, now)) {
          const result = await this.toCustomers(rule, fromVehicles(batch.due), today);
          total.evaluated += batch.examined;
          total.queued += result.queued;
        }
        return total;
      }
      case ReminderKind.DORMANT_OWNER:
        return this.toAdvisors(rule, await this.dueDates.dormant(window, rule.intervalMonths ?? 12), today);
      case ReminderKind.SERVICE_BOOKING_TOMORROW:
      case ReminderKind.TEST_DRIVE_TOMORROW:
        return this.toCustomers(rule, await this.bookingsOn(rule.kind, addDaysToDate(today, rule.daysBefore)), today);
      case ReminderKind.BIRTHDAY:
        return this.birthdays(rule, window, now);
      case ReminderKind.POINTS_EXPIRING: {
        const span = shanghaiDateSpan(window.from, window.to);
        const lots = await this.ledger.expiringBetween(span.gte, span.lt);
        return this.toCustomers(
          rule,
          lots.map((lot) => ({ subject: `member:${lot.customerId}`, subjectId: lot.customerId, customerId: lot.customerId, dueOn: shanghaiDateOf(lot.expiresAt), values: { points: lot.points, date: shanghaiDateOf(lot.expiresAt) } })),
          today,
        );
      }
      default:
        return { evaluated: 0, queued: 0 };
    }
  }

  private async bookingsOn(kind: ReminderKind, date: string): Promise<CustomerDue[]> {
    const { gte: start, lt: end } = shanghaiDateSpan(date, date);
    if (kind === ReminderKind.TEST_DRIVE_TOMORROW) {
      const bookings = await this.testDrives.confirmedStarting(start, end);
      return bookings.map((booking) => ({ subject: `test-drive:${booking.id}`, subjectId: booking.id, customerId: booking.customerId, dueOn: date, values: { model: booking.model.name, store: booking.store.name, time: formatShanghaiTime(booking.startAt), date } }));
    }
    const bookings = await this.serviceBookings.confirmedStarting(start, end);
    return bookings.map((booking) => ({
      subject: `service-booking:${booking.id}`,
      subjectId: booking.id,
      customerId: booking.customerId,
      dueOn: date,
      values: { plate: booking.vehicle.plate ?? '您的爱车', model: booking.vehicle.model.name, store: booking.store.name, time: formatShanghaiTime(booking.startAt), date },
    }));
  }

  /** Greets members whose birthday is in the window; the gift points are given once a year, whether or not the message gets through. */
  private async birthdays(rule: ReminderRule, window: { from: string; to: string }, now: Date): Promise<EvaluationResult> {
    const dues: CustomerDue[] = [];
    for (let day = window.from; day <= window.to; day = addDaysToDate(day, 1)) {
      for (const customerId of await this.customers.bornOn(day)) dues.push({ subject: `member:${customerId}`, subjectId: customerId, customerId, dueOn: day, values: { points: rule.giftPoints ?? 0, date: day } });
    }
    if (rule.giftPoints && rule.giftPoints > 0) {
      for (const due of dues) {
        await this.ledger.grant(due.customerId, { points: rule.giftPoints, reason: '生日礼遇积分', source: 'birthday', sourceId: due.customerId, idempotencyKey: `birthday:${due.customerId}:${due.dueOn.slice(0, 4)}` }, now);
      }
    }
    return this.toCustomers(rule, dues, shanghaiDateOf(now));
  }

  private async toCustomers(rule: ReminderRule, dues: CustomerDue[], today: string): Promise<EvaluationResult> {
    if (dues.length === 0) return { evaluated: 0, queued: 0 };
    const contacts = await this.customers.contacts(dues.map((due) => due.customerId));
    const messages: NewMessage[] = dues.map((due) => {
      const contact = contacts.get(due.customerId);
      return {
        dedupeKey: `rule:${rule.id}:${due.subject}:${due.dueOn}`,
        source: 'REMINDER',
        ruleId: rule.id,
        customerId: due.customerId,
        channel: contact ? customerChannel(rule.channel, contact) : rule.channel,
        title: rule.name,
        body: renderTemplate(rule.template, { name: contact?.name ?? '尊敬的车主', ...due.values }),
        page: PAGES[rule.kind]?.(due.subjectId) ?? null,
        dueOn: due.dueOn.startsWith('km-') ? today : due.dueOn,
      };
    });
    return { evaluated: dues.length, queued: await this.outbox.enqueue(this.prisma, messages) };
  }

  /** A dormant owner becomes a call-back task for one of the store's service advisors. */
  private async toAdvisors(rule: ReminderRule, dues: VehicleDue[], today: string): Promise<EvaluationResult> {
    if (dues.length === 0) return { evaluated: 0, queued: 0 };
    const advisorsByStore = new Map<number, number[]>();
    for (const storeId of new Set(dues.map((due) => due.storeId))) advisorsByStore.set(storeId, await this.staff.serviceAdvisorIds(storeId));
    const contacts = await this.customers.contacts(dues.map((due) => due.ownerId));
    const messages: NewMessage[] = [];
    for (const due of dues) {
      const advisors = advisorsByStore.get(due.storeId) ?? [];
      if (advisors.length === 0) continue;
      const body = renderTemplate(rule.template, { ...vehicleValues(due), name: contacts.get(due.ownerId)?.name ?? '车主' });
      messages.push({
        dedupeKey: `rule:${rule.id}:vehicle:${due.vehicleId}:${due.dueOn}`,
        source: 'REMINDER',
        ruleId: rule.id,
        staffId: advisors[due.vehicleId % advisors.length],
        channel: MessageChannel.IN_APP,
        title: rule.name,
        body,
        payload: { task: { vehicleId: due.vehicleId, purpose: body } },
        dueOn: due.dueOn < today ? today : due.dueOn,
      });
    }
    return { evaluated: dues.length, queued: await this.outbox.enqueue(this.prisma, messages) };
  }
}
