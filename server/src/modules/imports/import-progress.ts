import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ImportJobStatus } from '../../generated/prisma/enums';
import type { PrismaService } from '../../core/database/prisma.service';

/** Rows between two full garbage collections while an import runs (see collectGarbage). */
export const ROWS_PER_COLLECTION = 5_000;

/**
 * A full garbage collection. V8 lets the heap grow to several times what is live before it collects (the limit
 * here is gigabytes); an import allocates fast enough that the server's RSS passed 600 MB on garbage alone,
 * while what is live stays near 130 MB. Collecting every ROWS_PER_COLLECTION rows keeps a 100,000-row import
 * near 410 MB (460 MB at 10,000) for a few seconds of work. Turning on --expose-gc at run time only gives new
 * contexts a `gc` function, which is taken from one; if that is refused, nothing is collected early.
 */
export const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : () => undefined;
  } catch {
    return () => undefined;
  }
})();

/**
 * Writes a running commit's progress on the job row through the ordinary client (its own connection), one
 * write at a time and never awaited by the transaction: the transaction's connection only ever carries its
 * own statements. The update is conditional on COMMITTING, so a late write after the end changes nothing.
 */
export class ProgressWriter {
  private latest = 0;
  private written = 0;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobId: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  report(processedRows: number): void {
    this.latest = processedRows;
    if (!this.inFlight && !this.stopped) this.inFlight = this.flush();
  }

  stop(): void {
    this.stopped = true;
  }

  async settled(): Promise<void> {
    await this.inFlight;
  }

  private async flush(): Promise<void> {
    try {
      while (!this.stopped && this.written < this.latest) {
        const rows = this.latest;
        await this.prisma.importJob.updateMany({ where: { id: this.jobId, status: ImportJobStatus.COMMITTING }, data: { processedRows: rows } });
        this.written = rows;
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.inFlight = null;
    }
  }
}
