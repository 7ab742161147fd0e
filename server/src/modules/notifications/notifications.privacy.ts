import type { Prisma } from '../../generated/prisma/client';
import { DELETED_TEXT, idList, mentions, scrubbed, type ErasureSubject } from '../customers/personal-data';

/** Staff notifications that speak of the customer, for the privacy orchestrator (customers/privacy.service.ts). */
export const notificationsPrivacy = {
  /**
   * Notifications about the customer's leads and tasks lose names, mobiles and plates; any other loses a mobile or
   * plate it quotes (unique to them), but not a name, which other customers may share. `quotes` (what a complaint's
   * notifications quote of it) are replaced first, while the quote still reads as it was written.
   */
  async erase(tx: Prisma.TransactionClient, { who, leadIds, taskIds }: ErasureSubject, quotes: string[]) {
    for (const quoted of quotes) {
      await tx.$executeRaw`UPDATE notifications SET body = REPLACE(body, ${quoted}, ${DELETED_TEXT}) WHERE body LIKE CONCAT('%', ${quoted}, '%')`;
    }
    const unique = [...who.mobiles, ...who.plates];
    await tx.$executeRaw`UPDATE notifications SET title = ${scrubbed('title', who, true)}, body = ${scrubbed('body', who, true)} WHERE lead_id IN (${idList(leadIds)}) OR task_id IN (${idList(taskIds)})`;
    await tx.$executeRaw`UPDATE notifications SET title = ${scrubbed('title', who, false)}, body = ${scrubbed('body', who, false)} WHERE ${mentions('title', unique)} OR ${mentions('body', unique)}`;
  },
};
