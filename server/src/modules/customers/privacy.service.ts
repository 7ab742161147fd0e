import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PRIVACY_POLICY_VERSION } from '../../contracts/privacy.contract';
import { AuditService } from '../../core/audit/audit.service';
import { SessionService } from '../../core/auth/session.service';
import { PrismaService } from '../../core/database/prisma.service';
import { CustomerError } from './customers.errors';

const DELETED_NAME = '已注销客户';
const DELETED_TEXT = '（客户已注销，内容已删除）';

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

  /** Everything held about the customer, as one JSON document. */
  async export(customerId: number) {
    const [profile, leads, testDrives, vehicles, serviceBookings, workOrders, points, coupons, messages, surveys, complaints] = await Promise.all([
      this.prisma.customer.findUniqueOrThrow({ where: { id: customerId }, select: { id: true, name: true, mobile: true, birthday: true, consentAt: true, consentVersion: true, createdAt: true, channelOptOuts: { select: { channel: true } } } }),
      this.prisma.lead.findMany({ where: { customerId }, select: { id: true, name: true, mobile: true, source: true, stage: true, note: true, createdAt: true, store: { select: { name: true } }, followUps: { select: { type: true, outcome: true, note: true, createdAt: true } } } }),
      this.prisma.testDriveBooking.findMany({ where: { customerId }, select: { id: true, startAt: true, status: true, contactName: true, mobile: true, rating: true, ratingComment: true, model: { select: { name: true } }, store: { select: { name: true } } } }),
      this.prisma.vehicle.findMany({ where: { ownerId: customerId }, select: { vin: true, plate: true, deliveredAt: true, mileageKm: true, insuranceCompany: true, insuranceExpiresOn: true, model: { select: { name: true } } } }),
      this.prisma.serviceBooking.findMany({ where: { customerId }, select: { id: true, startAt: true, status: true, contactName: true, mobile: true, customerNote: true } }),
      this.prisma.workOrder.findMany({ where: { customerId }, select: { id: true, status: true, checkedInAt: true, settledAt: true, totalFen: true, customerNote: true } }),
      this.prisma.pointsEntry.findMany({ where: { customerId }, select: { type: true, points: true, balanceAfter: true, reason: true, createdAt: true }, orderBy: { id: 'asc' } }),
      this.prisma.coupon.findMany({ where: { customerId }, select: { code: true, expiresAt: true, usedAt: true, reward: { select: { name: true } } } }),
      this.prisma.customerMessage.findMany({ where: { customerId }, select: { channel: true, title: true, body: true, sentAt: true }, orderBy: { id: 'asc' } }),
      this.prisma.survey.findMany({ where: { customerId }, select: { subject: true, sentAt: true, answeredAt: true, nps: true, csat: true, comment: true } }),
      this.prisma.complaint.findMany({ where: { customerId }, select: { category: true, content: true, status: true, resolution: true, createdAt: true } }),
    ]);
    await this.audit.record(this.prisma, { actor: { type: 'CUSTOMER', id: customerId }, action: 'customer.data_exported', entityType: 'customer', entityId: customerId });
    return { exportedAt: new Date().toISOString(), policyVersion: PRIVACY_POLICY_VERSION, profile, leads, testDrives, vehicles, serviceBookings, workOrders, points, coupons, messages, surveys, complaints };
  }

  async delete(customerId: number) {
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { mobile: true } });
      await tx.customer.update({
        where: { id: customerId },
        data: { name: null, mobile: null, openid: null, unionid: null, birthday: null, referralCode: null, mobileVerifiedAt: null, anonymisedAt: now },
        select: { id: true },
      });
      await this.sessions.endAll('customer', customerId, tx);
      if (customer.mobile) await tx.smsCode.deleteMany({ where: { mobile: customer.mobile } });
      await tx.lead.updateMany({ where: { customerId }, data: { name: DELETED_NAME, mobile: '', note: null, needs: Prisma.DbNull, testDriveFeedback: null, lostNote: null } });
      await tx.followUp.updateMany({ where: { lead: { customerId } }, data: { note: null } });
      await tx.leadTouch.updateMany({ where: { lead: { customerId } }, data: { note: null } });
      await tx.testDriveBooking.updateMany({ where: { customerId }, data: { contactName: DELETED_NAME, mobile: '', ratingComment: null, feedback: null } });
      await tx.serviceBooking.updateMany({ where: { customerId }, data: { contactName: DELETED_NAME, mobile: '', customerNote: null } });
      await tx.workOrder.updateMany({ where: { customerId }, data: { customerNote: null } });
      await tx.survey.updateMany({ where: { customerId }, data: { comment: null } });
      await tx.complaint.updateMany({ where: { customerId }, data: { content: DELETED_TEXT } });
      await tx.customerMessage.deleteMany({ where: { customerId } });
      await tx.outboxMessage.updateMany({ where: { customerId }, data: { title: '（已注销）', body: DELETED_TEXT } });
      await tx.channelOptOut.deleteMany({ where: { customerId } });
      await this.audit.record(tx, { actor: { type: 'CUSTOMER', id: customerId }, action: 'customer.anonymised', entityType: 'customer', entityId: customerId });
    });
    return { anonymisedAt: now };
  }
}
