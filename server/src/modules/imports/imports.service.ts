import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Inject, Injectable, Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { Prisma } from '../../generated/prisma/client';
import { ImportJobStatus } from '../../generated/prisma/enums';
import { SHOWN_ERRORS, STORED_ERRORS, type ImportKind, type ImportListQuery, type ImportRowError } from '../../contracts/imports.contract';
import { AuditService, staffActor } from '../../core/audit/audit.service';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, worksInStore } from '../../core/auth/data-scope';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { PrismaService } from '../../core/database/prisma.service';
import { shanghaiDateOf, startOfShanghaiDate } from '../../core/time/shanghai-time';
import { SOURCE_LABELS } from '../leads/lead-labels';
import { LeadCaptureService } from '../leads/lead-capture.service';
import { StaffService } from '../org/staff.service';
import { StoresService } from '../org/stores.service';
import { VehicleModelsService } from '../vehicles/vehicle-models.service';
import { VehiclesService } from '../vehicles/vehicles.service';
import { withVinCheckDigit } from '../vehicles/vin.rules';
import { ImportError } from './imports.errors';
import { xlsxArchiveProblem } from './xlsx-archive';
import {
  cellsOf,
  COLUMNS_OF,
  CUSTOMER_VEHICLE_COLUMNS,
  ErrorLog,
  FileKeys,
  fingerprint,
  IMPORT_ROLES,
  IMPORT_TITLES,
  isBlankRow,
  LEAD_COLUMNS,
  lookupKey,
  matchHeader,
  overlongCells,
  parseCustomerVehicleRow,
  parseLeadRow,
  templateHeader,
  type CellError,
  type CustomerVehicleColumnKey,
  type ImportColumn,
  type ImportedCustomerVehicle,
  type ImportedLead,
  type LeadColumnKey,
  type RowResult,
  type StoreRef,
} from './imports.rules';

/** Rows read, checked and written together: one query per batch and table, not one per row. */
const BATCH_ROWS = 1000;
/** The whole commit is one transaction; 100,000 rows take well under a minute, the limit leaves room. */
const COMMIT_TIMEOUT_MS = 15 * 60_000;
/** A running job whose row has not moved for this long was interrupted (the server stopped). */
const STALE_AFTER_MS = 10 * 60_000;
/** Rows between two full garbage collections while an import runs (see collectGarbage). */
const ROWS_PER_COLLECTION = 5_000;
const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A zip bomb inflates thousands to one; a real worksheet tens to one. */
const MAX_COMPRESSION_RATIO = 100;
/** An .xlsx has a dozen parts; thousands would only make the directory check itself expensive. */
const MAX_ZIP_ENTRIES = 1000;
const UNREADABLE = '文件无法读取：请上传用 Excel 保存的 .xlsx 文件（不支持加密或损坏的文件）';

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

/** A data row: its number as Excel shows it, its cells by column key. */
interface SheetRow {
  number: number;
  cells: Record<string, unknown>;
}

/** One kind of import: how a row is read, what the database says about a batch, how a batch is written. */
interface ImportPlan<Row> {
  columns: readonly ImportColumn[];
  parse(cells: Record<string, unknown>): RowResult<Row>;
  /** What makes two rows the same record; its column is named when a file repeats it with other data. */
  key(row: Row): string;
  keyColumn: string;
  /** Checks within the file beyond the key (a plate on two cars). */
  inFile?(row: Row, rowNumber: number): CellError[];
  /** Per row of the batch: errors, 'skip' (already in the database), or nothing (to be written). */
  againstDatabase(db: Prisma.TransactionClient | PrismaService, rows: Array<{ number: number; row: Row }>): Promise<Map<number, CellError[] | 'skip'>>;
  write(tx: Prisma.TransactionClient, rows: Row[]): Promise<{ created: number; skipped: number }>;
}

interface Tally {
  rows: number;
  valid: number;
  skipped: number;
  errors: ErrorLog;
}

