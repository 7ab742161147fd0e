import { StaffRole } from '../../generated/prisma/enums';
import { maskMobiles } from '../logging/mask';

/** Those who phone customers see their full mobile; everyone else sees 138****5678. */
const SEES_FULL_CUSTOMER_MOBILES: StaffRole[] = [StaffRole.CONSULTANT, StaffRole.STORE_MANAGER, StaffRole.SERVICE_ADVISOR];

export function customerMobileFor(role: StaffRole, mobile: string): string {
  return SEES_FULL_CUSTOMER_MOBILES.includes(role) ? mobile : maskMobiles(mobile);
}
