import type { Prisma } from '../../generated/prisma/client';
import type { StaffRole } from '../../generated/prisma/enums';
import type { ImportKind } from '../../contracts/imports.contract';
import type { StaffCaller } from '../../core/auth/caller';
import type { PrismaService } from '../../core/database/prisma.service';
import type { CellError, ImportColumn, RowResult } from './imports.rules';

/**
 * One kind of import as the domain that owns its rows defines it (`<domain>.import-plan.ts` beside that
 * domain's code): who may run it, its columns and template, and how rows are read, checked and written.
 * The engine (ImportsService) knows no domain: it finds the definition by kind in IMPORT_PLANS.
 */
export interface ImportDefinition<Row = unknown> {
  kind: ImportKind;
  /** 线索, 客户与车辆: names the import in the template, its file name and refusals. */
  title: string;
  roles: readonly StaffRole[];
  columns: readonly ImportColumn[];
  template(caller: StaffCaller): Promise<ImportTemplate>;
  /** The plan for one run, every lookup it needs loaded once. */
  plan(caller: StaffCaller, now: Date): Promise<ImportPlan<Row>>;
}

/** What a domain puts in its template beyond the columns. */
export interface ImportTemplate {
  example: unknown[];
  /** Excel number formats by column key, applied after the example row (a date column). */
  numFmts?: Record<string, string>;
  /** 去重规则 on the 填写说明 sheet. */
  dedupeRule: string;
  /** Lists a person fills from (stores, models, sources), each under a bold heading row. */
  lists: Array<{ heading: string[]; rows: string[][] }>;
}

/** One run of an import: how a row is read, what the database says about a batch, how a batch is written. */
export interface ImportPlan<Row> {
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

/** The registry: every import definition, injected into the engine. */
export const IMPORT_PLANS = Symbol('IMPORT_PLANS');
