import { rm } from 'node:fs/promises';
import { Prisma } from '../../generated/prisma/client';
import { ImportJobStatus } from '../../generated/prisma/enums';
import { mentions, scrubbed, type CustomerIdentifiers, type PrismaDb } from '../customers/personal-data';
import { xlsxContainsAny } from './xlsx-archive';

type WaitingFile = { id: number; filePath: string };

/** Imports' part of an account deletion, for the privacy orchestrator (customers/privacy.service.ts). */
export const importsPrivacy = {
  /** Checked uploads waiting for their commit that name the customer: read before the deletion's transaction, as reading files is slow. */
  async waitingFilesNaming(db: PrismaDb, who: CustomerIdentifiers): Promise<WaitingFile[]> {
    const waiting = await db.importJob.findMany({ where: { status: ImportJobStatus.VALIDATED }, select: { id: true, filePath: true } });
    const naming: WaitingFile[] = [];
    for (const job of waiting) if (await xlsxContainsAny(job.filePath, [...who.mobiles, ...who.plates])) naming.push(job);
    return naming;
  },

  /** Scrubs the customer from stored row errors and voids the waiting uploads that name them. */
  async erase(tx: Prisma.TransactionClient, who: CustomerIdentifiers, filesNamingThem: WaitingFile[], now: Date) {
    await tx.$executeRaw`UPDATE import_jobs SET errors = ${scrubbed('errors', who, false)} WHERE errors IS NOT NULL AND (${mentions('errors', [...who.mobiles, ...who.plates])})`;
    if (filesNamingThem.length === 0) return;
    await tx.importJob.updateMany({
      where: { id: { in: filesNamingThem.map((job) => job.id) }, status: ImportJobStatus.VALIDATED },
      data: { status: ImportJobStatus.FAILED, runningById: null, errors: Prisma.DbNull, failureMessage: '文件中有已注销客户的个人信息，文件已删除，请去掉该客户后重新上传', finishedAt: now },
    });
  },

  /** Once the deletion has committed: the voided files themselves. */
  async removeFiles(files: WaitingFile[]) {
    for (const job of files) await rm(job.filePath, { force: true });
  },
};
