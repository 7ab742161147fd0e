import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';

export interface ExportColumn<Row> {
  header: string;
  width?: number;
  value: (row: Row) => string | number | Date | null | undefined;
}

/** Rows per query when a list is exported: pages by id, so memory stays flat however long the list. */
export const EXPORT_BATCH = 1000;

export interface ExportSheet<Row> {
  name: string;
  columns: ExportColumn<Row>[];
  batches: AsyncIterable<Row[]>;
}

/** A sheet of any row type, for a workbook whose sheets differ. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
export type AnyExportSheet = ExportSheet<any>;

/** A sheet with its row type checked against its columns, ready to sit beside sheets of other rows. */
export function exportSheet<Row>(sheet: ExportSheet<Row>): AnyExportSheet {
  return sheet;
}

/**
 * Streams an .xlsx to the client as it is written, one sheet after another: each batch of rows is committed
 * to the zip stream and forgotten, so a 100,000-row export holds one batch in memory. `beforeEnd` runs with
 * the row count before the file is closed, so what it records (the audit) exists once the client has the file.
 */
export async function streamXlsxSheets(reply: FastifyReply, fileName: string, sheets: AnyExportSheet[], beforeEnd: (rows: number) => Promise<void>): Promise<void> {
  const output = new PassThrough();
  void reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(output);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  let written = 0;
  for (const { name, columns, batches } of sheets) {
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.columns = columns.map((column) => ({ header: column.header, width: column.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(columns.map((column) => inertCell(column.value(row)))).commit();
      written += batch.length;
    }
    sheet.commit();
  }
  await beforeEnd(written);
  await workbook.commit();
}

/** What a spreadsheet may take for the start of a formula (or DDE command) when a person edits or re-saves the cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell value that no spreadsheet runs: text a customer or staff member typed (a name, a note) that starts like
 * a formula gets a leading apostrophe (OWASP's CSV-injection advice), so `=HYPERLINK(...)` stays visible text even
 * after the file is edited, re-saved or turned into CSV. Numbers and dates are left as they are; a lone "-" (an
 * empty value in a list) cannot start a formula and is kept.
 */
export function inertCell(value: string | number | Date | null | undefined): string | number | Date | null {
  if (typeof value !== 'string') return value ?? null;
  return value.length > 1 && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Pages through a query by id (descending, as the lists show it), one batch at a time. */
export async function* byIdPages<Row extends { id: number }>(page: (beforeId: number | null, take: number) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let beforeId: number | null = null;
  for (;;) {
    const rows = await page(beforeId, EXPORT_BATCH);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < EXPORT_BATCH) return;
    beforeId = rows[rows.length - 1].id;
  }
}

/** The same batches, each row turned into what the list shows (a view with masked mobiles). */
export async function* mapBatches<Row, View>(batches: AsyncIterable<Row[]>, view: (row: Row) => View): AsyncGenerator<View[]> {
  for await (const batch of batches) yield batch.map(view);
}
