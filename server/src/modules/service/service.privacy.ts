import type { Prisma } from '../../generated/prisma/client';
import { DELETED_NAME, identifiersFrom, type PrismaDb } from '../customers/personal-data';

/** The customer's service bookings and work orders, for the privacy orchestrator (customers/privacy.service.ts). */
export const servicePrivacy = {
  async identify(db: PrismaDb, customerId: number) {
    const bookings = await db.serviceBooking.findMany({ where: { customerId }, select: { contactName: true, mobile: true } });
    return identifiersFrom(bookings.map((booking) => ({ name: booking.contactName, mobile: booking.mobile })));
  },

  async export(db: PrismaDb, customerId: number) {
    const [serviceBookings, workOrders] = await Promise.all([
      db.serviceBooking.findMany({ where: { customerId }, select: { id: true, startAt: true, status: true, contactName: true, mobile: true, customerNote: true } }),
      db.workOrder.findMany({ where: { customerId }, select: { id: true, status: true, checkedInAt: true, settledAt: true, totalFen: true, customerNote: true } }),
    ]);
    return { serviceBookings, workOrders };
  },

  async erase(tx: Prisma.TransactionClient, customerId: number) {
    await tx.serviceBooking.updateMany({ where: { customerId }, data: { contactName: DELETED_NAME, mobile: '', customerNote: null } });
    await tx.workOrder.updateMany({ where: { customerId }, data: { customerNote: null } });
  },
};
