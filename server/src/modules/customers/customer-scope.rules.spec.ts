import { StaffRole } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { customersInScope } from './customer-scope.rules';

const caller = (role: StaffRole): StaffCaller => ({ kind: 'staff', staffId: 42, role, storeId: 7, regionId: 3 });

describe('which customers a staff member may see', () => {
  it('shows a consultant the customers of the leads assigned to them and of the cars they sold', () => {
    expect(customersInScope(caller(StaffRole.CONSULTANT))).toEqual({ OR: [{ leads: { some: { assigneeId: 42 } } }, { vehicles: { some: { soldById: 42 } } }] });
  });

  it('shows store staff the customers with a lead, car, booking, work order, test drive or complaint at their store', () => {
    for (const role of [StaffRole.STORE_MANAGER, StaffRole.SERVICE_ADVISOR]) {
      const at = { some: { storeId: 7 } };
      expect(customersInScope(caller(role))).toEqual({ OR: [{ leads: at }, { vehicles: at }, { serviceBookings: at }, { workOrders: at }, { testDrives: at }, { complaints: at }] });
    }
  });

  it('shows a region manager the customers served anywhere in their region', () => {
    const at = { some: { store: { regionId: 3 } } };
    expect(customersInScope(caller(StaffRole.REGION_MANAGER))).toEqual({ OR: [{ leads: at }, { vehicles: at }, { serviceBookings: at }, { workOrders: at }, { testDrives: at }, { complaints: at }] });
  });

  it('shows head office every customer', () => {
    for (const role of [StaffRole.ADMIN, StaffRole.DIRECTOR, StaffRole.MARKETER]) expect(customersInScope(caller(role))).toEqual({});
  });
});
