import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PRIVACY_POLICY_VERSION } from '../../contracts/privacy.contract';
import { AuditService } from '../../core/audit/audit.service';
import { SessionService } from '../../core/auth/session.service';
import { PrismaService } from '../../core/database/prisma.service';
import { ImportJobStatus } from '../../generated/prisma/enums';
import { xlsxContainsAny } from '../imports/xlsx-archive';
import { CustomerError } from './customers.errors';

const DELETED_NAME = '已注销客户';
const DELETED_TEXT = '（客户已注销，内容已删除）';
const MASK = '***';

/** How a customer can be recognised in free text others wrote: their names, mobiles and plates. */
interface Identifiers {
  names: string[];
  mobiles: string[];
  plates: string[];
}

/** The column with every name replaced by DELETED_NAME and every mobile and plate by MASK (SQL REPLACE). */
function scrubbed(column: string, { names, mobiles, plates }: Identifiers, withNames: boolean): Prisma.Sql {
  let sql = Prisma.raw(`\`${column}\``);
  for (const mobile of mobiles) sql = Prisma.sql`REPLACE(${sql}, ${mobile}, ${MASK})`;
  for (const plate of plates) sql = Prisma.sql`REPLACE(${sql}, ${plate}, ${MASK})`;
  if (withNames) for (const name of names) sql = Prisma.sql`REPLACE(${sql}, ${name}, ${DELETED_NAME})`;
  return sql;
}

