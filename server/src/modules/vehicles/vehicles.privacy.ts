import type { Prisma } from '../../generated/prisma/client';
import { identifiersFrom, scrubbed, type CustomerIdentifiers, type PrismaDb } from '../customers/personal-data';

/** The customer's cars, for the privacy orchestrator (customers/privacy.service.ts). */
export const vehiclesPrivacy = {
  async identify(db: PrismaDb, customerId: number) {
    const vehicles = await db.vehicle.findMany({ where: { ownerId: customerId }, select: { id: true, plate: true } });
    return { ...identifiersFrom(vehicles), vehicleIds: vehicles.map((vehicle) => vehicle.id) };
  },

  async export(db: PrismaDb, customerId: number) {
    const [vehicles, mileageReadings] = await Promise.all([
      db.vehicle.findMany({ where: { ownerId: customerId }, select: { vin: true, plate: true, deliveredAt: true, mileageKm: true, insuranceCompany: true, insuranceExpiresOn: true, model: { select: { name: true } } } }),
      db.mileageReading.findMany({ where: { vehicle: { ownerId: customerId } }, select: { km: true, source: true, readAt: true, vehicle: { select: { vin: true } } }, orderBy: { id: 'asc' } }),
    ]);
    return { vehicles, mileageReadings };
  },

  /**
   * The car stays (its VIN, services and readings are the dealer's records); its plate says who drives it, and
   * the finance plan copied from the order at delivery may name them.
   */
  async erase(tx: Prisma.TransactionClient, customerId: number, who: CustomerIdentifiers) {
    await tx.$executeRaw`UPDATE vehicles SET finance_plan = ${scrubbed('finance_plan', who, true)} WHERE owner_id = ${customerId} AND finance_plan IS NOT NULL`;
    await tx.vehicle.updateMany({ where: { ownerId: customerId }, data: { plate: null } });
  },
};
