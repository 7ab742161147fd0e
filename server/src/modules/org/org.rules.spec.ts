import { StaffRole } from '../../generated/prisma/enums';
import { placementFor, seesFullStaffMobiles } from './org.rules';

describe('staff placement', () => {
  it('puts a consultant in their store and that store\'s region', () => {
    expect(placementFor(StaffRole.CONSULTANT, 4, 9, 2)).toEqual({ storeId: 4, regionId: 2 });
  });

  it('puts a region manager in a region and no store', () => {
    expect(placementFor(StaffRole.REGION_MANAGER, 4, 2, 1)).toEqual({ storeId: null, regionId: 2 });
  });

  it('keeps head-office roles out of stores and regions', () => {
    expect(placementFor(StaffRole.DIRECTOR, 4, 2, 1)).toEqual({ storeId: null, regionId: null });
  });
});

describe('staff mobile visibility', () => {
  it('shows full mobiles to the administrator only', () => {
    expect(seesFullStaffMobiles(StaffRole.ADMIN)).toBe(true);
    expect(seesFullStaffMobiles(StaffRole.STORE_MANAGER)).toBe(false);
  });
});
