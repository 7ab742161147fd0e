import { isMainlandMobile } from '../../contracts/common.contract';
import type { ImportRowError } from '../../contracts/imports.contract';

/**
 * The rows of an import file, read and checked one at a time without the database: every lookup a row needs
 * (stores, models, consultants) is loaded once and passed in, so each branch here is a plain unit test. What a
 * kind's columns are and how its row is parsed is its domain's (`leads.import-plan.ts`, `vehicles.import-plan.ts`).
 */

export interface ImportColumn<Key extends string = string> {
  key: Key;
  /** The Chinese header, as the template writes it (a required column gets a * there) and errors name it. */
  header: string;
  required: boolean;
  /** What to write in the column, for the template's 填写说明 sheet. */
  help: string;
}

/** The header a template writes: required columns are marked with a *. */
export const templateHeader = (column: ImportColumn) => (column.required ? `${column.header}*` : column.header);

/** 手机号*, 手机号 ＊ and 预算下限（万元） all name the same column. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toUpperCase();
}

export type HeaderMatch<Key extends string> = { ok: true; positions: Map<Key, number> } | { ok: false; message: string };

/** Where each known column is in the header row (1-based, as exceljs numbers cells); required columns must be there. */
export function matchHeader<Key extends string>(columns: readonly ImportColumn<Key>[], headerCells: unknown[]): HeaderMatch<Key> {
  const byHeader = new Map(columns.map((column) => [normalizeHeader(column.header), column]));
  const positions = new Map<Key, number>();
  headerCells.forEach((cell, index) => {
    const column = byHeader.get(normalizeHeader(cellText(cell)));
    if (column && !positions.has(column.key)) positions.set(column.key, index);
  });
  const missing = columns.filter((column) => column.required && !positions.has(column.key)).map(templateHeader);
  if (missing.length > 0) return { ok: false, message: `文件缺少必填列：${missing.join('、')}。请下载导入模板，按模板的表头填写（表头在第 1 行）` };
  return { ok: true, positions };
}

/** The cells of a row by column key ('' for a column the file does not have). */
export function cellsOf<Key extends string>(positions: Map<Key, number>, values: unknown[]): Record<Key, unknown> {
  const cells = {} as Record<Key, unknown>;
  for (const [key, index] of positions) cells[key] = values[index];
  return cells;
}

/** A cell as the text a person sees: rich text joined, a formula's result, a hyperlink's text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: Array<{ text?: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((run) => run.text ?? '').join('').trim();
    if ('result' in object) return cellText(object.result);
    if ('text' in object) return cellText(object.text);
    if ('error' in object) return String(object.error);
  }
  return String(value).trim();
}

/** Whether a row has nothing in it (such rows are left out, not counted). */
export const isBlankRow = (values: unknown[]) => values.every((value) => cellText(value) === '');

/** 138 0013 8000, 138-0013-8000 and +86 13800138000 as the 11 digits. */
export function normalizeMobile(text: string): string {
  const digits = text.replace(/[\s-]/g, '');
  return /^(\+?86)1\d{10}$/.test(digits) ? digits.slice(-11) : digits;
}

const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A calendar date as YYYY-MM-DD from text, an Excel date cell or an Excel serial number; null if it is none. */
export function calendarDateOf(value: unknown): string | null {
  const resolved = typeof value === 'object' && value !== null && !(value instanceof Date) && 'result' in value ? (value as { result: unknown }).result : value;
  if (resolved instanceof Date) return Number.isNaN(resolved.getTime()) ? null : resolved.toISOString().slice(0, 10);
  if (typeof resolved === 'number') {
    // 1950 to 2100: a serial outside that is not a delivery date.
    if (!Number.isFinite(resolved) || resolved < 18_264 || resolved > 73_051) return null;
    return new Date(EXCEL_EPOCH_MS + Math.floor(resolved) * 86_400_000).toISOString().slice(0, 10);
  }
  const match = DATE_TEXT.exec(cellText(resolved));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1950) return null;
  return date.toISOString().slice(0, 10);
}

