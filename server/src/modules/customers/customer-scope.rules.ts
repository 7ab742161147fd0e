import type { Prisma } from '../../generated/prisma/client';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, scopedWhere } from '../../core/auth/data-scope';

/** A record's store, as the `where` of any record that has one (lead, car, booking, work order, complaint). */
type AtStores = { storeId: number } | { store: { regionId: number } };

/**
 * The customers a store (or region) serves: those with a lead, a car, a workshop booking, a work order, a
 * test drive or a complaint there — each of the records through which its lists already show the customer.
 */
const servedAt = (at: AtStores): Prisma.CustomerWhereInput => ({
  OR: [
    { leads: { some: at } },
    { vehicles: { some: at } },
    { serviceBookings: { some: at } },
    { workOrders: { some: at } },
    { testDrives: { some: at } },
    { complaints: { some: at } },
  ],
});

/**
 * The customers a staff member may see, as the lists that show customers scope them: a consultant those of
 * the leads assigned to them and the cars they sold; store staff the customers their store serves; a region
 * manager those of their region; head office everyone.
 */
export function customersInScope(caller: StaffCaller): Prisma.CustomerWhereInput {
  return scopedWhere<Prisma.CustomerWhereInput>(dataScopeOf(caller), {
    own: (staffId) => ({ OR: [{ leads: { some: { assigneeId: staffId } } }, { vehicles: { some: { soldById: staffId } } }] }),
    store: (storeId) => servedAt({ storeId }),
    region: (regionId) => servedAt({ store: { regionId } }),
  });
}
