import { StaffRole } from '../../generated/prisma/enums';
import { STORE_ROLES } from '../../contracts/org.contract';

/** Who sees colleagues' full mobile numbers; everyone else sees 138****5678. */
export function seesFullStaffMobiles(role: StaffRole): boolean {
  return role === StaffRole.ADMIN;
}

/**
 * Where a staff member belongs after a change: store roles belong to a store (and its region),
 * a region manager to a region, head-office roles to neither.
 */
export function placementFor(
  role: StaffRole,
  storeId: number | null,
  regionId: number | null,
  regionOfStore: number | null,
): { storeId: number | null; regionId: number | null } {
  if (STORE_ROLES.includes(role)) return { storeId, regionId: regionOfStore };
  if (role === StaffRole.REGION_MANAGER) return { storeId: null, regionId };
  return { storeId: null, regionId: null };
}