/** The file cannot be read as an import (not an .xlsx, no header): the job fails with this message. */
class ImportFileProblem extends Error {}

/** A row that passed the dry run fails at commit: the data changed in between. */
class DataChangedSinceDryRun extends Error {}

/**
 * Excel imports: the upload is stored, checked row by row in the background (the dry run, which reports every
 * bad cell and writes nothing), then committed in one transaction, so a failure at any row leaves nothing.
 * Files are streamed a batch at a time; what is kept per row is a key and a fingerprint for duplicates.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);
  /** Jobs this process is running: never taken for interrupted, however slow. */
  private readonly running = new Set<number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly leads: LeadCaptureService,
    private readonly vehicles: VehiclesService,
    private readonly models: VehicleModelsService,
    private readonly stores: StoresService,
    private readonly staff: StaffService,
  ) {}

  // ---- the template ----

  async template(caller: StaffCaller, kind: ImportKind): Promise<{ fileName: string; content: Buffer }> {
    this.assertMayImport(caller, kind);
    const [stores, models] = await Promise.all([this.stores.listActiveStores(), this.models.listAllModels()]);
    const ownStores = stores.filter((store) => worksInStore(caller, store));
    const example = ownStores[0] ?? stores[0];
    const activeModels = models.filter((model) => model.active);
    const workbook = new ExcelJS.Workbook();
    const columns = COLUMNS_OF[kind];
    const sheet = workbook.addWorksheet('导入数据');
    sheet.columns = columns.map((column) => ({ header: templateHeader(column), width: Math.max(12, templateHeader(column).length * 2 + 4) }));
    sheet.getRow(1).font = { bold: true };
    // Mobiles and VINs as text, so Excel neither rounds nor reformats them.
    for (const key of ['mobile', 'vin', 'plate', 'storeCode', 'consultant']) {
      const index = columns.findIndex((column) => column.key === key);
      if (index >= 0) sheet.getColumn(index + 1).numFmt = '@';
    }
    if (kind === 'leads') {
      sheet.addRow(['张伟', '13800138000', example?.code ?? 'SH-PD', SOURCE_LABELS.AUTO_SHOW, activeModels[0]?.name ?? '', '', 15, 20, '车展留资，周末回访']);
    } else {
      sheet.addRow(['李娜', '13900139000', withVinCheckDigit('LSVAE20A0RS000001'), '沪A12345', activeModels[0]?.name ?? '', new Date(Date.UTC(2024, 4, 20)), 12000, example?.code ?? 'SH-PD']);
      sheet.getColumn(6).numFmt = 'yyyy-mm-dd';
    }

    const help = workbook.addWorksheet('填写说明');
    help.columns = [{ width: 18 }, { width: 10 }, { width: 90 }];
    help.addRow([`${IMPORT_TITLES[kind]}导入：填写说明`]).font = { bold: true, size: 14 };
    help.addRow(['第 1 行为表头，请勿修改；第 2 行是示例，导入前请删除或改写。带 * 的列必填。每次最多 30 MB。']);
    help.addRow([]);
    help.addRow(['列', '必填', '说明']).font = { bold: true };
    for (const column of columns) help.addRow([templateHeader(column), column.required ? '是' : '否', column.help]);
    help.addRow([]);
    help.addRow(kind === 'leads' ? ['去重规则：同一手机号在同一门店已有进行中的线索时跳过；重复导入同一文件不会新建数据。'] : ['去重规则：已登记的 VIN 跳过（若登记在其他手机号名下则报错）；同一手机号视为同一客户；重复导入同一文件不会新建数据。']);
    help.addRow([]);
    help.addRow(['门店编码', '', '门店名称']).font = { bold: true };
    for (const store of kind === 'leads' ? ownStores : stores) help.addRow([store.code, '', store.name]);
    help.addRow([]);
    help.addRow(['车型', '', kind === 'leads' ? '在售车型' : '所有车型（含停售）']).font = { bold: true };
    for (const model of kind === 'leads' ? activeModels : models) help.addRow([model.name, '', model.code]);
    if (kind === 'leads') {
      help.addRow([]);
      help.addRow(['来源', '', Object.values(SOURCE_LABELS).join('、')]).font = { bold: true };
    }
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `${IMPORT_TITLES[kind]}导入模板.xlsx`, content };
  }

  // ---- upload and dry run ----

  /** Stores the uploaded .xlsx and starts its dry run in the background; answers at once with the job. */
  async upload(caller: StaffCaller, kind: ImportKind, request: FastifyRequest) {
    this.assertMayImport(caller, kind);
    const { fileName, filePath } = await this.receiveFile(request);
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

  private async receiveFile(request: FastifyRequest): Promise<{ fileName: string; filePath: string }> {
    if (!request.isMultipart()) throw new ImportError('IMPORT_FILE_INVALID', '请以 multipart/form-data 上传 Excel 文件（字段名 file）');
    let part: Awaited<ReturnType<FastifyRequest['file']>>;
    try {
      part = await request.file();
    } catch {
      throw new ImportError('IMPORT_FILE_INVALID', '上传内容无法解析，请重新选择 .xlsx 文件上传');
    }
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw new ImportError('IMPORT_FILE_INVALID', '请选择要上传的 Excel 文件（字段名 file）');
    }
    const fileName = part.filename.replace(/[\\/]/g, '_').slice(-255) || 'import.xlsx';
    if (!/\.xlsx$/i.test(fileName)) {
      part.file.resume();
      throw new ImportError('IMPORT_FILE_INVALID', `只支持 .xlsx 格式的 Excel 文件（收到「${fileName}」）；.xls 或 .csv 请先用 Excel 另存为 .xlsx`);
    }
    await mkdir(this.config.IMPORT_DIR, { recursive: true });
    const filePath = join(this.config.IMPORT_DIR, `${randomUUID()}.xlsx`);
    const tooLarge = () => new ImportError('IMPORT_FILE_TOO_LARGE', `文件超过 ${Math.floor(this.config.IMPORT_MAX_BYTES / 1024 / 1024)} MB 上限，请拆分后分批导入`);
    try {
      await pipeline(part.file, createWriteStream(filePath));
    } catch (error) {
      await rm(filePath, { force: true });
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw error;
    }
    if (part.file.truncated) {
      await rm(filePath, { force: true });
      throw tooLarge();
    }
    if (!(await startsWith(filePath, XLSX_MAGIC))) {
      await rm(filePath, { force: true });
      throw new ImportError('IMPORT_FILE_INVALID', '文件不是有效的 .xlsx 文件，请用 Excel 另存为「Excel 工作簿 (.xlsx)」后再上传');
    }
    const problem = await xlsxArchiveProblem(filePath, { maxUncompressedBytes: this.config.IMPORT_MAX_UNCOMPRESSED_BYTES, maxRatio: MAX_COMPRESSION_RATIO, maxEntries: MAX_ZIP_ENTRIES });
    if (problem) {
      await rm(filePath, { force: true });
      throw new ImportError('IMPORT_FILE_REJECTED', problem);
    }
    return { fileName, filePath };
  }

  private async dryRun(jobId: number, kind: ImportKind, filePath: string, caller: StaffCaller): Promise<void> {
    const tally: Tally = { rows: 0, valid: 0, skipped: 0, errors: new ErrorLog(STORED_ERRORS) };
    try {
      const plan = await this.planFor(kind, caller);
      const keys = new FileKeys();
      for await (const batch of this.readBatches(filePath, plan.columns)) {
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

  /**
   * The first worksheet's rows in batches, as cells by column key, with their Excel row numbers. Streams the
   * file, so memory holds one batch; the header row decides which column is which.
   */
  private async *readBatches(filePath: string, columns: readonly ImportColumn[]): AsyncGenerator<SheetRow[]> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    let positions: Map<string, number> | null = null;
    let sawSheet = false;
    let rows = 0;
    let batch: SheetRow[] = [];
    try {
      for await (const worksheet of reader) {
        // Only the first sheet holds data (the template's second is 填写说明); the others are drained unread.
        if (sawSheet) continue;
        sawSheet = true;
        for await (const row of worksheet) {
          const values = row.values as unknown[];
          if (!positions) {
            const header = matchHeader(columns, values);
            if (!header.ok) throw new ImportFileProblem(header.message);
            positions = header.positions;
            continue;
          }
          if (isBlankRow(values)) continue;
          rows += 1;
          if (rows > this.config.IMPORT_MAX_ROWS) throw new ImportFileProblem(`文件超过 ${this.config.IMPORT_MAX_ROWS.toLocaleString('en-US')} 行上限，请拆分后分批导入`);
          batch.push({ number: row.number, cells: cellsOf(positions, values) });
          if (batch.length >= BATCH_ROWS) {
            yield batch;
            batch = [];
          }
        }
      }
    } catch (error) {
      if (error instanceof ImportFileProblem) throw error;
      if (!positions) throw new ImportFileProblem(UNREADABLE);
      throw error;
    } finally {
      // Stopped early (a bad header, a failed batch): close the file rather than leave it open half-read.
      (reader as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.();
    }
    if (!sawSheet) throw new ImportFileProblem(UNREADABLE);
    if (!positions) throw new ImportFileProblem('文件是空的：第 1 行应为表头，请下载导入模板填写');
    if (batch.length > 0) yield batch;
  }

  // ---- commit ----

  /** Starts writing a checked, error-free import in the background (202); a second commit is refused. */
  async commit(caller: StaffCaller, jobId: number) {
    const job = await this.jobInScope(caller, jobId);
    this.assertMayImport(caller, job.kind as ImportKind);
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
      const plan = await this.planFor(kind, caller, now);
      await this.prisma.$transaction(
        async (tx) => {
          const tally: Tally = { rows: 0, valid: 0, skipped: 0, errors: new ErrorLog(1) };
          const keys = new FileKeys();
          let created = 0;
          for await (const batch of this.readBatches(filePath, plan.columns)) {
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

  // ---- plans ----

  private async planFor(kind: ImportKind, caller: StaffCaller, now = new Date()): Promise<ImportPlan<unknown>> {
    const [stores, models] = await Promise.all([this.stores.listActiveStores(), this.models.listAllModels()]);
    const storesByCode = new Map<string, StoreRef>(stores.map((store) => [lookupKey(store.code), { id: store.id, regionId: store.regionId }]));
    const today = shanghaiDateOf(now);
    if (kind === 'leads') {
      // An intended model is one on sale; a car already owned may be of any model.
      const modelIds = modelLookup(models.filter((model) => model.active));
      const consultants = new Map<number, Map<string, number>>();
      for (const consultant of await this.staff.activeConsultantsOfStores(stores.map((store) => store.id))) {
        const ofStore = consultants.get(consultant.storeId!) ?? new Map<string, number>();
        ofStore.set(consultant.username.toLowerCase(), consultant.id);
        consultants.set(consultant.storeId!, ofStore);
      }
      const lookups = { stores: storesByCode, models: modelIds, today, consultants, storeInScope: (store: StoreRef) => worksInStore(caller, store) };
      return {
        columns: LEAD_COLUMNS,
        parse: (cells) => parseLeadRow(cells as Record<LeadColumnKey, unknown>, lookups),
        key: (row) => `${row.mobile}:${row.storeId}`,
        keyColumn: '手机号',
        againstDatabase: async (db, rows) => {
          const open = await this.leads.openLeadsOf(db, rows.map(({ row }) => row));
          return new Map(rows.filter(({ row }) => open.has(`${row.mobile}:${row.storeId}`)).map(({ number }) => [number, 'skip' as const]));
        },
        write: (tx, rows) => this.leads.importLeads(tx, caller, rows, now),
      } satisfies ImportPlan<ImportedLead>;
    }
    const lookups = { stores: storesByCode, models: modelLookup(models), today, defaultStoreId: caller.storeId };
    const plates = new FileKeys();
    return {
      columns: CUSTOMER_VEHICLE_COLUMNS,
      parse: (cells) => parseCustomerVehicleRow(cells as Record<CustomerVehicleColumnKey, unknown>, lookups),
      key: (row) => row.vin,
      keyColumn: 'VIN',
      inFile: (row, number) => {
        if (row.plate === null) return [];
        const repeat = plates.check(row.plate, number, fingerprint(row.vin));
        return repeat.kind === 'conflict' ? [{ column: '车牌', message: `同一文件中重复的车牌（与第 ${repeat.firstRow} 行重复）` }] : [];
      },
      againstDatabase: async (db, rows) => {
        const { byVin, byPlate } = await this.vehicles.registrations(
          db,
          rows.map(({ row }) => row.vin),
          rows.flatMap(({ row }) => (row.plate ? [row.plate] : [])),
        );
        const verdicts = new Map<number, CellError[] | 'skip'>();
        for (const { number, row } of rows) {
          if (byVin.has(row.vin)) {
            verdicts.set(number, byVin.get(row.vin) === row.mobile ? 'skip' : [{ column: 'VIN', message: '该 VIN 已登记在其他客户名下' }]);
          } else if (row.plate && byPlate.has(row.plate)) {
            verdicts.set(number, [{ column: '车牌', message: `车牌「${row.plate}」已登记在其他车辆上` }]);
          }
        }
        return verdicts;
      },
      write: (tx, rows) =>
        this.vehicles.importFiles(
          tx,
          rows.map((row) => ({ ownerMobile: row.mobile, ownerName: row.name, vin: row.vin, plate: row.plate, modelId: row.modelId, storeId: row.storeId, deliveredAt: startOfShanghaiDate(row.deliveredOn), mileage: row.mileage })),
          caller.staffId,
          now,
        ),
    } satisfies ImportPlan<ImportedCustomerVehicle>;
  }

  private assertMayImport(caller: StaffCaller, kind: ImportKind): void {
    if (!IMPORT_ROLES[kind].includes(caller.role)) throw new ImportError('IMPORT_FORBIDDEN', `无权导入${IMPORT_TITLES[kind]}`);
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

/**
 * A full garbage collection. V8 lets the heap grow to several times what is live before it collects (the limit
 * here is gigabytes); an import allocates fast enough that the server's RSS passed 600 MB on garbage alone,
 * while what is live stays near 130 MB. Collecting every ROWS_PER_COLLECTION rows keeps a 100,000-row import
 * near 410 MB (460 MB at 10,000) for a few seconds of work. Turning on --expose-gc at run time only gives new
 * contexts a `gc` function, which is taken from one; if that is refused, nothing is collected early.
 */
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : () => undefined;
  } catch {
    return () => undefined;
  }
})();

/** Models by name and by code, as a file may name them. */
function modelLookup(models: Array<{ id: number; code: string; name: string }>): Map<string, number> {
  const lookup = new Map<string, number>();
  for (const model of models) {
    lookup.set(lookupKey(model.code), model.id);
    lookup.set(lookupKey(model.name), model.id);
  }
  return lookup;
}

async function startsWith(filePath: string, magic: Buffer): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(head, 0, magic.length, 0);
    return bytesRead === magic.length && head.equals(magic);
  } finally {
    await handle.close();
  }
}

/**
 * Writes a running commit's progress on the job row through the ordinary client (its own connection), one
 * write at a time and never awaited by the transaction: the transaction's connection only ever carries its
 * own statements. The update is conditional on COMMITTING, so a late write after the end changes nothing.
 */
class ProgressWriter {
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
