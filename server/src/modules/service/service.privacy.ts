import type { Prisma } from '../../generated/prisma/client';
import { DomainEventType, maskInEvents } from '../../core/events/domain-events';
import { DELETED_NAME, identifiersFrom, type ErasureSubject, type PrismaDb } from '../customers/personal-data';

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

  async erase(tx: Prisma.TransactionClient, { customerId, who, vehicleIds }: ErasureSubject) {
    await tx.serviceBooking.updateMany({ where: { customerId }, data: { contactName: DELETED_NAME, mobile: '', customerNote: null } });
    await tx.workOrder.updateMany({ where: { customerId }, data: { customerNote: null } });
    // The settlement event names the car by its plate (the survey's subject is made from it), so it goes there too.
    const workOrderIds = (await tx.workOrder.findMany({ where: { OR: [{ customerId }, { vehicleId: { in: vehicleIds } }] }, select: { id: true } })).map((order) => order.id);
    await maskInEvents(tx, DomainEventType.SERVICE_SETTLED, workOrderIds, [...who.plates, ...who.mobiles]);
  },
};
