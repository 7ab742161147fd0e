import { Injectable } from '@nestjs/common';
import { PRIVACY_POLICY_VERSION } from '../../contracts/privacy.contract';
import { AuditService } from '../../core/audit/audit.service';
import { SessionService } from '../../core/auth/session.service';
import { PrismaService } from '../../core/database/prisma.service';
import { authPrivacy } from '../auth/auth.privacy';
import { automationPrivacy } from '../automation/automation.privacy';
import { feedbackPrivacy } from '../feedback/feedback.privacy';
import { importsPrivacy } from '../imports/imports.privacy';
import { leadsPrivacy } from '../leads/leads.privacy';
import { loyaltyPrivacy } from '../loyalty/loyalty.privacy';
import { notificationsPrivacy } from '../notifications/notifications.privacy';
import { servicePrivacy } from '../service/service.privacy';
import { tasksPrivacy } from '../tasks/tasks.privacy';
import { testDrivesPrivacy } from '../test-drives/test-drives.privacy';
import { vehiclesPrivacy } from '../vehicles/vehicles.privacy';
import { CustomerError } from './customers.errors';
import { DELETED_NAME, type CustomerIdentifiers, type PrismaDb } from './personal-data';

/**
 * The customer's rights under PIPL: see which policy they accepted, accept a new one, download everything
 * held about them, and have their account deleted. Deletion clears personal fields everywhere they are
 * kept, in one transaction, and leaves the records a business must keep (points ledger, vehicle history,
 * work orders, survey scores) pointing at an anonymous customer, so totals and histories stay consistent.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  async status(customerId: number) {
    const customer = await this.prisma.customer.findUnique({ where: { id: customerId }, select: { consentAt: true, consentVersion: true } });
    if (!customer) throw new CustomerError('CUSTOMER_NOT_FOUND', '客户不存在');
    return {
      currentVersion: PRIVACY_POLICY_VERSION,
      consent: customer.consentAt ? { version: customer.consentVersion, acceptedAt: customer.consentAt } : null,
      needsConsent: customer.consentVersion !== PRIVACY_POLICY_VERSION,
    };
  }

  async giveConsent(customerId: number, version: string) {
    if (version !== PRIVACY_POLICY_VERSION) throw new CustomerError('CONSENT_VERSION_OUTDATED', `请阅读并同意最新版隐私政策（${PRIVACY_POLICY_VERSION}）`);
    await this.prisma.$transaction(async (tx) => {
      await tx.customer.update({ where: { id: customerId }, data: { consentAt: new Date(), consentVersion: version }, select: { id: true } });
      await this.audit.record(tx, { actor: { type: 'CUSTOMER', id: customerId }, action: 'customer.consent_given', entityType: 'customer', entityId: customerId, after: { version } });
    });
    return this.status(customerId);
  }

  /** Everything held about the customer, as one JSON document: each module gives its part. */
  async export(customerId: number) {
    const db = this.prisma;
    const [account, { leads, quotes, orders, referrals }, testDrives, { vehicles, mileageReadings }, { serviceBookings, workOrders }, { points, coupons, redemptions }, { channelOptOuts, messages }, { surveys, complaints }] = await Promise.all([
      db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { id: true, name: true, mobile: true, birthday: true, consentAt: true, consentVersion: true, createdAt: true } }),
      leadsPrivacy.export(db, customerId),
      testDrivesPrivacy.export(db, customerId),
      vehiclesPrivacy.export(db, customerId),
      servicePrivacy.export(db, customerId),
      loyaltyPrivacy.export(db, customerId),
      automationPrivacy.export(db, customerId),
      feedbackPrivacy.export(db, customerId),
    ]);
    const profile = { ...account, channelOptOuts };
    await this.audit.record(this.prisma, { actor: { type: 'CUSTOMER', id: customerId }, action: 'customer.data_exported', entityType: 'customer', entityId: customerId });
    return { exportedAt: new Date().toISOString(), policyVersion: PRIVACY_POLICY_VERSION, profile, leads, testDrives, vehicles, serviceBookings, workOrders, points, coupons, messages, surveys, complaints, quotes, orders, referrals, redemptions, mileageReadings };
  }

  /**
   * Each module erases what it keeps about the customer, in one transaction. Who they are and which records are
   * theirs is read from every module first, so no module's erasure hides the customer from another's.
   */
  async delete(customerId: number) {
    const now = new Date();
    // Uploaded import files waiting for their commit may list the customer: found before (reading files is
    // slow), voided in the transaction, removed once it has committed.
    const found = await this.identifiersOf(this.prisma, customerId);
    const importsNamingThem = await importsPrivacy.waitingFilesNaming(this.prisma, found);
    await this.prisma.$transaction(async (tx) => {
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { mobile: true } });
      // Read again inside the transaction: what is scrubbed is what is there now.
      const { leadIds, vehicleIds, ...who } = await this.identifiersOf(tx, customerId);
      const subject = { customerId, who, leadIds, vehicleIds, taskIds: await tasksPrivacy.taskIds(tx, leadIds, vehicleIds) };
      await notificationsPrivacy.erase(tx, subject, await feedbackPrivacy.quotedInNotifications(tx, customerId));
      await tasksPrivacy.erase(tx, subject);
      await feedbackPrivacy.erase(tx, subject);
      await importsPrivacy.erase(tx, who, importsNamingThem, now);
      await vehiclesPrivacy.erase(tx, customerId, who);
      await tx.customer.update({
        where: { id: customerId },
        data: { name: null, mobile: null, openid: null, unionid: null, birthday: null, referralCode: null, mobileVerifiedAt: null, anonymisedAt: now },
        select: { id: true },
      });
      await this.sessions.endAll('customer', customerId, tx);
      await authPrivacy.erase(tx, customer.mobile);
      await leadsPrivacy.erase(tx, subject);
      await testDrivesPrivacy.erase(tx, customerId);
      await servicePrivacy.erase(tx, subject);
      await automationPrivacy.erase(tx, customerId);
      await this.audit.record(tx, { actor: { type: 'CUSTOMER', id: customerId }, action: 'customer.anonymised', entityType: 'customer', entityId: customerId });
    });
    await importsPrivacy.removeFiles(importsNamingThem);
    return { anonymisedAt: now };
  }

  /**
   * The names, mobiles and plates the customer is known by, on their account and on what they booked or own,
   * and the ids of their leads and cars.
   */
  private async identifiersOf(db: PrismaDb, customerId: number): Promise<CustomerIdentifiers & { leadIds: number[]; vehicleIds: number[] }> {
    const [customer, leads, testDrives, serviceBookings, vehicles] = await Promise.all([
      db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { name: true, mobile: true } }),
      leadsPrivacy.identify(db, customerId),
      testDrivesPrivacy.identify(db, customerId),
      servicePrivacy.identify(db, customerId),
      vehiclesPrivacy.identify(db, customerId),
    ]);
    const parts = [leads, testDrives, serviceBookings, vehicles];
    const distinct = (values: Array<string | null>) => [...new Set(values.filter((value): value is string => !!value && value !== DELETED_NAME))];
    return {
      names: distinct([customer.name, ...parts.flatMap((part) => part.names)]),
      mobiles: distinct([customer.mobile, ...parts.flatMap((part) => part.mobiles)]),
      plates: distinct(parts.flatMap((part) => part.plates)),
      leadIds: leads.leadIds,
      vehicleIds: vehicles.vehicleIds,
    };
  }
}
