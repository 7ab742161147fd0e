import { z } from 'zod';
import { dateTimeSchema, idQuerySchema, pageOf, pageQuerySchema } from './common.contract';

/** Every action the audit log records; the admin filters by these. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'lead.stage_changed',
  'lead.reassigned',
  'lead.handover',
  'quote.decided',
  'points.adjusted',
  'staff.created',
  'staff.updated',
  'staff.deactivated',
  'staff.reactivated',
  'customer.data_exported',
  'customer.anonymised',
  'customer.consent_given',
  'export.created',
  'customer.mobile_revealed',
  'import.committed',
  'import.failed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditQuerySchema = pageQuerySchema.extend({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorType: z.enum(['STAFF', 'CUSTOMER', 'SYSTEM', 'ANONYMOUS']).optional(),
  actorId: idQuerySchema.optional(),
  entityType: z.string().trim().max(32).optional(),
  entityId: z.string().trim().max(64).optional(),
  /** Matches the actor's name or username (or the username typed at a failed login) and the IP. */
  q: z.string().trim().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  actorType: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: dateTimeSchema,
});
export const auditPageSchema = pageOf(auditEntrySchema);

export type AuditQuery = z.infer<typeof auditQuerySchema>;
