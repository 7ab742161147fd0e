import type { PrismaService } from '../database/prisma.service';

export interface ConsumedEvent {
  id: number;
  type: string;
  subjectId: number;
  payload: unknown;
  occurredAt: Date;
}

/**
 * Hands a consumer the domain events after its cursor, in order, moving the cursor after each. A crash
 * between handling and moving the cursor hands the event over again, so handlers must be idempotent (a
 * unique key on what they write); they are, everywhere.
 */
export async function consumeEvents(prisma: PrismaService, consumer: string, handle: (event: ConsumedEvent) => Promise<number>, batch = 200): Promise<number> {
  await prisma.eventCursor.createMany({ data: [{ consumer }], skipDuplicates: true });
  const cursor = await prisma.eventCursor.findUniqueOrThrow({ where: { consumer }, select: { lastEventId: true } });
  const events = await prisma.domainEvent.findMany({ where: { id: { gt: cursor.lastEventId } }, select: { id: true, type: true, subjectId: true, payload: true, occurredAt: true }, orderBy: { id: 'asc' }, take: batch });
  let handled = 0;
  for (const event of events) {
    handled += await handle(event);
    await prisma.eventCursor.update({ where: { consumer }, data: { lastEventId: event.id }, select: { consumer: true } });
  }
  return handled;
}
