import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { maskMobiles } from '../../core/logging/mask';
import { automationPrivacy } from '../automation/automation.privacy';
import { feedbackPrivacy } from '../feedback/feedback.privacy';
import { testDrivesPrivacy } from '../test-drives/test-drives.privacy';
import { customersInScope } from './customer-scope.rules';
import { CustomerError } from './customers.errors';
import type { UpdateCustomerMeInput } from '../../contracts/auth.contract';
import { PRIVACY_POLICY_VERSION } from '../../contracts/privacy.contract';

type Db = Prisma.TransactionClient | PrismaService;

/** One person, one customer: a mobile or a WeChat openid belongs to exactly one customer row. */
@Injectable()
export class CustomersService {
  constructor(private readonly prisma: PrismaService) {}

  findOrCreateByOpenid(openid: string, unionid?: string): Promise<{ id: number }> {
    return this.findOrCreate(
      () => this.prisma.customer.findUnique({ where: { openid }, select: { id: true } }),
      () => this.prisma.customer.create({ data: { openid, unionid: unionid ?? null, consentAt: new Date(), consentVersion: PRIVACY_POLICY_VERSION }, select: { id: true } }),
    );
  }

  /** Staff captures carry the person's name; a customer's own login does not (consent is given in the app). */
  async findOrCreateByMobile(mobile: string, name?: string): Promise<{ id: number }> {
    const customer = await this.findOrCreate(
      () => this.prisma.customer.findUnique({ where: { mobile }, select: { id: true } }),
      () => this.prisma.customer.create({ data: { mobile, name: name ?? null, ...(name ? {} : { consentAt: new Date(), consentVersion: PRIVACY_POLICY_VERSION }) }, select: { id: true } }),
    );
    if (name) await this.prisma.customer.updateMany({ where: { id: customer.id, name: null }, data: { name } });
    return customer;
  }

  /** The customers these mobiles belong to (mobile → id); unknown mobiles are absent. */
  async idsByMobile(db: Db, mobiles: string[]): Promise<Map<string, number>> {
    if (mobiles.length === 0) return new Map();
    const rows = await db.customer.findMany({ where: { mobile: { in: [...new Set(mobiles)] } }, select: { id: true, mobile: true } });
    return new Map(rows.map((row) => [row.mobile!, row.id]));
  }

  /**
   * findOrCreateByMobile for a batch (an import), in the caller's transaction: one customer per mobile, the
   * first name given wins, an existing customer without a name gets it. Returns mobile → customer id.
   */
  async findOrCreateManyByMobile(db: Prisma.TransactionClient, people: Array<{ mobile: string; name: string }>): Promise<Map<string, number>> {
    const nameOf = new Map<string, string>();
    for (const person of people) if (!nameOf.has(person.mobile)) nameOf.set(person.mobile, person.name);
    if (nameOf.size === 0) return new Map();
    const existing = await db.customer.findMany({ where: { mobile: { in: [...nameOf.keys()] } }, select: { id: true, mobile: true, name: true } });
    const ids = new Map(existing.map((row) => [row.mobile!, row.id]));
    const missing = [...nameOf.keys()].filter((mobile) => !ids.has(mobile));
    if (missing.length > 0) {
      // A multi-row INSERT written out: createMany's per-row overhead is most of an import's time.
      const now = new Date();
      await db.$executeRaw`INSERT INTO customers (mobile, name, created_at, updated_at) VALUES ${Prisma.join(missing.map((mobile) => Prisma.sql`(${mobile}, ${nameOf.get(mobile)!}, ${now}, ${now})`))}`;
      for (const row of await db.customer.findMany({ where: { mobile: { in: missing } }, select: { id: true, mobile: true } })) ids.set(row.mobile!, row.id);
    }
    for (const row of existing) {
      if (row.name === null) await db.customer.updateMany({ where: { id: row.id, name: null }, data: { name: nameOf.get(row.mobile!)! } });
    }
    return ids;
  }

  /** markOwner for a batch: each customer not yet an owner becomes one at the given time, in one statement. */
  async markOwners(db: Prisma.TransactionClient, owners: Array<{ customerId: number; at: Date }>, now: Date): Promise<void> {
    const firstAt = new Map<number, Date>();
    for (const { customerId, at } of owners) if (!firstAt.has(customerId)) firstAt.set(customerId, at);
    if (firstAt.size === 0) return;
    const cases = [...firstAt].map(([customerId, at]) => Prisma.sql`WHEN ${customerId} THEN ${at}`);
    await db.$executeRaw`UPDATE customers SET became_owner_at = CASE id ${Prisma.join(cases, ' ')} END, updated_at = ${now}
      WHERE id IN (${Prisma.join([...firstAt.keys()])}) AND became_owner_at IS NULL`;
  }

