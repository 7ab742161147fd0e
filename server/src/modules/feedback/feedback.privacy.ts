import type { Prisma } from '../../generated/prisma/client';
import { DELETED_TEXT, idList, scrubbed, type ErasureSubject, type PrismaDb } from '../customers/personal-data';

/** The customer's surveys and complaints, for the privacy orchestrator and a WeChat identity that moves. */
export const feedbackPrivacy = {
  async export(db: PrismaDb, customerId: number) {
    const [surveys, complaints] = await Promise.all([
      db.survey.findMany({ where: { customerId }, select: { subject: true, sentAt: true, answeredAt: true, nps: true, csat: true, comment: true } }),
      db.complaint.findMany({ where: { customerId }, select: { category: true, content: true, status: true, resolution: true, createdAt: true } }),
    ]);
    return { surveys, complaints };
  },

  /** A complaint's staff notifications quote its opening words (80 characters when new, 60 when late). */
  async quotedInNotifications(db: PrismaDb, customerId: number): Promise<string[]> {
    const complaints = await db.complaint.findMany({ where: { customerId }, select: { content: true } });
    return complaints.flatMap(({ content }) => [...new Set([content.slice(0, 80), content.slice(0, 60)])].filter((quoted) => quoted.length >= 8));
  },

  /** Staff replies and notes lose the customer's names, mobiles and plates; their own words are deleted. */
  async erase(tx: Prisma.TransactionClient, { customerId, who }: ErasureSubject) {
    const complaintIds = (await tx.complaint.findMany({ where: { customerId }, select: { id: true } })).map((complaint) => complaint.id);
    await tx.$executeRaw`UPDATE complaints SET resolution = ${scrubbed('resolution', who, true)} WHERE customer_id = ${customerId} AND resolution IS NOT NULL`;
    await tx.$executeRaw`UPDATE complaint_notes SET note = ${scrubbed('note', who, true)} WHERE complaint_id IN (${idList(complaintIds)})`;
    await tx.$executeRaw`UPDATE surveys SET subject = ${scrubbed('subject', who, true)} WHERE customer_id = ${customerId}`;
    await tx.survey.updateMany({ where: { customerId }, data: { comment: null } });
    await tx.complaint.updateMany({ where: { customerId }, data: { content: DELETED_TEXT } });
  },

  async moveToCustomer(tx: Prisma.TransactionClient, fromCustomerId: number, toCustomerId: number) {
    const moved = { where: { customerId: fromCustomerId }, data: { customerId: toCustomerId } };
    await tx.survey.updateMany(moved);
    await tx.complaint.updateMany(moved);
  },
};
