import { Prisma } from '../../generated/prisma/client';
import { DELETED_NAME, identifiersFrom, idList, scrubbed, type ErasureSubject, type PrismaDb } from '../customers/personal-data';

/** The customer's leads, for the privacy orchestrator (customers/privacy.service.ts). */
export const leadsPrivacy = {
  async identify(db: PrismaDb, customerId: number) {
    const leads = await db.lead.findMany({ where: { customerId }, select: { id: true, name: true, mobile: true } });
    return { ...identifiersFrom(leads), leadIds: leads.map((lead) => lead.id) };
  },

  async export(db: PrismaDb, customerId: number) {
    const [leads, quotes, orders, referrals] = await Promise.all([
      db.lead.findMany({ where: { customerId }, select: { id: true, name: true, mobile: true, source: true, stage: true, note: true, createdAt: true, store: { select: { name: true } }, followUps: { select: { type: true, outcome: true, note: true, createdAt: true } } } }),
      db.quote.findMany({ where: { lead: { customerId } }, select: { id: true, leadId: true, msrpFen: true, lines: true, discountFen: true, totalFen: true, approvalStatus: true, createdAt: true, trim: { select: { name: true, model: { select: { name: true } } } } }, orderBy: { id: 'asc' } }),
      db.salesOrder.findMany({ where: { lead: { customerId } }, select: { id: true, leadId: true, quoteId: true, priceFen: true, depositFen: true, financePlan: true, signedAt: true, trim: { select: { name: true } }, delivery: { select: { vin: true, deliveredAt: true } } }, orderBy: { id: 'asc' } }),
      // The people they referred are not theirs to download: what the referral did, not who it was.
      db.lead.findMany({ where: { referrerCustomerId: customerId }, select: { id: true, stage: true, createdAt: true, store: { select: { name: true } } }, orderBy: { id: 'asc' } }),
    ]);
    return { leads, quotes, orders, referrals };
  },

  async erase(tx: Prisma.TransactionClient, { customerId, who, leadIds }: ErasureSubject) {
    await tx.lead.updateMany({ where: { customerId }, data: { name: DELETED_NAME, mobile: '', note: null, needs: Prisma.DbNull, testDriveFeedback: null, lostNote: null } });
    await tx.followUp.updateMany({ where: { lead: { customerId } }, data: { note: null } });
    await tx.leadTouch.updateMany({ where: { lead: { customerId } }, data: { note: null } });
    // Staff type the finance plan freely ("张三 36 期"): the order stays, their name, mobile and plate go.
    await tx.$executeRaw`UPDATE sales_orders SET finance_plan = ${scrubbed('finance_plan', who, true)} WHERE lead_id IN (${idList(leadIds)}) AND finance_plan IS NOT NULL`;
    // A friend they referred is the friend's lead, but the note on it is the referrer's words and often names them.
    const referredIds = (await tx.lead.findMany({ where: { referrerCustomerId: customerId }, select: { id: true } })).map((lead) => lead.id);
    await tx.$executeRaw`UPDATE leads SET note = ${scrubbed('note', who, true)} WHERE id IN (${idList(referredIds)}) AND note IS NOT NULL`;
    await tx.$executeRaw`UPDATE lead_touches SET note = ${scrubbed('note', who, true)} WHERE lead_id IN (${idList(referredIds)}) AND note IS NOT NULL`;
  },
};