  /** The customer signed in with an SMS code sent to their mobile: from now on it is known to be theirs. */
  async markMobileVerified(customerId: number, at = new Date()): Promise<void> {
    await this.prisma.customer.updateMany({ where: { id: customerId, mobileVerifiedAt: null }, data: { mobileVerifiedAt: at } });
  }

  /**
   * A WeChat-only customer proved a mobile (sms-login with their WeChat bearer) that belongs to another row:
   * the owner the store registered, or the contact record a booking's lead was filed under. The WeChat
   * identity moves to that row, so the next WeChat login opens it with its cars and leads. What the customer
   * did in the app as a WeChat-only row (test-drive bookings, their inbox, surveys, complaints, channel
   * choices) moves with the identity in the same transaction, so "我的试驾预约" and the rest stay whole.
   * Only a row without a mobile of its own is moved, and only onto a row without a WeChat identity. Points
   * stay on the old row: merging two ledgers is a staff decision (see the loyalty adjustments).
   */
  async linkWechat(fromCustomerId: number, toCustomerId: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const from = await tx.customer.findFirst({ where: { id: fromCustomerId, mobile: null, openid: { not: null } }, select: { openid: true, unionid: true } });
      const to = await tx.customer.findFirst({ where: { id: toCustomerId, openid: null }, select: { id: true } });
      if (!from || !to) return;
      await tx.customer.update({ where: { id: fromCustomerId }, data: { openid: null, unionid: null }, select: { id: true } });
      await tx.customer.update({ where: { id: toCustomerId }, data: { openid: from.openid, unionid: from.unionid }, select: { id: true } });
      await testDrivesPrivacy.moveToCustomer(tx, fromCustomerId, toCustomerId);
      await automationPrivacy.moveToCustomer(tx, fromCustomerId, toCustomerId);
      await feedbackPrivacy.moveToCustomer(tx, fromCustomerId, toCustomerId);
    });
  }

  /** The customer's token version: a session carries it, and raising it ends every session (core/auth/session.service.ts). */
  async tokenVersion(customerId: number): Promise<number> {
    return (await this.prisma.customer.findUniqueOrThrow({ where: { id: customerId }, select: { tokenVersion: true } })).tokenVersion;
  }

  /** The name and mobile the customer is reached by (null when unknown), for a booking's contact; throws when there is no such customer. */
  contactOf(customerId: number): Promise<{ name: string | null; mobile: string | null }> {
    return this.prisma.customer.findUniqueOrThrow({ where: { id: customerId }, select: { name: true, mobile: true } });
  }

  /** Whether the customer proved their mobile is theirs (an SMS code), and since when; null for an unknown customer. */
  async mobileVerifiedAt(customerId: number): Promise<Date | null> {
    return (await this.prisma.customer.findUnique({ where: { id: customerId }, select: { mobileVerifiedAt: true } }))?.mobileVerifiedAt ?? null;
  }

  /**
   * Locks the customer's row until the caller's transaction ends: simultaneous requests by one customer (their
   * bookings) queue on it. Take it before the transaction's first plain read, so what follows sees every change
   * committed by the request before in the queue.
   */
  async lock(tx: Prisma.TransactionClient, customerId: number): Promise<void> {
    await tx.$queryRaw`SELECT id FROM customers WHERE id = ${customerId} FOR UPDATE`;
  }

  async exists(customerId: number): Promise<boolean> {
    return (await this.prisma.customer.findUnique({ where: { id: customerId }, select: { id: true } })) !== null;
  }

  /** Name, mobile and since when an owner; null for an unknown customer. */
  basics(customerId: number) {
    return this.prisma.customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, mobile: true, becameOwnerAt: true } });
  }

  /** The customer's mobile and whether it is proven theirs; null for an unknown customer. */
  mobileOf(customerId: number) {
    return this.prisma.customer.findUnique({ where: { id: customerId }, select: { mobile: true, mobileVerifiedAt: true } });
  }

  async existsWithMobile(mobile: string): Promise<boolean> {
    return (await this.prisma.customer.findUnique({ where: { mobile }, select: { id: true } })) !== null;
  }

  /** The customer who shares this referral code; null when none. */
  byReferralCode(code: string) {
    return this.prisma.customer.findUnique({ where: { referralCode: code }, select: { id: true, mobile: true, mobileVerifiedAt: true } });
  }

  /** Whether the person (by their customer row or a mobile) is already known to the dealer: an owner, or with a lead. */
  async alreadyKnown(customerId: number, mobile: string): Promise<boolean> {
    const known = await this.prisma.customer.findFirst({
      where: { OR: [{ id: customerId }, { mobile }], AND: [{ OR: [{ becameOwnerAt: { not: null } }, { leads: { some: {} } }] }] },
      select: { id: true },
    });
    return known !== null;
  }

  /** The customer's referral code, given out on first use (`make` draws a new one); a clash with another code is retried. */
  async referralCode(customerId: number, make: () => string): Promise<string> {
    for (let attempt = 0; ; attempt += 1) {
      const customer = await this.prisma.customer.findUniqueOrThrow({ where: { id: customerId }, select: { referralCode: true } });
      if (customer.referralCode) return customer.referralCode;
      try {
        await this.prisma.customer.updateMany({ where: { id: customerId, referralCode: null }, data: { referralCode: make() } });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt > 5) throw error;
      }
    }
  }

  /** How many customers match a filter (a marketing segment). */
  count(where: Prisma.CustomerWhereInput): Promise<number> {
    return this.prisma.customer.count({ where });
  }

  /** The ids of the customers matching a filter, in id order after `afterId`, `take` at a time. */
  async idsAfter(where: Prisma.CustomerWhereInput, afterId: number, take: number): Promise<number[]> {
    const rows = await this.prisma.customer.findMany({ where: { AND: [where, { id: { gt: afterId } }] }, select: { id: true }, orderBy: { id: 'asc' }, take });
    return rows.map((row) => row.id);
  }

  /** A delivered car makes the customer an owner, from the first delivery on. */
  async markOwner(db: Prisma.TransactionClient, customerId: number, at: Date): Promise<void> {
    await db.customer.updateMany({ where: { id: customerId, becameOwnerAt: null }, data: { becameOwnerAt: at } });
  }

  /**
   * The customer if the caller may see them (customer-scope.rules.ts), else a 404 that does not tell whether
   * they exist. Every endpoint that takes a customer id from staff checks it here.
   */
  async findInScope(caller: StaffCaller, customerId: number): Promise<{ id: number }> {
    const customer = await this.prisma.customer.findFirst({ where: { AND: [{ id: customerId }, customersInScope(caller)] }, select: { id: true } });
    if (!customer) throw new CustomerError('CUSTOMER_NOT_FOUND', '客户不存在或无权查看');
    return customer;
  }

  async profile(customerId: number) {
    const customer = await this.prisma.customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, mobile: true, mobileVerifiedAt: true, birthday: true } });
    if (!customer) throw new CustomerError('CUSTOMER_NOT_FOUND', '客户不存在');
    return {
      id: customer.id,
      name: customer.name,
      mobileMasked: customer.mobile ? maskMobiles(customer.mobile) : null,
      hasMobile: customer.mobile !== null,
      mobileVerified: customer.mobileVerifiedAt !== null,
      birthday: customer.birthday ? customer.birthday.toISOString().slice(0, 10) : null,
    };
  }

  async updateProfile(customerId: number, input: UpdateCustomerMeInput) {
    const birthday = input.birthday === undefined ? undefined : input.birthday === null ? null : new Date(`${input.birthday}T00:00:00Z`);
    if (birthday && birthday.getTime() > Date.now()) throw new CustomerError('BIRTHDAY_INVALID', '生日不能晚于今天');
    await this.prisma.customer.update({ where: { id: customerId }, data: { name: input.name, birthday }, select: { id: true } });
    return this.profile(customerId);
  }

  /** Two first logins at the same moment race on the unique key; the loser reads the winner's row. */
  private async findOrCreate(find: () => Promise<{ id: number } | null>, create: () => Promise<{ id: number }>) {
    const existing = await find();
    if (existing) return existing;
    try {
      return await create();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await find();
      if (!winner) throw error;
      return winner;
    }
  }

  /** Records consent to the current policy for a customer who never gave one (created by staff before signing in). */
  async recordConsentIfMissing(customerId: number): Promise<void> {
    await this.prisma.customer.updateMany({ where: { id: customerId, consentAt: null }, data: { consentAt: new Date(), consentVersion: PRIVACY_POLICY_VERSION } });
  }

  /** Customers whose birthday falls on this date; in a year without 29 February, those born on it count on the 28th. */
  async bornOn(date: string): Promise<number[]> {
    const [year, month, day] = date.split('-').map(Number);
    const leapYear = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
    const days = month === 2 && day === 28 && !leapYear ? [28, 29] : [day];
    const rows = await this.prisma.$queryRaw<Array<{ id: number }>>`SELECT id FROM customers WHERE birthday IS NOT NULL AND MONTH(birthday) = ${month} AND DAYOFMONTH(birthday) IN (${Prisma.join(days)})`;
    return rows.map((row) => Number(row.id));
  }

  /** How to reach each customer: name, mobile, openid and the channels they turned off. */
  async contacts(customerIds: number[]) {
    const rows = await this.prisma.customer.findMany({
      where: { id: { in: [...new Set(customerIds)] } },
      select: { id: true, name: true, mobile: true, openid: true, channelOptOuts: { select: { channel: true } } },
    });
    return new Map(rows.map((row) => [row.id, { name: row.name, mobile: row.mobile, openid: row.openid, optedOut: row.channelOptOuts.map((optOut) => optOut.channel) }]));
  }
}
