import { StaffRole } from '../../generated/prisma/enums';
import type { StaffCaller } from './caller';
import { dataScopeOf, ScopeRelations, scopedWhere, worksInStore } from './data-scope';

const caller = (role: StaffRole, storeId: number | null = 7, regionId: number | null = 3): StaffCaller => ({
  kind: 'staff', staffId: 42, role, storeId, regionId,
});

const relations: ScopeRelations<object> = {
  own: (staffId: number) => ({ ownerId: staffId }),
  store: (storeId: number) => ({ storeId }),
  region: (regionId: number) => ({ store: { regionId } }),
};

describe('data scopes', () => {
  it('lets a consultant see only their own records', () => {
    expect(scopedWhere(dataScopeOf(caller(StaffRole.CONSULTANT)), relations)).toEqual({ ownerId: 42 });
  });

  it('lets store managers and service advisors see their store', () => {
    expect(scopedWhere(dataScopeOf(caller(StaffRole.STORE_MANAGER)), relations)).toEqual({ storeId: 7 });
    expect(scopedWhere(dataScopeOf(caller(StaffRole.SERVICE_ADVISOR)), relations)).toEqual({ storeId: 7 });
  });

  it('lets a region manager see the region', () => {
    expect(scopedWhere(dataScopeOf(caller(StaffRole.REGION_MANAGER)), relations)).toEqual({ store: { regionId: 3 } });
  });

  it('lets admin, director and marketer see everything', () => {
    for (const role of [StaffRole.ADMIN, StaffRole.DIRECTOR, StaffRole.MARKETER]) {
      expect(scopedWhere(dataScopeOf(caller(role)), relations)).toEqual({});
    }
  });

  it('shows nothing to a store manager without a store', () => {
    expect(scopedWhere(dataScopeOf(caller(StaffRole.STORE_MANAGER, null)), relations)).toEqual({ ownerId: -1 });
  });
});

describe('working in a store', () => {
  const store = { id: 7, regionId: 3 };
  it('lets staff of the store, its region manager and head office act there, nobody else', () => {
    expect(worksInStore(caller(StaffRole.CONSULTANT), store)).toBe(true);
    expect(worksInStore(caller(StaffRole.CONSULTANT, 8), store)).toBe(false);
    expect(worksInStore(caller(StaffRole.REGION_MANAGER, null, 3), store)).toBe(true);
    expect(worksInStore(caller(StaffRole.REGION_MANAGER, null, 4), store)).toBe(false);
    expect(worksInStore(caller(StaffRole.DIRECTOR, null, null), store)).toBe(true);
  });
});
