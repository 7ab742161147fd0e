import type { Prisma } from '../../generated/prisma/client';

/** Events other domains consume; the names are part of the contract between them. */
export const DomainEventType = {
  /** A work order was settled: loyalty earns points on `totalFen`, automation sends a satisfaction survey. */
  SERVICE_SETTLED: 'service.settled',
  /** A car was delivered on a lead: the buyer earns purchase points, a referrer earns for the referral. */
  LEAD_DELIVERED: 'lead.delivered',
  /** A test drive was completed: automation sends a satisfaction survey. */
  TEST_DRIVE_COMPLETED: 'test-drive.completed',
  /** A customer answered a survey: loyalty gives the survey points (once per survey). */
  SURVEY_ANSWERED: 'survey.answered',
} as const;

export type DomainEventType = (typeof DomainEventType)[keyof typeof DomainEventType];

/**
 * Records that something happened, in the same transaction as the change itself, so an event exists exactly
 * when the change does. The unique (type, subject) key makes raising it twice impossible.
 */
export async function raiseEvent(tx: Prisma.TransactionClient, type: DomainEventType, subjectId: number, payload: Prisma.InputJsonObject, occurredAt: Date): Promise<void> {
  await tx.domainEvent.create({ data: { type, subjectId, payload, occurredAt }, select: { id: true } });
}
