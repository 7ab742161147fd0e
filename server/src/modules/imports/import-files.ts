import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { ImportError } from './imports.errors';
import { cellsOf, isBlankRow, matchHeader, type ImportColumn } from './imports.rules';
import { xlsxArchiveProblem } from './xlsx-archive';

/** Rows read, checked and written together: one query per batch and table, not one per row. */
const BATCH_ROWS = 1000;
const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A zip bomb inflates thousands to one; a real worksheet tens to one. */
const MAX_COMPRESSION_RATIO = 100;
/** An .xlsx has a dozen parts; thousands would only make the directory check itself expensive. */
const MAX_ZIP_ENTRIES = 1000;
const UNREADABLE = '文件无法读取：请上传用 Excel 保存的 .xlsx 文件（不支持加密或损坏的文件）';

/** A data row: its number as Excel shows it, its cells by column key. */
export interface SheetRow {
  number: number;
  cells: Record<string, unknown>;
}

/** The file cannot be read as an import (not an .xlsx, no header): the job fails with this message. */
export class ImportFileProblem extends Error {}

/** An uploaded import file: received within the limits, then read back a batch of rows at a time. */
@Injectable()
export class ImportFiles {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Stores the multipart upload's .xlsx under IMPORT_DIR, refusing what is too large, not an .xlsx, or a zip bomb. */
  async receive(request: FastifyRequest): Promise<{ fileName: string; filePath: string }> {
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


  /**
   * The first worksheet's rows in batches, as cells by column key, with their Excel row numbers. Streams the
   * file, so memory holds one batch; the header row decides which column is which.
   */
  async *readBatches(filePath: string, columns: readonly ImportColumn[]): AsyncGenerator<SheetRow[]> {
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
