import { Prisma } from '../../generated/prisma/client';

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

/**
 * Masks texts (a plate, a mobile) inside the payloads of one type's events about the given subjects, for a
 * customer's erasure: the event stays (consumers may not have read it yet), what identified them does not.
 */
export async function maskInEvents(tx: Prisma.TransactionClient, type: DomainEventType, subjectIds: number[], texts: string[]): Promise<void> {
  if (subjectIds.length === 0 || texts.length === 0) return;
  const payload = texts.reduce((masked, text) => Prisma.sql`REPLACE(${masked}, ${text}, '***')`, Prisma.sql`payload`);
  await tx.$executeRaw`UPDATE domain_events SET payload = ${payload} WHERE type = ${type} AND subject_id IN (${Prisma.join(subjectIds)})`;
}
