import { LeadSource } from '../../generated/prisma/enums';
import { withVinCheckDigit } from '../../contracts/vin.rules';
import { LEAD_COLUMNS, parseLeadRow, type LeadLookups } from '../leads/leads.import-plan';
import { CUSTOMER_VEHICLE_COLUMNS, parseCustomerVehicleRow, type CustomerVehicleLookups } from '../vehicles/vehicles.import-plan';
import { calendarDateOf, cellText, ErrorLog, FileKeys, fingerprint, isBlankRow, matchHeader, normalizeMobile, templateHeader } from './imports.rules';

const VIN = withVinCheckDigit('LSVAE20A0RS000001');

const stores = new Map([
  ['SH-PD', { id: 1, regionId: 1 }],
  ['HZ-XH', { id: 3, regionId: 2 }],
]);
const models = new Map([
  ['远峰XSUV', 2],
  ['SUMMIT-X', 2],
]);

const leadLookups: LeadLookups = {
  stores,
  models,
  today: '2026-11-28',
  storeInScope: (store) => store.regionId === 1,
  consultants: new Map([[1, new Map([['sc1.shpd', 11]])]]),
};

const vehicleLookups: CustomerVehicleLookups = { stores, models, today: '2026-11-28', defaultStoreId: null };

function lead(cells: Partial<Record<(typeof LEAD_COLUMNS)[number]['key'], unknown>>) {
  return parseLeadRow({ name: '张伟', mobile: '13800138000', storeCode: 'SH-PD', source: '', model: '', consultant: '', budgetMin: '', budgetMax: '', note: '', ...cells }, leadLookups);
}

function car(cells: Partial<Record<(typeof CUSTOMER_VEHICLE_COLUMNS)[number]['key'], unknown>>) {
  return parseCustomerVehicleRow({ name: '李娜', mobile: '13900139000', vin: VIN, plate: '沪A12345', model: '远峰 X SUV', deliveredOn: '2024-05-20', mileage: 12000, storeCode: 'SH-PD', ...cells }, vehicleLookups);
}

const errorsOf = (result: { ok: boolean; errors?: Array<{ column: string; message: string }> }) => (result.ok ? [] : (result.errors ?? []));

describe('import rows: leads', () => {
  it('reads a complete row: source by its Chinese name, model by name, consultant by username, budget in 万元 as fen', () => {
    expect(lead({ source: '车展', model: '远峰 X SUV', consultant: 'SC1.SHPD', budgetMin: 15, budgetMax: '20.5', note: '周末回访' })).toEqual({
      ok: true,
      row: { name: '张伟', mobile: '13800138000', storeId: 1, source: LeadSource.AUTO_SHOW, intendedModelId: 2, assigneeId: 11, budgetMinFen: 15_000_000, budgetMaxFen: 20_500_000, note: '周末回访' },
    });
  });

  it('defaults the source to IMPORT and leaves a lead without a consultant in the pool', () => {
    expect(lead({})).toMatchObject({ ok: true, row: { source: LeadSource.IMPORT, assigneeId: null, intendedModelId: null, budgetMinFen: null, note: null } });
    expect(lead({ source: 'douyin' })).toMatchObject({ ok: true, row: { source: LeadSource.DOUYIN } });
  });

  it('reports every problem of a row, each with its column and a Chinese message', () => {
    const result = lead({ name: '', mobile: '1380013800', storeCode: 'SH-XX', source: '路过', model: '飞船', budgetMin: 'abc' });
    expect(errorsOf(result)).toEqual([
      { column: '姓名', message: '必填' },
      { column: '手机号', message: '手机号格式不正确' },
      { column: '门店编码', message: '门店编码「SH-XX」不存在' },
      { column: '来源', message: '来源「路过」不正确，请填写模板说明中的来源名称' },
      { column: '意向车型', message: '未知车型「飞船」' },
      { column: '预算下限(万元)', message: '预算须为 0 至 2000 之间的数字（单位万元）' },
    ]);
  });

  it('refuses a store outside the importer’s scope, a consultant of another store and an upside-down budget', () => {
    expect(errorsOf(lead({ storeCode: 'HZ-XH' }))).toEqual([{ column: '门店编码', message: '门店不在您的权限范围内' }]);
    expect(errorsOf(lead({ consultant: 'sc1.hzxh' }))).toEqual([{ column: '顾问账号', message: '顾问「sc1.hzxh」不在该门店' }]);
    expect(errorsOf(lead({ budgetMin: 30, budgetMax: 20 }))).toEqual([{ column: '预算上限(万元)', message: '预算上限不能低于预算下限' }]);
    expect(errorsOf(lead({ storeCode: '' }))).toEqual([{ column: '门店编码', message: '必填' }]);
  });

  it('reads a mobile typed with spaces, dashes or +86, or stored by Excel as a number', () => {
    for (const mobile of ['138 0013 8000', '138-0013-8000', '+86 13800138000', 13800138000]) {
      expect(lead({ mobile })).toMatchObject({ ok: true, row: { mobile: '13800138000' } });
    }
  });
});