/** WHERE the column mentions one of the texts. */
function mentions(column: string, texts: string[]): Prisma.Sql {
  if (texts.length === 0) return Prisma.sql`FALSE`;
  return Prisma.join(
    texts.map((text) => Prisma.sql`${Prisma.raw(`\`${column}\``)} LIKE CONCAT('%', ${text}, '%')`),
    ' OR ',
  );
}

const idList = (ids: number[]) => (ids.length > 0 ? Prisma.join(ids) : Prisma.sql`NULL`);

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
    const [profile, leads, testDrives, vehicles, serviceBookings, workOrders, points, coupons, messages, surveys, complaints, quotes, orders, referrals, redemptions, mileageReadings] = await Promise.all([
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
      this.prisma.quote.findMany({ where: { lead: { customerId } }, select: { id: true, leadId: true, msrpFen: true, lines: true, discountFen: true, totalFen: true, approvalStatus: true, createdAt: true, trim: { select: { name: true, model: { select: { name: true } } } } }, orderBy: { id: 'asc' } }),
      this.prisma.salesOrder.findMany({ where: { lead: { customerId } }, select: { id: true, leadId: true, quoteId: true, priceFen: true, depositFen: true, financePlan: true, signedAt: true, trim: { select: { name: true } }, delivery: { select: { vin: true, deliveredAt: true } } }, orderBy: { id: 'asc' } }),
      // The people they referred are not theirs to download: what the referral did, not who it was.
      this.prisma.lead.findMany({ where: { referrerCustomerId: customerId }, select: { id: true, stage: true, createdAt: true, store: { select: { name: true } } }, orderBy: { id: 'asc' } }),
      this.prisma.redemption.findMany({ where: { customerId }, select: { id: true, points: true, createdAt: true, reward: { select: { name: true } }, coupon: { select: { code: true } } }, orderBy: { id: 'asc' } }),
      this.prisma.mileageReading.findMany({ where: { vehicle: { ownerId: customerId } }, select: { km: true, source: true, readAt: true, vehicle: { select: { vin: true } } }, orderBy: { id: 'asc' } }),
    ]);
    await this.audit.record(this.prisma, { actor: { type: 'CUSTOMER', id: customerId }, action: 'customer.data_exported', entityType: 'customer', entityId: customerId });
    return { exportedAt: new Date().toISOString(), policyVersion: PRIVACY_POLICY_VERSION, profile, leads, testDrives, vehicles, serviceBookings, workOrders, points, coupons, messages, surveys, complaints, quotes, orders, referrals, redemptions, mileageReadings };
  }

  async delete(customerId: number) {
    const now = new Date();
    // Uploaded import files waiting for their commit may list the customer: found before (reading files is
    // slow), voided in the transaction, removed once it has committed.
    const found = await this.identifiersOf(this.prisma, customerId);
    const pendingImports = await this.prisma.importJob.findMany({ where: { status: ImportJobStatus.VALIDATED }, select: { id: true, filePath: true } });
    const importsNamingThem: typeof pendingImports = [];
    for (const job of pendingImports) {
      if (await xlsxContainsAny(job.filePath, [...found.mobiles, ...found.plates])) importsNamingThem.push(job);
    }
    await this.prisma.$transaction(async (tx) => {
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { mobile: true } });
      // Read again inside the transaction: what is scrubbed is what is there now.
      const who = await this.identifiersOf(tx, customerId);
      await this.scrubMentions(tx, customerId, who);
      if (importsNamingThem.length > 0) {
        await tx.importJob.updateMany({
          where: { id: { in: importsNamingThem.map((job) => job.id) }, status: ImportJobStatus.VALIDATED },
          data: { status: ImportJobStatus.FAILED, runningById: null, errors: Prisma.DbNull, failureMessage: '文件中有已注销客户的个人信息，文件已删除，请去掉该客户后重新上传', finishedAt: now },
        });
      }
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
    for (const job of importsNamingThem) await rm(job.filePath, { force: true });
    return { anonymisedAt: now };
  }

  /** The names, mobiles and plates the customer is known by, on their account and on what they booked or own. */
  private async identifiersOf(db: Prisma.TransactionClient | PrismaService, customerId: number): Promise<Identifiers> {
    const [customer, leads, testDrives, serviceBookings, vehicles] = await Promise.all([
      db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { name: true, mobile: true } }),
      db.lead.findMany({ where: { customerId }, select: { name: true, mobile: true } }),
      db.testDriveBooking.findMany({ where: { customerId }, select: { contactName: true, mobile: true } }),
      db.serviceBooking.findMany({ where: { customerId }, select: { contactName: true, mobile: true } }),
      db.vehicle.findMany({ where: { ownerId: customerId }, select: { plate: true } }),
    ]);
    const distinct = (values: Array<string | null>) => [...new Set(values.filter((value): value is string => !!value && value !== DELETED_NAME))];
    return {
      names: distinct([customer.name, ...leads.map((lead) => lead.name), ...testDrives.map((booking) => booking.contactName), ...serviceBookings.map((booking) => booking.contactName)]),
      mobiles: distinct([customer.mobile, ...leads.map((lead) => lead.mobile), ...testDrives.map((booking) => booking.mobile), ...serviceBookings.map((booking) => booking.mobile)]),
      plates: distinct(vehicles.map((vehicle) => vehicle.plate)),
    };
  }

  /**
   * What staff wrote or the system generated about the customer: task titles, staff notifications, complaint
   * replies and notes, survey subjects, their car's plate. Rows tied to the customer (their leads, tasks, cars,
   * complaints) lose names, mobiles and plates; any other row loses a mobile or plate it quotes (unique to them),
   * but not a name, which other customers may share.
   */
  private async scrubMentions(tx: Prisma.TransactionClient, customerId: number, who: Identifiers): Promise<void> {
    const leadIds = (await tx.lead.findMany({ where: { customerId }, select: { id: true } })).map((lead) => lead.id);
    const vehicleIds = (await tx.vehicle.findMany({ where: { ownerId: customerId }, select: { id: true } })).map((vehicle) => vehicle.id);
    const taskIds = (await tx.task.findMany({ where: { OR: [{ leadId: { in: leadIds } }, { vehicleId: { in: vehicleIds } }] }, select: { id: true } })).map((task) => task.id);
    const complaints = await tx.complaint.findMany({ where: { customerId }, select: { id: true, content: true } });
    const unique = [...who.mobiles, ...who.plates];

    // A complaint's staff notifications quote its opening words (80 characters when new, 60 when late): replaced
    // first, while the quote still reads as it was written.
    for (const { content } of complaints) {
      for (const quoted of new Set([content.slice(0, 80), content.slice(0, 60)])) {
        if (quoted.length >= 8) await tx.$executeRaw`UPDATE notifications SET body = REPLACE(body, ${quoted}, ${DELETED_TEXT}) WHERE body LIKE CONCAT('%', ${quoted}, '%')`;
      }
    }
    await tx.$executeRaw`UPDATE tasks SET purpose = ${scrubbed('purpose', who, true)} WHERE id IN (${idList(taskIds)})`;
    await tx.$executeRaw`UPDATE notifications SET title = ${scrubbed('title', who, true)}, body = ${scrubbed('body', who, true)} WHERE lead_id IN (${idList(leadIds)}) OR task_id IN (${idList(taskIds)})`;
    await tx.$executeRaw`UPDATE notifications SET title = ${scrubbed('title', who, false)}, body = ${scrubbed('body', who, false)} WHERE ${mentions('title', unique)} OR ${mentions('body', unique)}`;
    await tx.$executeRaw`UPDATE complaints SET resolution = ${scrubbed('resolution', who, true)} WHERE customer_id = ${customerId} AND resolution IS NOT NULL`;
    await tx.$executeRaw`UPDATE complaint_notes SET note = ${scrubbed('note', who, true)} WHERE complaint_id IN (${idList(complaints.map((complaint) => complaint.id))})`;
    await tx.$executeRaw`UPDATE surveys SET subject = ${scrubbed('subject', who, true)} WHERE customer_id = ${customerId}`;
    await tx.$executeRaw`UPDATE import_jobs SET errors = ${scrubbed('errors', who, false)} WHERE errors IS NOT NULL AND (${mentions('errors', unique)})`;
    // The car stays (its VIN, services and readings are the dealer's records); its plate says who drives it.
    await tx.vehicle.updateMany({ where: { ownerId: customerId }, data: { plate: null } });
  }
}
