import type { StaffRole } from '../../generated/prisma/enums';

export interface StaffCaller {
  kind: 'staff';
  staffId: number;
  role: StaffRole;
  storeId: number | null;
  regionId: number | null;
}

export interface CustomerCaller {
  kind: 'customer';
  customerId: number;
}

export type Caller = StaffCaller | CustomerCaller;