/** A number typed as a number or as text (1,200 allowed); null when blank, NaN when not a number. */
export function numberOf(value: unknown): number | null {
  const resolved = typeof value === 'object' && value !== null && 'result' in value ? (value as { result: unknown }).result : value;
  if (typeof resolved === 'number') return resolved;
  const text = cellText(resolved).replace(/[,，\s]/g, '');
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** Store and model names compare without spaces and case: 远峰X SUV is 远峰 X SUV. */
export const lookupKey = (text: string) => text.replace(/\s+/g, '').toUpperCase();

export interface StoreRef {
  id: number;
  regionId: number;
}

/** Active stores by lookupKey(code), as a file names them. */
export function storeLookup(stores: Array<{ id: number; code: string; regionId: number }>): Map<string, StoreRef> {
  return new Map(stores.map((store) => [lookupKey(store.code), { id: store.id, regionId: store.regionId }]));
}

/** Models by name and by code, as a file may name them. */
export function modelLookup(models: Array<{ id: number; code: string; name: string }>): Map<string, number> {
  const lookup = new Map<string, number>();
  for (const model of models) {
    lookup.set(lookupKey(model.code), model.id);
    lookup.set(lookupKey(model.name), model.id);
  }
  return lookup;
}

export interface RowLookups {
  /** Active stores by lookupKey(code). */
  stores: Map<string, StoreRef>;
  /** Models by lookupKey(name) and lookupKey(code). */
  models: Map<string, number>;
  /** Today in Shanghai, YYYY-MM-DD: no delivery after it. */
  today: string;
}

export interface CellError {
  column: string;
  message: string;
}

export type RowResult<Row> = { ok: true; row: Row } | { ok: false; errors: CellError[] };

/** Collects the problems of one row, column by column, so a person sees them all at once. */
export class RowChecker<Key extends string> {
  readonly errors: CellError[] = [];

  constructor(
    private readonly columns: readonly ImportColumn<Key>[],
    private readonly cells: Record<Key, unknown>,
  ) {}

  fail(key: Key, message: string): null {
    this.errors.push({ column: this.columns.find((column) => column.key === key)!.header, message });
    return null;
  }

  text(key: Key): string {
    return cellText(this.cells[key]);
  }

  raw(key: Key): unknown {
    return this.cells[key];
  }

  /** The text, or '' after recording 必填 when a required column is blank. */
  required(key: Key): string {
    const text = this.text(key);
    if (text === '') this.fail(key, '必填');
    return text;
  }

  name(key: Key): string {
    const name = this.required(key);
    if (name.length > 64) this.fail(key, '姓名最多 64 个字');
    return name;
  }

  mobile(key: Key): string {
    const text = this.required(key);
    if (text === '') return '';
    const mobile = normalizeMobile(text);
    if (!isMainlandMobile(mobile)) this.fail(key, '手机号格式不正确');
    return mobile;
  }

  store(key: Key, stores: Map<string, StoreRef>): StoreRef | null {
    const code = this.text(key);
    const store = stores.get(lookupKey(code));
    return store ?? this.fail(key, `门店编码「${code}」不存在`);
  }

  model(key: Key, models: Map<string, number>): number | null {
    const name = this.text(key);
    return models.get(lookupKey(name)) ?? this.fail(key, `未知车型「${name}」`);
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}

/** A short fingerprint of a parsed row (FNV-1a), to tell a repeated row from a conflicting one. */
export function fingerprint(value: unknown): number {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type Repeat = { kind: 'first' } | { kind: 'same'; firstRow: number } | { kind: 'conflict'; firstRow: number };

/**
 * Rows seen earlier in the file, by key (a lead's mobile at its store, a car's VIN). A row identical to an
 * earlier one (legacy exports repeat rows) is a duplicate to skip; the same key with other data is an error.
 * Holds two numbers per key, so 100,000 rows stay a few megabytes.
 */
export class FileKeys {
  private readonly seen = new Map<string, [row: number, print: number]>();

  check(key: string, row: number, print: number): Repeat {
    const earlier = this.seen.get(key);
    if (!earlier) {
      this.seen.set(key, [row, print]);
      return { kind: 'first' };
    }
    return earlier[1] === print ? { kind: 'same', firstRow: earlier[0] } : { kind: 'conflict', firstRow: earlier[0] };
  }
}

/** Keeps the first `limit` errors (what a person can act on) and counts them all. */
export class ErrorLog {
  readonly kept: ImportRowError[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  add(row: number, errors: CellError[]): void {
    for (const error of errors) {
      this.count += 1;
      if (this.kept.length < this.limit) this.kept.push({ row, ...error });
    }
  }
}

/** What an uploaded .xlsx may inflate to, checked from its zip directory before anything is parsed. */
export interface ArchiveLimits {
  /** All entries together, uncompressed. */
  maxUncompressedBytes: number;
  /** Uncompressed to compressed, per entry; a zip bomb is thousands to one, a real sheet tens. */
  maxRatio: number;
  maxEntries: number;
}

export interface ArchiveEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** Entries smaller than this are not held to the ratio: a short, repetitive XML part can pass 100:1 harmlessly. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Why a zip with these entries is refused (a Chinese message), or null when its sizes are within the limits. */
export function archiveProblem(entries: readonly ArchiveEntry[], limits: ArchiveLimits, entryCount = entries.length): string | null {
  const refused = '文件解压后过大或压缩比异常，可能是恶意文件，已拒绝';
  if (entryCount > limits.maxEntries) return `${refused}（包含 ${entryCount} 个部件，上限 ${limits.maxEntries}）`;
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
      return `${refused}（「${entry.name.slice(0, 64)}」压缩比超过 ${limits.maxRatio}:1）`;
    }
  }
  if (total > limits.maxUncompressedBytes) return `${refused}（解压后超过 ${Math.floor(limits.maxUncompressedBytes / 1024 / 1024)} MB）`;
  return null;
}

/** The longest text a cell may hold; longer is a row error, whatever the column (a note is 1,000 at most). */
export const MAX_CELL_CHARS = 1000;

/** The cells longer than MAX_CELL_CHARS, as row errors naming their column (header text as the file has it). */
export function overlongCells(columns: readonly ImportColumn[], cells: Record<string, unknown>): CellError[] {
  return columns.filter((column) => cellText(cells[column.key]).length > MAX_CELL_CHARS).map((column) => ({ column: column.header, message: `内容超过 ${MAX_CELL_CHARS} 个字` }));
}
