import { StaffRole } from './enums.contract';

/**
 * Who does which job, named once for both sides: the server's controllers declare their routes with these
 * groups (`@Roles(...SALES)`) and the admin's access.ts draws its menu and buttons from the same ones. The server
 * still checks every call; the admin only hides what would be refused.
 */

const { ADMIN, CONSULTANT, DIRECTOR, MARKETER, REGION_MANAGER, SERVICE_ADVISOR, STORE_MANAGER } = StaffRole;

export const ALL_STAFF_ROLES: readonly StaffRole[] = Object.values(StaffRole);

/** The managers of the sales and service teams, each over their own scope (all, region, store). */
export const MANAGERS: readonly StaffRole[] = [ADMIN, DIRECTOR, REGION_MANAGER, STORE_MANAGER];

/** Roles that work the sales pipeline (leads, test drives); the data scope decides which leads each one sees. */
export const SALES: readonly StaffRole[] = [...MANAGERS, CONSULTANT];

/** Roles that run the workshop: bookings, check-in, work orders and parts. */
export const AFTER_SALES: readonly StaffRole[] = [...MANAGERS, SERVICE_ADVISOR];

/** Roles that look after the members' programme and its messages: marketing runs it, the director watches it. */
export const LOYALTY: readonly StaffRole[] = [ADMIN, DIRECTOR, MARKETER];

/** Roles that change the members' programme (points, tiers, rules, rewards, segments, campaigns, reminders). */
export const LOYALTY_MANAGERS: readonly StaffRole[] = [ADMIN, MARKETER];

/** Roles that see the reminder rules: marketing runs them, managers see what their customers get. */
export const REMINDER_RULE_READERS: readonly StaffRole[] = [...MANAGERS, MARKETER];

/** Roles that handle complaints: whoever answers for the customer's experience at the store. */
export const COMPLAINT_HANDLERS: readonly StaffRole[] = AFTER_SALES;

/** Roles that read surveys and complaints: the handlers and marketing. */
export const FEEDBACK_READERS: readonly StaffRole[] = [...COMPLAINT_HANDLERS, MARKETER];

/** Roles that import leads from Excel; customers with their cars only head office (HEAD_OFFICE). */
export const IMPORTERS: readonly StaffRole[] = MANAGERS;

/** Roles that read the whole company: the system's administrator and the director who answers for it. */
export const HEAD_OFFICE: readonly StaffRole[] = [ADMIN, DIRECTOR];

/**
 * The org unit a role belongs to, which is also the data it sees: a store role must have a store, a region
 * role a region; company roles have neither (org.contract's STORE_ROLES are the store ones).
 */
export const ROLE_SCOPE: Record<StaffRole, 'store' | 'region' | 'company'> = {
  ADMIN: 'company',
  CONSULTANT: 'store',
  DIRECTOR: 'company',
  MARKETER: 'company',
  REGION_MANAGER: 'region',
  SERVICE_ADVISOR: 'store',
  STORE_MANAGER: 'store',
};
