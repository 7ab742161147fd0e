import { LeadSource, StaffRole } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { worksInStore } from '../../core/auth/data-scope';
import { shanghaiDateOf } from '../../core/time/shanghai-time';
import type { ImportDefinition, ImportPlan, ImportTemplate } from '../imports/import-plan';
import { lookupKey, modelLookup, numberOf, RowChecker, storeLookup, type ImportColumn, type RowLookups, type RowResult, type StoreRef } from '../imports/imports.rules';
import type { StaffService } from '../org/staff.service';
import type { StoresService } from '../org/stores.service';
import type { VehicleModelsService } from '../vehicles/vehicle-models.service';
import type { ImportedLeadInput, LeadCaptureService } from './lead-capture.service';
import { SOURCE_LABELS } from './lead-labels';

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

export type LeadColumnKey = (typeof LEAD_COLUMNS)[number]['key'];

export interface LeadLookups extends RowLookups {
  storeInScope: (store: StoreRef) => boolean;
  /** Active consultants: store id → lower-case username → staff id. */
  consultants: Map<number, Map<string, number>>;
}

const SOURCE_BY_TEXT = new Map<string, LeadSource>([
  ...Object.entries(SOURCE_LABELS).map(([source, label]) => [lookupKey(label), source as LeadSource] as const),
  ...Object.values(LeadSource).map((source) => [source, source] as const),
]);

export function parseLeadRow(cells: Record<LeadColumnKey, unknown>, lookups: LeadLookups): RowResult<ImportedLeadInput> {
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

/**
 * 线索导入: managers import leads for the stores in their scope; a person with an open lead at the store is
 * skipped. A plain class, built by ImportsModule, so the row checks above stay unit-testable without Nest.
 */
export class LeadsImportPlan implements ImportDefinition<ImportedLeadInput> {
  readonly kind = 'leads';
  readonly title = '线索';
  readonly roles = [StaffRole.ADMIN, StaffRole.DIRECTOR, StaffRole.REGION_MANAGER, StaffRole.STORE_MANAGER];
  readonly columns = LEAD_COLUMNS;

  constructor(
    private readonly capture: LeadCaptureService,
    private readonly staff: StaffService,
    private readonly stores: StoresService,
    private readonly models: VehicleModelsService,
  ) {}

  async template(caller: StaffCaller): Promise<ImportTemplate> {
    const [stores, models] = await Promise.all([this.stores.listActiveStores(), this.models.listAllModels()]);
    const ownStores = stores.filter((store) => worksInStore(caller, store));
    const activeModels = models.filter((model) => model.active);
    return {
      example: ['张伟', '13800138000', (ownStores[0] ?? stores[0])?.code ?? 'SH-PD', SOURCE_LABELS.AUTO_SHOW, activeModels[0]?.name ?? '', '', 15, 20, '车展留资，周末回访'],
      dedupeRule: '去重规则：同一手机号在同一门店已有进行中的线索时跳过；重复导入同一文件不会新建数据。',
      lists: [
        { heading: ['门店编码', '', '门店名称'], rows: ownStores.map((store) => [store.code, '', store.name]) },
        { heading: ['车型', '', '在售车型'], rows: activeModels.map((model) => [model.name, '', model.code]) },
        { heading: ['来源', '', Object.values(SOURCE_LABELS).join('、')], rows: [] },
      ],
    };
  }

  async plan(caller: StaffCaller, now: Date): Promise<ImportPlan<ImportedLeadInput>> {
    const [stores, models] = await Promise.all([this.stores.listActiveStores(), this.models.listAllModels()]);
    const consultants = new Map<number, Map<string, number>>();
    for (const consultant of await this.staff.activeConsultantsOfStores(stores.map((store) => store.id))) {
      const ofStore = consultants.get(consultant.storeId!) ?? new Map<string, number>();
      ofStore.set(consultant.username.toLowerCase(), consultant.id);
      consultants.set(consultant.storeId!, ofStore);
    }
    const lookups: LeadLookups = {
      stores: storeLookup(stores),
      // An intended model is one on sale.
      models: modelLookup(models.filter((model) => model.active)),
      today: shanghaiDateOf(now),
      consultants,
      storeInScope: (store) => worksInStore(caller, store),
    };
    return {
      columns: LEAD_COLUMNS,
      parse: (cells) => parseLeadRow(cells as Record<LeadColumnKey, unknown>, lookups),
      key: (row) => `${row.mobile}:${row.storeId}`,
      keyColumn: '手机号',
      againstDatabase: async (db, rows) => {
        const open = await this.capture.openLeadsOf(db, rows.map(({ row }) => row));
        return new Map(rows.filter(({ row }) => open.has(`${row.mobile}:${row.storeId}`)).map(({ number }) => [number, 'skip' as const]));
      },
      write: (tx, rows) => this.capture.importLeads(tx, caller, rows, now),
    };
  }
}
