/** True when Prisma refused a write because a unique key already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

/** No database connection or transaction could be had in time: a load spike, worth retrying later. */
export function isDatabaseBusy(error: unknown): boolean {
  const prismaError = error as { code?: string; meta?: { driverAdapterError?: { cause?: { code?: number } } } } | null;
  return prismaError?.code === 'P2024' || prismaError?.code === 'P2028' || prismaError?.meta?.driverAdapterError?.cause?.code === 45028;
}

/**
 * The column a write was refused for because the value does not fit it (a number out of the column's range, a
 * text longer than it), or null for any other error. The transaction it ran in is rolled back, so nothing was
 * written; contracts bound every field, so this is the net under a bound someone forgot.
 */
export function columnRefusingValue(error: unknown): string | null {
  const prismaError = error as { code?: string; message?: string; meta?: { column_name?: string; driverAdapterError?: { cause?: { column?: string; cause?: string } } } } | null;
  if (prismaError?.code !== 'P2000' && prismaError?.code !== 'P2020') return null;
  const cause = prismaError.meta?.driverAdapterError?.cause;
  const named = cause?.column ?? prismaError.meta?.column_name ?? /column '([^']+)'/.exec(cause?.cause ?? prismaError.message ?? '')?.[1];
  return named ?? '(value)';
}

/** True when a record a query required (`findUniqueOrThrow`, `update`) was not there: deleted meanwhile, or never was. */
export function isRequiredRecordMissing(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2025';
}

/** True when MySQL chose this transaction as a deadlock victim or a lock wait timed out: safe to run again. */
export function isRetryableConflict(error: unknown): boolean {
  const candidate = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } } | null;
  const cause = candidate?.meta?.driverAdapterError?.cause;
  return candidate?.code === 'P2034' || cause?.kind === 'TransactionWriteConflict' || cause?.originalCode === '1213' || cause?.originalCode === '1205';
}

/** Runs a whole transaction again (up to `attempts` times) when MySQL aborted it for a deadlock. */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
