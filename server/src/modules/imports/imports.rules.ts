import { isMainlandMobile } from '../../contracts/common.contract';
import type { ImportKind, ImportRowError } from '../../contracts/imports.contract';
import { LeadSource, StaffRole } from '../../generated/prisma/enums';
import { SOURCE_LABELS } from '../leads/lead-labels';
import type { ImportedLeadInput } from '../leads/lead-capture.service';
import { isMainlandPlate, normalizePlate } from '../vehicles/plate.rules';
import { isValidVin } from '../vehicles/vin.rules';

/**
 * The rows of an import file, read and checked one at a time without the database: every lookup a row needs
 * (stores, models, consultants) is loaded once and passed in, so each branch here is a plain unit test.
 */

/** Who may import what: leads are the managers' own; customers and their cars are head office's. */
export const IMPORT_ROLES: Record<ImportKind, readonly StaffRole[]> = {
  leads: [StaffRole.ADMIN, StaffRole.DIRECTOR, StaffRole.REGION_MANAGER, StaffRole.STORE_MANAGER],
  'customer-vehicles': [StaffRole.ADMIN, StaffRole.DIRECTOR],
};

export const IMPORT_TITLES: Record<ImportKind, string> = { leads: '线索', 'customer-vehicles': '客户与车辆' };

export interface ImportColumn<Key extends string = string> {
  key: Key;
  /** The Chinese header, as the template writes it (a required column gets a * there) and errors name it. */
  header: string;
  required: boolean;
  /** What to write in the column, for the template's 填写说明 sheet. */
  help: string;
}

const MAX_MILEAGE_KM = 2_000_000;
/** 2,000 万元 is more than any car; budgets are kept in fen in a 32-bit column. */
const MAX_BUDGET_WAN = 2_000;
const FEN_PER_WAN = 1_000_000;

export const LEAD_COLUMNS = [
  { key: 'name', header: '姓名', required: true, help: '客户姓名，最多 64 个字' },
  { key: 'mobile', header: '手机号', required: true, help: '11 位中国大陆手机号，如 13800138000' },
  { key: 'storeCode', header: '门店编码', required: true, help: '线索所属门店的编码（见下方门店列表），只能填写您有权限的门店' },
  { key: 'source', header: '来源', required: false, help: `线索来源，填中文名称：${Object.values(SOURCE_LABELS).join('、')}；留空为「导入」` },
  { key: 'model', header: '意向车型', required: false, help: '车型名称（见下方车型列表），可留空' },
  { key: 'consultant', header: '顾问账号', required: false, help: '该门店在职销售顾问的登录账号；留空则进入待分配线索池' },
  { key: 'budgetMin', header: '预算下限(万元)', required: false, help: `数字，单位万元，0 至 ${MAX_BUDGET_WAN}，可留空` },
  { key: 'budgetMax', header: '预算上限(万元)', required: false, help: '数字，单位万元，不能低于预算下限，可留空' },
  { key: 'note', header: '备注', required: false, help: '最多 1000 个字，可留空' },
] as const satisfies readonly ImportColumn[];

export const CUSTOMER_VEHICLE_COLUMNS = [
  { key: 'name', header: '姓名', required: true, help: '车主姓名，最多 64 个字；同一手机号已有客户时沿用原客户' },
  { key: 'mobile', header: '手机号', required: true, help: '车主的 11 位中国大陆手机号；同一车主多辆车可写多行' },
  { key: 'vin', header: 'VIN', required: true, help: '17 位车架号（不含 I、O、Q），第 9 位校验位须正确' },
  { key: 'plate', header: '车牌', required: false, help: '如 沪A12345 或新能源 沪AD12345，可留空' },
  { key: 'model', header: '车型', required: true, help: '车型名称（见下方车型列表）' },
  { key: 'deliveredOn', header: '交车日期', required: true, help: 'YYYY-MM-DD（如 2024-05-20）或 Excel 日期，不能晚于今天' },
  { key: 'mileage', header: '当前里程(公里)', required: false, help: `整数，0 至 ${MAX_MILEAGE_KM}；留空为 0` },
  { key: 'storeCode', header: '门店编码', required: false, help: '车辆归属门店的编码（见下方门店列表）；留空为您所在的门店' },
] as const satisfies readonly ImportColumn[];

export type LeadColumnKey = (typeof LEAD_COLUMNS)[number]['key'];
export type CustomerVehicleColumnKey = (typeof CUSTOMER_VEHICLE_COLUMNS)[number]['key'];

