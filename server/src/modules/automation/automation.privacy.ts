import type { Prisma } from '../../generated/prisma/client';
import { DELETED_TEXT, type PrismaDb } from '../customers/personal-data';

/** The customer's inbox, channel choices and queued sends, for the privacy orchestrator and a WeChat identity that moves. */
export const automationPrivacy = {
  async export(db: PrismaDb, customerId: number) {
    const [channelOptOuts, messages] = await Promise.all([
      db.channelOptOut.findMany({ where: { customerId }, select: { channel: true } }),
      db.customerMessage.findMany({ where: { customerId }, select: { channel: true, title: true, body: true, sentAt: true }, orderBy: { id: 'asc' } }),
    ]);
    return { channelOptOuts, messages };
  },

  async erase(tx: Prisma.TransactionClient, customerId: number) {
    await tx.customerMessage.deleteMany({ where: { customerId } });
    await tx.outboxMessage.updateMany({ where: { customerId }, data: { title: '（已注销）', body: DELETED_TEXT } });
    await tx.channelOptOut.deleteMany({ where: { customerId } });
  },

  async moveToCustomer(tx: Prisma.TransactionClient, fromCustomerId: number, toCustomerId: number) {
    await tx.customerMessage.updateMany({ where: { customerId: fromCustomerId }, data: { customerId: toCustomerId } });
    // A channel turned off on either row stays off.
    await tx.$executeRaw`INSERT IGNORE INTO channel_opt_outs (customer_id, channel, created_at) SELECT ${toCustomerId}, channel, created_at FROM channel_opt_outs WHERE customer_id = ${fromCustomerId}`;
    await tx.channelOptOut.deleteMany({ where: { customerId: fromCustomerId } });
  },
};
