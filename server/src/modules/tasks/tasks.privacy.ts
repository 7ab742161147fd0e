import type { Prisma } from '../../generated/prisma/client';
import { idList, scrubbed, type ErasureSubject, type PrismaDb } from '../customers/personal-data';

/** Tasks about the customer (their leads, their cars), for the privacy orchestrator (customers/privacy.service.ts). */
export const tasksPrivacy = {
  async taskIds(db: PrismaDb, leadIds: number[], vehicleIds: number[]): Promise<number[]> {
    const tasks = await db.task.findMany({ where: { OR: [{ leadId: { in: leadIds } }, { vehicleId: { in: vehicleIds } }] }, select: { id: true } });
    return tasks.map((task) => task.id);
  },

  async erase(tx: Prisma.TransactionClient, { who, taskIds }: ErasureSubject) {
    await tx.$executeRaw`UPDATE tasks SET purpose = ${scrubbed('purpose', who, true)} WHERE id IN (${idList(taskIds)})`;
  },
};
