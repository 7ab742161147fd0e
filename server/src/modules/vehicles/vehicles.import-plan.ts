import { StaffRole } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { worksInStore } from '../../core/auth/data-scope';
import { shanghaiDateOf, startOfShanghaiDate } from '../../core/time/shanghai-time';
import type { ImportDefinition, ImportPlan, ImportTemplate } from '../imports/import-plan';
import { calendarDateOf, FileKeys, fingerprint, modelLookup, numberOf, RowChecker, storeLookup, type CellError, type ImportColumn, type RowLookups, type RowResult } from '../imports/imports.rules';
import type { StoresService } from '../org/stores.service';
import { isMainlandPlate, normalizePlate } from '../../contracts/plate.rules';
import type { VehicleModelsService } from './vehicle-models.service';
import type { VehicleRegistrationService } from './vehicle-registration.service';
import { isValidVin, withVinCheckDigit } from '../../contracts/vin.rules';

const MAX_MILEAGE_KM = 2_000_000;

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

export type CustomerVehicleColumnKey = (typeof CUSTOMER_VEHICLE_COLUMNS)[number]['key'];

export interface CustomerVehicleLookups extends RowLookups {
  /** The importer's own store, for rows without a 门店编码; null for head office. */
  defaultStoreId: number | null;
}

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

/**
 * 客户与车辆导入 (head office): owners and their cars from an old system, one file per car. A VIN already on
 * file for the same mobile is skipped; on another owner's file, or a plate on another car, it is an error. A plain
 * class, built by ImportsModule, so the row checks above stay unit-testable without Nest.
 */
export class VehiclesImportPlan implements ImportDefinition<ImportedCustomerVehicle> {
  readonly kind = 'customer-vehicles';
  readonly title = '客户与车辆';
  readonly roles = [StaffRole.ADMIN, StaffRole.DIRECTOR];
  readonly columns = CUSTOMER_VEHICLE_COLUMNS;

  constructor(
    private readonly vehicles: VehicleRegistrationService,
    private readonly models: VehicleModelsService,
    private readonly stores: StoresService,
  ) {}

  async template(caller: StaffCaller): Promise<ImportTemplate> {
    const [stores, models] = await Promise.all([this.stores.listActiveStores(), this.models.listAllModels()]);
    return {
      example: ['李娜', '13900139000', withVinCheckDigit('LSVAE20A0RS000001'), '沪A12345', models.find((model) => model.active)?.name ?? '', new Date(Date.UTC(2024, 4, 20)), 12000, (stores.find((store) => worksInStore(caller, store)) ?? stores[0])?.code ?? 'SH-PD'],
      numFmts: { deliveredOn: 'yyyy-mm-dd' },
      dedupeRule: '去重规则：已登记的 VIN 跳过（若登记在其他手机号名下则报错）；同一手机号视为同一客户；重复导入同一文件不会新建数据。',
      lists: [
        { heading: ['门店编码', '', '门店名称'], rows: stores.map((store) => [store.code, '', store.name]) },
        { heading: ['车型', '', '所有车型（含停售）'], rows: models.map((model) => [model.name, '', model.code]) },
      ],
    };
  }

  async plan(caller: StaffCaller, now: Date): Promise<ImportPlan<ImportedCustomerVehicle>> {
    const [stores, models] = await Promise.all([this.stores.listActiveStores(), this.models.listAllModels()]);
    // A car already owned may be of any model, discontinued ones too.
    const lookups: CustomerVehicleLookups = { stores: storeLookup(stores), models: modelLookup(models), today: shanghaiDateOf(now), defaultStoreId: caller.storeId };
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
    };
  }
}
