import type { Prisma } from '../../generated/prisma/client';

/** Sign-in codes sent to a deleted account's mobile, for the privacy orchestrator (customers/privacy.service.ts). */
export const authPrivacy = {
  async erase(tx: Prisma.TransactionClient, mobile: string | null) {
    if (mobile) await tx.smsCode.deleteMany({ where: { mobile } });
  },
};
