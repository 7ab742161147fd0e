import type { Prisma } from '../../generated/prisma/client';
import { DELETED_NAME, identifiersFrom, type PrismaDb } from '../customers/personal-data';

/** The customer's test-drive bookings, for the privacy orchestrator and a WeChat identity that moves. */
export const testDrivesPrivacy = {
  async identify(db: PrismaDb, customerId: number) {
    const bookings = await db.testDriveBooking.findMany({ where: { customerId }, select: { contactName: true, mobile: true } });
    return identifiersFrom(bookings.map((booking) => ({ name: booking.contactName, mobile: booking.mobile })));
  },

  export(db: PrismaDb, customerId: number) {
    return db.testDriveBooking.findMany({ where: { customerId }, select: { id: true, startAt: true, status: true, contactName: true, mobile: true, rating: true, ratingComment: true, model: { select: { name: true } }, store: { select: { name: true } } } });
  },

  async erase(tx: Prisma.TransactionClient, customerId: number) {
    await tx.testDriveBooking.updateMany({ where: { customerId }, data: { contactName: DELETED_NAME, mobile: '', ratingComment: null, feedback: null } });
  },

  async moveToCustomer(tx: Prisma.TransactionClient, fromCustomerId: number, toCustomerId: number) {
    await tx.testDriveBooking.updateMany({ where: { customerId: fromCustomerId }, data: { customerId: toCustomerId } });
  },
};