export const COLUMNS_OF: Record<ImportKind, readonly ImportColumn[]> = { leads: LEAD_COLUMNS, 'customer-vehicles': CUSTOMER_VEHICLE_COLUMNS };

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
function numberOf(value: unknown): number | null {
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

export interface RowLookups {
  /** Active stores by lookupKey(code). */
  stores: Map<string, StoreRef>;
  /** Models by lookupKey(name) and lookupKey(code). */
  models: Map<string, number>;
  /** Today in Shanghai, YYYY-MM-DD: no delivery after it. */
  today: string;
}

export interface LeadLookups extends RowLookups {
  storeInScope: (store: StoreRef) => boolean;
  /** Active consultants: store id → lower-case username → staff id. */
  consultants: Map<number, Map<string, number>>;
}

export interface CustomerVehicleLookups extends RowLookups {
  /** The importer's own store, for rows without a 门店编码; null for head office. */
  defaultStoreId: number | null;
}

export interface CellError {
  column: string;
  message: string;
}

/** A lead row as the leads service takes it (see LeadCaptureService.importLeads). */
export type ImportedLead = ImportedLeadInput;

export interface ImportedCustomerVehicle {
  name: string;
  mobile: string;
  vin: string;
  plate: string | null;
  modelId: number;
  deliveredOn: string;
  mileage: number;
  storeId: number;
}

export type RowResult<Row> = { ok: true; row: Row } | { ok: false; errors: CellError[] };

const SOURCE_BY_TEXT = new Map<string, LeadSource>([
  ...Object.entries(SOURCE_LABELS).map(([source, label]) => [lookupKey(label), source as LeadSource] as const),
  ...Object.values(LeadSource).map((source) => [source, source] as const),
]);

/** Collects the problems of one row, column by column, so a person sees them all at once. */
class RowChecker<Key extends string> {
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

export function parseLeadRow(cells: Record<LeadColumnKey, unknown>, lookups: LeadLookups): RowResult<ImportedLead> {
  const check = new RowChecker<LeadColumnKey>(LEAD_COLUMNS, cells);
  const name = check.name('name');
  const mobile = check.mobile('mobile');

  let store: StoreRef | null = null;
  if (check.required('storeCode') !== '') {
    store = check.store('storeCode', lookups.stores);
    if (store && !lookups.storeInScope(store)) store = check.fail('storeCode', '门店不在您的权限范围内');
  }

  const sourceText = check.text('source');
  const source = sourceText === '' ? LeadSource.IMPORT : (SOURCE_BY_TEXT.get(lookupKey(sourceText)) ?? check.fail('source', `来源「${sourceText}」不正确，请填写模板说明中的来源名称`));

  const intendedModelId = check.text('model') === '' ? null : check.model('model', lookups.models);

  const username = check.text('consultant');
  let assigneeId: number | null = null;
  if (username !== '' && store) {
    assigneeId = lookups.consultants.get(store.id)?.get(username.toLowerCase()) ?? check.fail('consultant', `顾问「${username}」不在该门店`);
  }

  const budgetMinFen = budgetFen(check, 'budgetMin');
  const budgetMaxFen = budgetFen(check, 'budgetMax');
  if (budgetMinFen !== null && budgetMaxFen !== null && budgetMaxFen < budgetMinFen) check.fail('budgetMax', '预算上限不能低于预算下限');

  const note = check.text('note');
  if (note.length > 1000) check.fail('note', '备注最多 1000 个字');

  if (!check.ok) return { ok: false, errors: check.errors };
  return {
    ok: true,
    row: { name, mobile, storeId: store!.id, source: source!, intendedModelId, assigneeId, budgetMinFen, budgetMaxFen, note: note === '' ? null : note },
  };
}

function budgetFen(check: RowChecker<LeadColumnKey>, key: 'budgetMin' | 'budgetMax'): number | null {
  const wan = numberOf(check.raw(key));
  if (wan === null) return null;
  if (Number.isNaN(wan) || wan < 0 || wan > MAX_BUDGET_WAN) return check.fail(key, `预算须为 0 至 ${MAX_BUDGET_WAN} 之间的数字（单位万元）`);
  return Math.round(wan * FEN_PER_WAN);
}

export function parseCustomerVehicleRow(cells: Record<CustomerVehicleColumnKey, unknown>, lookups: CustomerVehicleLookups): RowResult<ImportedCustomerVehicle> {
  const check = new RowChecker<CustomerVehicleColumnKey>(CUSTOMER_VEHICLE_COLUMNS, cells);
  const name = check.name('name');
  const mobile = check.mobile('mobile');

  const vinText = check.required('vin');
  const vin = vinText.replace(/\s+/g, '').toUpperCase();
  if (vinText !== '' && !isValidVin(vin)) check.fail('vin', 'VIN 格式或校验位不正确');

  const plateText = check.text('plate');
  const plate = plateText === '' ? null : normalizePlate(plateText);
  if (plate !== null && !isMainlandPlate(plate)) check.fail('plate', '车牌格式不正确');

  const modelId = check.required('model') === '' ? null : check.model('model', lookups.models);

  let deliveredOn: string | null = null;
  if (check.required('deliveredOn') !== '') {
    deliveredOn = calendarDateOf(check.raw('deliveredOn'));
    if (deliveredOn === null) check.fail('deliveredOn', '日期格式不正确，应为 YYYY-MM-DD');
    else if (deliveredOn > lookups.today) deliveredOn = check.fail('deliveredOn', '交车日期不能晚于今天');
  }

  const km = numberOf(check.raw('mileage'));
  const mileage = km ?? 0;
  if (Number.isNaN(mileage) || !Number.isInteger(mileage) || mileage < 0 || mileage > MAX_MILEAGE_KM) {
    check.fail('mileage', `里程须为 0 至 ${MAX_MILEAGE_KM} 之间的整数（公里）`);
  }

  let storeId: number | null = null;
  if (check.text('storeCode') !== '') storeId = check.store('storeCode', lookups.stores)?.id ?? null;
  else if (lookups.defaultStoreId !== null) storeId = lookups.defaultStoreId;
  else check.fail('storeCode', '必填（您的账号不属于门店，请填写车辆归属门店）');

  if (!check.ok) return { ok: false, errors: check.errors };
  return { ok: true, row: { name, mobile, vin, plate, modelId: modelId!, deliveredOn: deliveredOn!, mileage, storeId: storeId! } };
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
