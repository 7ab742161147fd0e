import { rm } from 'node:fs/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Prisma } from '../../generated/prisma/client';
import { ImportJobStatus } from '../../generated/prisma/enums';
import { SHOWN_ERRORS, STORED_ERRORS, type ImportKind, type ImportListQuery, type ImportRowError } from '../../contracts/imports.contract';
import { AuditService, staffActor } from '../../core/audit/audit.service';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf } from '../../core/auth/data-scope';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { PrismaService } from '../../core/database/prisma.service';
import { ImportFileProblem, ImportFiles, type SheetRow } from './import-files';
import { IMPORT_PLANS, type ImportDefinition, type ImportPlan } from './import-plan';
import { collectGarbage, ProgressWriter, ROWS_PER_COLLECTION } from './import-progress';
import { importTemplate } from './import-template';
import { ImportError } from './imports.errors';
import { ErrorLog, FileKeys, fingerprint, overlongCells, type CellError } from './imports.rules';

/** The whole commit is one transaction; 100,000 rows take well under a minute, the limit leaves room. */
const COMMIT_TIMEOUT_MS = 15 * 60_000;
/** A running job whose row has not moved for this long was interrupted (the server stopped). */
const STALE_AFTER_MS = 10 * 60_000;

const JOB_FIELDS = {
  id: true,
  kind: true,
  fileName: true,
  status: true,
  totalRows: true,
  processedRows: true,
  validRows: true,
  errorCount: true,
  createdCount: true,
  skippedCount: true,
  failureMessage: true,
  createdAt: true,
  finishedAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ImportJobSelect;

type JobRow = Prisma.ImportJobGetPayload<{ select: typeof JOB_FIELDS }>;

interface Tally {
  rows: number;
  valid: number;
  skipped: number;
  errors: ErrorLog;
}

/** A row that passed the dry run fails at commit: the data changed in between. */
class DataChangedSinceDryRun extends Error {}

/**
 * Excel imports: the upload is stored, checked row by row in the background (the dry run, which reports every
 * bad cell and writes nothing), then committed in one transaction, so a failure at any row leaves nothing.
 * Files are streamed a batch at a time; what is kept per row is a key and a fingerprint for duplicates. The engine
 * knows no domain: each kind's columns, checks and writes are its domain's ImportDefinition (IMPORT_PLANS).
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);
  /** Jobs this process is running: never taken for interrupted, however slow. */
  private readonly running = new Set<number>();

  private readonly definitions: Map<ImportKind, ImportDefinition>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly files: ImportFiles,
    @Inject(IMPORT_PLANS) definitions: ImportDefinition[],
  ) {
    this.definitions = new Map(definitions.map((definition) => [definition.kind, definition]));
  }

  // ---- the template ----

  template(caller: StaffCaller, kind: ImportKind): Promise<{ fileName: string; content: Buffer }> {
    return importTemplate(this.mayImport(caller, kind), caller);
  }

  // ---- upload and dry run ----

  /** Stores the uploaded .xlsx and starts its dry run in the background; answers at once with the job. */
  async upload(caller: StaffCaller, kind: ImportKind, request: FastifyRequest) {
    this.mayImport(caller, kind);
    const { fileName, filePath } = await this.files.receive(request);
    await this.releaseInterrupted(caller.staffId);
    let job: { id: number };
    try {
      job = await this.prisma.importJob.create({
        data: { kind, fileName, filePath, createdById: caller.staffId, status: ImportJobStatus.VALIDATING, runningById: caller.staffId },
        select: { id: true },
      });
    } catch (error) {
      await rm(filePath, { force: true });
      if (isUniqueViolation(error)) throw alreadyRunning();
      throw error;
    }
    // The answer shows the job as it starts; the dry run may be quicker than the answer.
    const view = await this.find(caller, job.id);
    this.inBackground(job.id, () => this.dryRun(job.id, kind, filePath, caller));
    return view;
  }

  private async dryRun(jobId: number, kind: ImportKind, filePath: string, caller: StaffCaller): Promise<void> {
    const tally: Tally = { rows: 0, valid: 0, skipped: 0, errors: new ErrorLog(STORED_ERRORS) };
    try {
      const plan = await this.definitions.get(kind)!.plan(caller, new Date());
      const keys = new FileKeys();
      for await (const batch of this.files.readBatches(filePath, plan.columns)) {
        await this.checkBatch(plan, batch, keys, tally, this.prisma);
        await this.prisma.importJob.update({ where: { id: jobId }, data: { processedRows: tally.rows, errorCount: tally.errors.count }, select: { id: true } });
        if (tally.rows % ROWS_PER_COLLECTION < batch.length) collectGarbage();
      }
      const valid = tally.errors.count === 0;
      await this.prisma.importJob.update({
        where: { id: jobId },
        data: {
          status: ImportJobStatus.VALIDATED,
          runningById: null,
          totalRows: tally.rows,
          processedRows: tally.rows,
          validRows: tally.valid,
          errorCount: tally.errors.count,
          skippedCount: tally.skipped,
          errors: tally.errors.kept as unknown as Prisma.InputJsonArray,
          ...(valid ? {} : { finishedAt: new Date() }),
        },
        select: { id: true },
      });
      // A file with errors can never be committed: it is fixed and uploaded again.
      if (!valid) await rm(filePath, { force: true });
    } catch (error) {
      const message = error instanceof ImportFileProblem ? error.message : '文件校验时出错，请稍后重试；如反复出现请联系管理员';
      if (!(error instanceof ImportFileProblem)) this.logger.error({ err: error, jobId }, 'Import dry run failed');
      await this.prisma.importJob.update({
        where: { id: jobId },
        data: { status: ImportJobStatus.FAILED, runningById: null, processedRows: tally.rows, failureMessage: message, finishedAt: new Date() },
        select: { id: true },
      });
      await rm(filePath, { force: true });
    }
  }

  /**
   * Reads, checks and sorts one batch: row errors are logged, duplicates (in the database, or repeating an
   * identical earlier row) counted, and the rows to write returned.
   */
  private async checkBatch<Row>(plan: ImportPlan<Row>, batch: SheetRow[], keys: FileKeys, tally: Tally, db: Prisma.TransactionClient | PrismaService): Promise<Row[]> {
    const candidates: Array<{ number: number; row: Row }> = [];
    // Errors are logged in row order, whichever check found them.
    const problems: Array<{ number: number; errors: CellError[] }> = [];
    for (const { number, cells } of batch) {
      tally.rows += 1;
      // Before parsing: messages quote what a cell holds, and a megabyte of it must not reach the error log.
      const overlong = overlongCells(plan.columns, cells);
      if (overlong.length > 0) {
        problems.push({ number, errors: overlong });
        continue;
      }
      const parsed = plan.parse(cells);
      if (!parsed.ok) {
        problems.push({ number, errors: parsed.errors });
        continue;
      }
      const repeat = keys.check(plan.key(parsed.row), number, fingerprint(parsed.row));
      if (repeat.kind === 'same') {
        tally.skipped += 1;
        continue;
      }
      if (repeat.kind === 'conflict') {
        problems.push({ number, errors: [{ column: plan.keyColumn, message: `同一文件中重复的${plan.keyColumn}（与第 ${repeat.firstRow} 行重复）` }] });
        continue;
      }
      const inFile = plan.inFile?.(parsed.row, number) ?? [];
      if (inFile.length > 0) problems.push({ number, errors: inFile });
      else candidates.push({ number, row: parsed.row });
    }
    const verdicts = candidates.length > 0 ? await plan.againstDatabase(db, candidates) : new Map<number, CellError[] | 'skip'>();
    const rows: Row[] = [];
    for (const { number, row } of candidates) {
      const verdict = verdicts.get(number);
      if (verdict === 'skip') tally.skipped += 1;
      else if (verdict) problems.push({ number, errors: verdict });
      else {
        tally.valid += 1;
        rows.push(row);
      }
    }
    for (const { number, errors } of problems.sort((a, b) => a.number - b.number)) tally.errors.add(number, errors);
    return rows;
  }

  // ---- commit ----

  /** Starts writing a checked, error-free import in the background (202); a second commit is refused. */
  async commit(caller: StaffCaller, jobId: number) {
    const job = await this.jobInScope(caller, jobId);
    this.mayImport(caller, job.kind as ImportKind);
    await this.releaseInterrupted(caller.staffId);
    // The conditional update is the lock: of two commits at the same moment exactly one moves the job on; the
    // unique runningById refuses it while the caller runs another import.
    const claimed = await this.prisma.importJob
      .updateMany({
        where: { id: jobId, status: ImportJobStatus.VALIDATED, errorCount: 0 },
        data: { status: ImportJobStatus.COMMITTING, runningById: caller.staffId, processedRows: 0, finishedAt: null },
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? alreadyRunning() : error;
      });
    if (claimed.count === 0) {
      const current = await this.prisma.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, errorCount: true } });
      if (current.status === ImportJobStatus.COMMITTING || current.status === ImportJobStatus.COMMITTED) {
        throw new ImportError('IMPORT_ALREADY_COMMITTED', '该导入已确认过，不能重复导入');
      }
      if (current.status === ImportJobStatus.VALIDATED) throw new ImportError('IMPORT_HAS_ERRORS', `文件有 ${current.errorCount} 处错误，请修改后重新上传`);
      throw new ImportError('IMPORT_NOT_READY', current.status === ImportJobStatus.FAILED ? '该导入已失败，请重新上传文件' : '文件还在校验中，请校验完成后再确认导入');
    }
    const view = await this.find(caller, jobId);
    this.inBackground(jobId, () => this.write(jobId, job.kind as ImportKind, job.filePath, job.fileName, caller));
    return view;
  }

  /**
   * Writes every row in one transaction (batched inserts), so a failure at any row leaves nothing. Progress
   * is written beside it on another connection, never through the transaction.
   */
  private async write(jobId: number, kind: ImportKind, filePath: string, fileName: string, caller: StaffCaller): Promise<void> {
    const now = new Date();
    const progress = new ProgressWriter(this.prisma, jobId, (error) => this.logger.warn({ err: error, jobId }, 'Import progress not written'));
    let batchRows = '';
    try {
      const plan = await this.definitions.get(kind)!.plan(caller, now);
      await this.prisma.$transaction(
        async (tx) => {
          const tally: Tally = { rows: 0, valid: 0, skipped: 0, errors: new ErrorLog(1) };
          const keys = new FileKeys();
          let created = 0;
          for await (const batch of this.files.readBatches(filePath, plan.columns)) {
            batchRows = `第 ${batch[0].number}–${batch[batch.length - 1].number} 行`;
            const rows = await this.checkBatch(plan, batch, keys, tally, tx);
            const [problem] = tally.errors.kept;
            if (problem) throw new DataChangedSinceDryRun(`第 ${problem.row} 行「${problem.column}」：${problem.message}。校验之后数据有变化，请重新上传文件校验`);
            const written = await plan.write(tx, rows);
            created += written.created;
            tally.skipped += written.skipped;
            progress.report(tally.rows);
            if (tally.rows % ROWS_PER_COLLECTION < batch.length) collectGarbage();
          }
          progress.stop();
          // In the transaction: the job reads COMMITTED exactly when its rows are there, and so does the log.
          await tx.importJob.update({
            where: { id: jobId },
            data: { status: ImportJobStatus.COMMITTED, runningById: null, totalRows: tally.rows, processedRows: tally.rows, validRows: created, createdCount: created, skippedCount: tally.skipped, finishedAt: new Date() },
            select: { id: true },
          });
          await this.audit.record(tx, {
            actor: staffActor(caller),
            action: 'import.committed',
            entityType: 'import',
            entityId: jobId,
            after: { kind, fileName, rows: tally.rows, created, skipped: tally.skipped },
          });
        },
        { timeout: COMMIT_TIMEOUT_MS, maxWait: 15_000 },
      );
    } catch (error) {
      progress.stop();
      const known = error instanceof DataChangedSinceDryRun || error instanceof ImportFileProblem;
      if (!known) this.logger.error({ err: error, jobId }, 'Import commit failed; rolled back');
      const reason = known ? (error as Error).message : `${batchRows ? `写入${batchRows}时` : ''}数据库出错`;
      const failureMessage = `导入失败，已全部撤销，没有写入任何数据。${reason}`.slice(0, 1000);
      await this.prisma.importJob.update({ where: { id: jobId }, data: { status: ImportJobStatus.FAILED, runningById: null, failureMessage, finishedAt: new Date() }, select: { id: true } });
      await this.audit.record(this.prisma, { actor: staffActor(caller), action: 'import.failed', entityType: 'import', entityId: jobId, after: { kind, fileName, reason: failureMessage } });
    } finally {
      await progress.settled();
      await rm(filePath, { force: true });
    }
  }

  // ---- reading jobs ----

  async find(caller: StaffCaller, jobId: number) {
    const job = await this.refreshed(await this.jobInScope(caller, jobId));
    const { errors, ...rest } = job;
    return { ...this.summary(rest), errors: (Array.isArray(errors) ? (errors as unknown as ImportRowError[]) : []).slice(0, SHOWN_ERRORS) };
  }

  async errors(caller: StaffCaller, jobId: number, page: number, pageSize: number) {
    const job = await this.jobInScope(caller, jobId);
    const errors = Array.isArray(job.errors) ? (job.errors as unknown as ImportRowError[]) : [];
    return { items: errors.slice((page - 1) * pageSize, page * pageSize), total: errors.length, page, pageSize, errorCount: job.errorCount };
  }

  async list(caller: StaffCaller, query: ImportListQuery) {
    const where: Prisma.ImportJobWhereInput = { ...this.scopeOf(caller), ...(query.kind ? { kind: query.kind } : {}) };
    const [rows, total] = await Promise.all([
      this.prisma.importJob.findMany({ where, select: JOB_FIELDS, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.importJob.count({ where }),
    ]);
    const items = await Promise.all(rows.map((row) => this.refreshed(row)));
    return { items: items.map((row) => this.summary(row)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Head office sees every import; everyone else the imports they ran. */
  private scopeOf(caller: StaffCaller): Prisma.ImportJobWhereInput {
    return dataScopeOf(caller).level === 'all' ? {} : { createdById: caller.staffId };
  }

  private async jobInScope(caller: StaffCaller, jobId: number) {
    const job = await this.prisma.importJob.findFirst({ where: { id: jobId, ...this.scopeOf(caller) }, select: { ...JOB_FIELDS, filePath: true, errors: true } });
    if (!job) throw new ImportError('IMPORT_NOT_FOUND', '导入记录不存在或无权查看');
    return job;
  }

  /** Frees the caller's slot when their running import was cut off by a restart (see refreshed). */
  private async releaseInterrupted(staffId: number): Promise<void> {
    const running = await this.prisma.importJob.findUnique({ where: { runningById: staffId }, select: JOB_FIELDS });
    if (running) await this.refreshed(running);
  }

  /** A running job nobody has moved for minutes was cut off by a restart; its transaction rolled back. */
  private async refreshed<Job extends JobRow>(job: Job): Promise<Job> {
    const runningStatus = job.status === ImportJobStatus.VALIDATING || job.status === ImportJobStatus.COMMITTING;
    if (!runningStatus || this.running.has(job.id) || Date.now() - job.updatedAt.getTime() < STALE_AFTER_MS) return job;
    const failureMessage = '导入被中断（服务重启），没有写入任何数据，请重新上传';
    const marked = await this.prisma.importJob.updateMany({ where: { id: job.id, status: job.status, updatedAt: job.updatedAt }, data: { status: ImportJobStatus.FAILED, runningById: null, failureMessage, finishedAt: new Date() } });
    return marked.count === 1 ? { ...job, status: ImportJobStatus.FAILED, failureMessage } : job;
  }

  private summary(job: JobRow) {
    const { updatedAt: _updatedAt, ...rest } = job;
    return { ...rest, kind: job.kind as ImportKind };
  }

  /** The kind's definition, if the caller may import it. */
  private mayImport(caller: StaffCaller, kind: ImportKind): ImportDefinition {
    const definition = this.definitions.get(kind)!;
    if (!definition.roles.includes(caller.role)) throw new ImportError('IMPORT_FORBIDDEN', `无权导入${definition.title}`);
    return definition;
  }

  /** Runs a job after the answer went out; whatever escapes it is logged, never an unhandled rejection. */
  private inBackground(jobId: number, work: () => Promise<void>): void {
    this.running.add(jobId);
    void work()
      .catch((error: unknown) => this.logger.error({ err: error, jobId }, 'Import job crashed'))
      .finally(() => this.running.delete(jobId));
  }
}

const alreadyRunning = () => new ImportError('IMPORT_ALREADY_RUNNING', '您有一个导入正在校验或写入，请等它完成后再上传或确认下一个');