describe('import rows: customers with their cars', () => {
  it('reads a complete row, the VIN and plate normalised', () => {
    expect(car({ vin: ` ${VIN.toLowerCase()} `, plate: '沪a 12345' })).toEqual({
      ok: true,
      row: { name: '李娜', mobile: '13900139000', vin: VIN, plate: '沪A12345', modelId: 2, deliveredOn: '2024-05-20', mileage: 12000, storeId: 1 },
    });
  });

  it('takes a delivery date as text, as an Excel date cell or as an Excel serial number', () => {
    for (const deliveredOn of ['2024-05-20', '2024/5/20', new Date(Date.UTC(2024, 4, 20)), 45432, { formula: 'DATE(2024,5,20)', result: new Date(Date.UTC(2024, 4, 20)) }]) {
      expect(car({ deliveredOn })).toMatchObject({ ok: true, row: { deliveredOn: '2024-05-20' } });
    }
  });

  it('reports a bad VIN, plate, model, date, mileage and store', () => {
    expect(errorsOf(car({ vin: 'LSVAE20A1RS000001', plate: '沪I12345', model: '飞船', deliveredOn: '2024-02-30', mileage: -5, storeCode: 'XX' }))).toEqual([
      { column: 'VIN', message: 'VIN 格式或校验位不正确' },
      { column: '车牌', message: '车牌格式不正确' },
      { column: '车型', message: '未知车型「飞船」' },
      { column: '交车日期', message: '日期格式不正确，应为 YYYY-MM-DD' },
      { column: '当前里程(公里)', message: '里程须为 0 至 2000000 之间的整数（公里）' },
      { column: '门店编码', message: '门店编码「XX」不存在' },
    ]);
  });

  it('refuses a delivery after today and needs a store when the importer has none', () => {
    expect(errorsOf(car({ deliveredOn: '2026-11-29' }))).toEqual([{ column: '交车日期', message: '交车日期不能晚于今天' }]);
    expect(errorsOf(car({ storeCode: '' }))).toEqual([{ column: '门店编码', message: '必填（您的账号不属于门店，请填写车辆归属门店）' }]);
    expect(parseCustomerVehicleRow({ name: '李娜', mobile: '13900139000', vin: VIN, plate: '', model: 'summit-x', deliveredOn: '2024-05-20', mileage: '', storeCode: '' }, { ...vehicleLookups, defaultStoreId: 3 })).toMatchObject({
      ok: true,
      row: { storeId: 3, plate: null, mileage: 0, modelId: 2 },
    });
  });

  it('marks every blank required cell 必填', () => {
    expect(errorsOf(car({ name: '', mobile: '', vin: '', model: '', deliveredOn: null })).map((error) => `${error.column}:${error.message}`)).toEqual(['姓名:必填', '手机号:必填', 'VIN:必填', '车型:必填', '交车日期:必填']);
  });
});

describe('import files', () => {
  it('finds the columns by their headers, in any order, with or without the * and full-width brackets', () => {
    const header = [undefined, '手机号 *', '姓名', 'VIN*', '车型', '交车日期', '当前里程（公里）'];
    const match = matchHeader(CUSTOMER_VEHICLE_COLUMNS, header);
    expect(match.ok && Object.fromEntries(match.positions)).toEqual({ mobile: 1, name: 2, vin: 3, model: 4, deliveredOn: 5, mileage: 6 });
  });

  it('names the missing required columns', () => {
    expect(matchHeader(LEAD_COLUMNS, [undefined, '姓名', '备注'])).toEqual({ ok: false, message: expect.stringContaining('手机号*、门店编码*') });
    expect(LEAD_COLUMNS.map(templateHeader).slice(0, 3)).toEqual(['姓名*', '手机号*', '门店编码*']);
  });

  it('reads rich text, formulas and hyperlinks as the text shown, and leaves blank rows out', () => {
    expect(cellText({ richText: [{ text: '张' }, { text: '伟 ' }] })).toBe('张伟');
    expect(cellText({ formula: 'A1', result: 13800138000 })).toBe('13800138000');
    expect(cellText({ text: 'sc1.shpd', hyperlink: 'mailto:x' })).toBe('sc1.shpd');
    expect(isBlankRow([undefined, '', '  ', null])).toBe(true);
    expect(isBlankRow([undefined, '', 0])).toBe(false);
  });

  it('normalises only what is clearly a mainland mobile', () => {
    expect(normalizeMobile('8613800138000')).toBe('13800138000');
    expect(normalizeMobile('12345')).toBe('12345');
    expect(calendarDateOf('2023-2-29')).toBeNull();
    expect(calendarDateOf(100)).toBeNull();
  });

  it('skips a row repeated unchanged and flags a key repeated with other data', () => {
    const keys = new FileKeys();
    const first = { vin: VIN, mobile: '13900139000' };
    expect(keys.check(VIN, 2, fingerprint(first))).toEqual({ kind: 'first' });
    expect(keys.check(VIN, 5, fingerprint({ ...first }))).toEqual({ kind: 'same', firstRow: 2 });
    expect(keys.check(VIN, 7, fingerprint({ ...first, mobile: '13700137000' }))).toEqual({ kind: 'conflict', firstRow: 2 });
  });

  it('keeps the first errors and counts them all', () => {
    const log = new ErrorLog(2);
    log.add(2, [{ column: '手机号', message: '手机号格式不正确' }, { column: 'VIN', message: '必填' }]);
    log.add(3, [{ column: '车型', message: '未知车型「X」' }]);
    expect(log.count).toBe(3);
    expect(log.kept).toEqual([
      { row: 2, column: '手机号', message: '手机号格式不正确' },
      { row: 2, column: 'VIN', message: '必填' },
    ]);
  });
});
