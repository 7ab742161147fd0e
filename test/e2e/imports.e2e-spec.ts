import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import yazl from 'yazl';
import { withVinCheckDigit } from '../../server/src/contracts/vin.rules';
import { bearer, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

const LEAD_HEADER = ['姓名*', '手机号*', '门店编码*', '来源', '意向车型', '顾问账号', '预算下限(万元)', '预算上限(万元)', '备注'];
const VEHICLE_HEADER = ['姓名*', '手机号*', 'VIN*', '车牌', '车型*', '交车日期*', '当前里程(公里)', '门店编码'];
const MODEL = '远峰 X SUV';

type Cell = string | number | Date | null;

/**
 * A zip bomb shaped as an .xlsx: its shared-strings part holds one string of `megabytes` MB of 'A', which deflates
 * about a thousand to one, so the upload is well under the 1 MB limit. Parsed, that string alone is hundreds of MB.
 */
async function zipBomb(megabytes: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), '[Content_Types].xml');
  const chunk = Buffer.alloc(1024 * 1024, 'A');
  const parts = (function* () {
    yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>');
    for (let index = 0; index < megabytes; index += 1) yield chunk;
    yield Buffer.from('</t></si></sst>');
  })();
  zip.addReadStream(Readable.from(parts), 'xl/sharedStrings.xml', { compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const piece of zip.outputStream) chunks.push(piece as Buffer);
  return Buffer.concat(chunks);
}

/** The resident memory of a process, in MB, as Linux counts it. */
function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(kb![1]) / 1024;
}

/** An .xlsx as a person would fill the template: the header in row 1, then the rows. */
async function workbook(header: string[], rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入数据');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

let serial = 0;
/** Distinct valid VINs for one file, not used by any other test of this run. */
function vins(count: number): string[] {
  serial += 1;
  const prefix = `LJMP${String(serial).padStart(2, '0')}${String(process.pid % 100).padStart(2, '0')}0`;
  return Array.from({ length: count }, (_, index) => withVinCheckDigit(`${prefix}R${String(index).padStart(7, '0')}`.slice(0, 17)));
}

let mobileSerial = 0;
/** Distinct mobiles for one file. */
function mobiles(count: number): string[] {
  mobileSerial += 1;
  const prefix = `17${String(mobileSerial).padStart(2, '0')}${String(process.pid % 10)}`;
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(6, '0')}`);
}

describe('Excel imports', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let admin: string;
  let manager: string;

  beforeAll(async () => {
    // A 1 MB limit here (30 MB by default) and 3,000 rows (200,000), so a file over them is quick to build.
    server = await startTestServer({ env: { IMPORT_DIR: mkdtempSync(join(tmpdir(), 'imports-e2e-')), IMPORT_MAX_BYTES: String(1024 * 1024), IMPORT_MAX_ROWS: '3000' } });
    api = request(server.baseUrl);
    admin = await staffToken(server.baseUrl, 'admin');
    manager = await staffToken(server.baseUrl, 'sm.shpd');
  });
  afterAll(() => server.stop());

  const upload = (token: string, kind: string, file: Buffer, fileName = '导入.xlsx') =>
    api.post(`/api/imports/${kind}`).set(bearer(token)).attach('file', file, { filename: fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

  /** Polls the job until it leaves VALIDATING / COMMITTING; returns it and the progress values seen on the way. */
  async function settled(token: string, id: number) {
    const seen: number[] = [];
    const deadline = Date.now() + 90_000;
    for (;;) {
      const response = await api.get(`/api/imports/${id}`).set(bearer(token));
      expect(response.status).toBe(200);
      seen.push(response.body.processedRows);
      if (!['VALIDATING', 'COMMITTING'].includes(response.body.status)) return { job: response.body, seen };
      if (Date.now() > deadline) throw new Error(`import ${id} still ${response.body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function uploaded(token: string, kind: string, file: Buffer) {
    const response = await upload(token, kind, file);
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ id: expect.any(Number), kind, status: 'VALIDATING', fileName: '导入.xlsx' });
    return (await settled(token, response.body.id)).job;
  }

  async function committed(token: string, id: number) {
    const response = await api.post(`/api/imports/${id}/commit`).set(bearer(token));
    expect(response.status).toBe(202);
    expect(response.body.status).toBe('COMMITTING');
    return settled(token, id);
  }

  const count = async (statement: string, values: unknown[]) => Number((await sql<{ n: number }>(server.databaseUrl, statement, values))[0].n);

  it('gives a template per kind: Chinese header, an example row, and a 填写说明 sheet', async () => {
    for (const [kind, header] of [
      ['leads', LEAD_HEADER],
      ['customer-vehicles', VEHICLE_HEADER],
    ] as const) {
      const response = await api.get(`/api/imports/templates/${kind}`).set(bearer(admin)).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toContain(encodeURIComponent(kind === 'leads' ? '线索导入模板.xlsx' : '客户与车辆导入模板.xlsx'));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.body as unknown as ArrayBuffer);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['导入数据', '填写说明']);
      expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(header);
      expect(book.worksheets[0].rowCount).toBe(2);
      const help = book.worksheets[1].getColumn(3).values.map(String).join('\n');
      expect(help).toContain(kind === 'leads' ? '留空则进入待分配线索池' : '第 9 位校验位须正确');
    }
  });

  it('reports every bad row of a customers-and-cars file with its row, column and Chinese message, and writes nothing', async () => {
    const advisor = await staffToken(server.baseUrl, 'sa.shpd');
    const theirs = { vin: uniqueVin(), plate: uniquePlate() };
    expect((await api.post('/api/vehicles').set(bearer(advisor)).send({ ...theirs, modelId: 1, ownerMobile: uniqueMobile(), ownerName: '别人' })).status).toBe(201);
    const [goodVin, badCheckVin, ...spare] = vins(9);
    const people = mobiles(12);
    const row = (index: number, overrides: Partial<Record<'name' | 'mobile' | 'vin' | 'plate' | 'model' | 'date' | 'km' | 'store', Cell>> = {}): Cell[] => {
      const value = { name: `车主${index}`, mobile: people[index], vin: spare[index % spare.length], plate: null, model: MODEL, date: '2024-05-20', km: 8000, store: 'SH-PD', ...overrides };
      return [value.name, value.mobile, value.vin, value.plate, value.model, value.date, value.km, value.store];
    };
    const file = await workbook(VEHICLE_HEADER, [
      row(0, { vin: goodVin }), // row 2: fine
      row(1, { mobile: '1380013800', vin: spare[0] }), // 3
      row(2, { vin: `${badCheckVin.slice(0, 8)}${badCheckVin[8] === '0' ? '1' : '0'}${badCheckVin.slice(9)}` }), // 4
      row(3, { model: '飞行汽车', vin: spare[1] }), // 5
      row(4, { store: 'NO-SUCH', vin: spare[2] }), // 6
      row(5, { date: '2024-13-45', vin: spare[3] }), // 7
      row(6, { name: null, vin: spare[4] }), // 8
      row(7, { vin: goodVin }), // 9: the VIN of row 2 for another person
      row(8, { vin: theirs.vin }), // 10: on file for another customer
      row(9, { plate: theirs.plate, vin: spare[5] }), // 11: the plate is on another car
      [], // 12: blank, left out
      row(10, { km: '很多', vin: spare[6] }), // 13
    ]);
    const job = await uploaded(admin, 'customer-vehicles', file);
    expect(job).toMatchObject({ status: 'VALIDATED', totalRows: 11, processedRows: 11, validRows: 1, skippedCount: 0, createdCount: 0, createdBy: { id: expect.any(Number), name: '系统管理员' } });
    expect(job.errors).toEqual([
      { row: 3, column: '手机号', message: '手机号格式不正确' },
      { row: 4, column: 'VIN', message: 'VIN 格式或校验位不正确' },
      { row: 5, column: '车型', message: '未知车型「飞行汽车」' },
      { row: 6, column: '门店编码', message: '门店编码「NO-SUCH」不存在' },
      { row: 7, column: '交车日期', message: '日期格式不正确，应为 YYYY-MM-DD' },
      { row: 8, column: '姓名', message: '必填' },
      { row: 9, column: 'VIN', message: '同一文件中重复的VIN（与第 2 行重复）' },
      { row: 10, column: 'VIN', message: '该 VIN 已登记在其他客户名下' },
      { row: 11, column: '车牌', message: `车牌「${theirs.plate}」已登记在其他车辆上` },
      { row: 13, column: '当前里程(公里)', message: '里程须为 0 至 2000000 之间的整数（公里）' },
    ]);
    expect(job.errorCount).toBe(10);

    const secondPage = await api.get(`/api/imports/${job.id}/errors`).query({ page: 2, pageSize: 4 }).set(bearer(admin));
    expect(secondPage.status).toBe(200);
    expect(secondPage.body).toMatchObject({ total: 10, errorCount: 10, page: 2, pageSize: 4 });
    expect(secondPage.body.items.map((error: { row: number }) => error.row)).toEqual([7, 8, 9, 10]);

    const refused = await api.post(`/api/imports/${job.id}/commit`).set(bearer(admin));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_HAS_ERRORS');
    expect(await count('SELECT COUNT(*) n FROM vehicles WHERE vin = ?', [goodVin])).toBe(0);
    expect(await count('SELECT COUNT(*) n FROM customers WHERE mobile IN (?)', [people])).toBe(0);
  });

  it('reports bad lead rows, a store outside the manager\'s scope and a consultant of another store', async () => {
    const [a, b, c, d, e, f] = mobiles(6);
    const file = await workbook(LEAD_HEADER, [
      ['王一', a, 'SH-PD', '车展', MODEL, 'sc1.shpd', 10, 15, '好'], // 2: fine
      ['王二', b, 'HZ-XH', '', '', '', null, null, null], // 3: another region's store
      ['王三', c, 'SH-PD', '', '', 'sc1.hzxh', null, null, null], // 4: consultant of another store
      ['王四', d, 'SH-PD', '电视广告', '', '', null, null, null], // 5: unknown source
      ['王五', e, 'SH-PD', '', '', '', 30, 20, null], // 6: budget upside down
      ['王一一', a, 'SH-PD', '', '', '', null, null, null], // 7: row 2's mobile at the same store, other data
      ['王六', `${f}0`, 'SH-PD', '', '不存在的车', '', null, null, null], // 8: two errors
    ]);
    const job = await uploaded(manager, 'leads', file);
    expect(job.errors).toEqual([
      { row: 3, column: '门店编码', message: '门店不在您的权限范围内' },
      { row: 4, column: '顾问账号', message: '顾问「sc1.hzxh」不在该门店' },
      { row: 5, column: '来源', message: '来源「电视广告」不正确，请填写模板说明中的来源名称' },
      { row: 6, column: '预算上限(万元)', message: '预算上限不能低于预算下限' },
      { row: 7, column: '手机号', message: '同一文件中重复的手机号（与第 2 行重复）' },
      { row: 8, column: '手机号', message: '手机号格式不正确' },
      { row: 8, column: '意向车型', message: '未知车型「不存在的车」' },
    ]);
    expect(job).toMatchObject({ status: 'VALIDATED', totalRows: 7, validRows: 1, errorCount: 7 });
    expect(await count('SELECT COUNT(*) n FROM leads WHERE mobile = ?', [a])).toBe(0);
  });

  it('imports leads with their stage change, touch, assignment and first task; the same file again creates nothing', async () => {
    const people = mobiles(5);
    // Already an open lead at the store: the import skips this person.
    expect((await api.post('/api/leads').set(bearer(manager)).send({ name: '老客户', mobile: people[4], source: 'HOTLINE', storeId: 1 })).status).toBe(201);
    const rows: Cell[][] = [
      ['赵一', people[0], 'SH-PD', '车展', MODEL, 'sc1.shpd', 15, 20, '车展留资'],
      ['赵二', people[1], 'sh-pd', 'DOUYIN', '', '', null, null, null],
      ['赵三', people[2], 'SH-MH', '', '', '', null, null, null],
      ['赵四', people[3], 'SH-PD', '', '', '', null, null, null],
      ['赵四', people[3], 'SH-PD', '', '', '', null, null, null], // the same row twice: a duplicate, skipped
      ['老客户', people[4], 'SH-PD', '', '', '', null, null, null],
    ];
    const file = await workbook(LEAD_HEADER, rows);
    // A store manager may import only their own store: the admin imports across stores.
    const job = await uploaded(admin, 'leads', file);
    expect(job).toMatchObject({ status: 'VALIDATED', totalRows: 6, validRows: 4, skippedCount: 2, errorCount: 0, errors: [] });
    const { job: done } = await committed(admin, job.id);
    expect(done).toMatchObject({ status: 'COMMITTED', createdCount: 4, skippedCount: 2, processedRows: 6, failureMessage: null, finishedAt: expect.any(String) });

    const leads = await sql<{ id: number; name: string; source: string; store_id: number; assignee_id: number | null; stage: string; budget_min_fen: number | null; next_follow_up_at: Date | null; open_key: string }>(
      server.databaseUrl,
      'SELECT id, name, source, store_id, assignee_id, stage, budget_min_fen, next_follow_up_at, open_key FROM leads WHERE mobile IN (?) ORDER BY mobile',
      [people.slice(0, 4)],
    );
    const [consultant] = await sql<{ id: number }>(server.databaseUrl, "SELECT id FROM staff WHERE username = 'sc1.shpd'");
    expect(leads.map(({ name, source, store_id, assignee_id, stage, budget_min_fen }) => ({ name, source, store_id, assignee_id, stage, budget_min_fen }))).toEqual([
      { name: '赵一', source: 'AUTO_SHOW', store_id: 1, assignee_id: consultant.id, stage: 'NEW', budget_min_fen: 15_000_000 },
      { name: '赵二', source: 'DOUYIN', store_id: 1, assignee_id: null, stage: 'NEW', budget_min_fen: null },
      { name: '赵三', source: 'IMPORT', store_id: 2, assignee_id: null, stage: 'NEW', budget_min_fen: null },
      { name: '赵四', source: 'IMPORT', store_id: 1, assignee_id: null, stage: 'NEW', budget_min_fen: null },
    ]);
    expect(leads[0].next_follow_up_at).not.toBeNull();
    const ids = leads.map((lead) => lead.id);
    const [adminRow] = await sql<{ id: number }>(server.databaseUrl, "SELECT id FROM staff WHERE username = 'admin'");
    const changes = await sql<{ from_stage: string | null; to_stage: string; staff_id: number }>(server.databaseUrl, 'SELECT from_stage, to_stage, staff_id FROM lead_stage_changes WHERE lead_id IN (?)', [ids]);
    expect(changes).toEqual(ids.map(() => ({ from_stage: null, to_stage: 'NEW', staff_id: adminRow.id })));
    expect(await count('SELECT COUNT(*) n FROM lead_touches WHERE lead_id IN (?)', [ids])).toBe(4);
    expect(await count('SELECT COUNT(*) n FROM lead_assignments WHERE lead_id IN (?)', [ids])).toBe(4);
    const tasks = await sql<{ lead_id: number; kind: string; assignee_id: number }>(server.databaseUrl, 'SELECT lead_id, kind, assignee_id FROM tasks WHERE lead_id IN (?)', [ids]);
    expect(tasks).toEqual([{ lead_id: leads[0].id, kind: 'FIRST_CONTACT', assignee_id: consultant.id }]);
    expect(await count('SELECT COUNT(*) n FROM customers WHERE mobile IN (?)', [people])).toBe(5);
    // The imported leads are on the list as if captured, the pool ones unassigned.
    const listed = await api.get('/api/leads').query({ q: people[1] }).set(bearer(manager));
    expect(listed.body.items).toEqual([expect.objectContaining({ name: '赵二', source: 'DOUYIN', assignedTo: null, stage: 'NEW' })]);

    const before = await count('SELECT COUNT(*) n FROM leads', []);
    const again = await uploaded(admin, 'leads', file);
    expect(again).toMatchObject({ status: 'VALIDATED', validRows: 0, skippedCount: 6, errorCount: 0 });
    const { job: secondDone } = await committed(admin, again.id);
    expect(secondDone).toMatchObject({ status: 'COMMITTED', createdCount: 0, skippedCount: 6 });
    expect(await count('SELECT COUNT(*) n FROM leads', [])).toBe(before);
    expect(await count('SELECT COUNT(*) n FROM lead_touches WHERE lead_id IN (?)', [ids])).toBe(4);

    const twice = await api.post(`/api/imports/${again.id}/commit`).set(bearer(admin));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('IMPORT_ALREADY_COMMITTED');
  });

  it('imports customers with their cars (readings, owners, plates) and audits it; the same file again creates nothing', async () => {
    const [first, second, third] = vins(3);
    const [owner, other] = mobiles(2);
    const plate = uniquePlate();
    const file = await workbook(VEHICLE_HEADER, [
      ['钱一', owner, first, plate, MODEL, '2023-03-01', 25_000, 'SH-PD'],
      ['钱一', owner, second, null, 'SUMMIT-X', new Date(Date.UTC(2025, 0, 15)), null, 'HZ-XH'],
      ['孙二', other, third, null, MODEL, '2024-06-30', 0, 'SH-MH'],
      ['孙二', other, third, null, MODEL, '2024-06-30', 0, 'SH-MH'],
    ]);
    const job = await uploaded(admin, 'customer-vehicles', file);
    expect(job).toMatchObject({ status: 'VALIDATED', totalRows: 4, validRows: 3, skippedCount: 1, errorCount: 0 });
    const { job: done } = await committed(admin, job.id);
    expect(done).toMatchObject({ status: 'COMMITTED', createdCount: 3, skippedCount: 1 });

    const cars = await sql<{ vin: string; plate: string | null; store_id: number; mileage_km: number; owner_id: number }>(
      server.databaseUrl,
      'SELECT vin, plate, store_id, mileage_km, owner_id FROM vehicles WHERE vin IN (?) ORDER BY id',
      [[first, second, third]],
    );
    expect(cars.map(({ vin, plate: carPlate, store_id, mileage_km }) => ({ vin, plate: carPlate, store_id, mileage_km }))).toEqual([
      { vin: first, plate, store_id: 1, mileage_km: 25_000 },
      { vin: second, plate: null, store_id: 3, mileage_km: 0 },
      { vin: third, plate: null, store_id: 2, mileage_km: 0 },
    ]);
    expect(cars[0].owner_id).toBe(cars[1].owner_id);
    const readings = await sql<{ vin: string; km: number; source: string }>(
      server.databaseUrl,
      'SELECT v.vin, r.km, r.source FROM mileage_readings r JOIN vehicles v ON v.id = r.vehicle_id WHERE v.vin IN (?) ORDER BY v.id, r.km',
      [[first, second, third]],
    );
    // Registered years after delivery with 25,000 km: delivery at 0 km, then today's reading.
    expect(readings).toEqual([
      { vin: first, km: 0, source: 'DELIVERY' },
      { vin: first, km: 25_000, source: 'STAFF' },
      { vin: second, km: 0, source: 'DELIVERY' },
      { vin: third, km: 0, source: 'DELIVERY' },
    ]);
    const owners = await sql<{ mobile: string; name: string; became_owner_at: Date | null }>(server.databaseUrl, 'SELECT mobile, name, became_owner_at FROM customers WHERE mobile IN (?) ORDER BY mobile', [[owner, other]]);
    expect(owners.map((row) => [row.mobile, row.name, row.became_owner_at !== null])).toEqual([
      [owner, '钱一', true],
      [other, '孙二', true],
    ]);
    // The file is on the staff's vehicle list like any other car.
    const found = await api.get('/api/vehicles').query({ q: first }).set(bearer(admin));
    expect(found.body.items).toEqual([expect.objectContaining({ vin: first, model: expect.objectContaining({ name: MODEL }), owner: expect.objectContaining({ name: '钱一' }) })]);
    // Delivered on a Shanghai calendar day, stored as its UTC instant; the owner became one at the first delivery.
    expect(found.body.items[0].deliveredAt).toBe('2023-02-28T16:00:00.000Z');
    const vehicleFile = await api.get(`/api/vehicles/${found.body.items[0].id}`).set(bearer(admin));
    expect(vehicleFile.body.mileageReadings.map((reading: { km: number; readAt: string }) => [reading.km, reading.readAt.slice(0, 10)])).toEqual([
      [25_000, new Date().toISOString().slice(0, 10)],
      [0, '2023-02-28'],
    ]);
    expect(await count('SELECT COUNT(*) n FROM customers c JOIN vehicles v ON v.owner_id = c.id WHERE v.vin = ? AND c.became_owner_at = v.delivered_at', [first])).toBe(1);

    const audit = await api.get('/api/audit-logs').query({ action: 'import.committed', entityType: 'import', entityId: String(job.id) }).set(bearer(admin));
    expect(audit.body.items).toEqual([expect.objectContaining({ actorName: '系统管理员', after: { kind: 'customer-vehicles', fileName: '导入.xlsx', rows: 4, created: 3, skipped: 1 } })]);

    const counts = async () => [await count('SELECT COUNT(*) n FROM vehicles', []), await count('SELECT COUNT(*) n FROM customers', []), await count('SELECT COUNT(*) n FROM mileage_readings', [])];
    const before = await counts();
    const again = await uploaded(admin, 'customer-vehicles', file);
    expect(again).toMatchObject({ validRows: 0, skippedCount: 4, errorCount: 0 });
    const { job: secondDone } = await committed(admin, again.id);
    expect(secondDone).toMatchObject({ status: 'COMMITTED', createdCount: 0, skippedCount: 4 });
    expect(await counts()).toEqual(before);

    const history = await api.get('/api/imports').query({ kind: 'customer-vehicles', pageSize: 2 }).set(bearer(admin));
    expect(history.body.items.map((item: { id: number }) => item.id)).toEqual([again.id, job.id]);
    expect(history.body.items[0]).not.toHaveProperty('errors');
  });

  it('keeps each import to its roles and its people, and answers bad input with a 4xx', async () => {
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    const file = await workbook(LEAD_HEADER, [['周一', mobiles(1)[0], 'SH-PD', '', '', '', null, null, null]]);
    expect((await upload(consultant, 'leads', file)).status).toBe(403);
    expect((await api.get('/api/imports/templates/leads').set(bearer(consultant))).status).toBe(403);
    expect((await api.get('/api/imports').set(bearer(consultant))).status).toBe(403);

    const forbidden = await upload(manager, 'customer-vehicles', await workbook(VEHICLE_HEADER, []));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('IMPORT_FORBIDDEN');
    expect((await api.get('/api/imports/templates/customer-vehicles').set(bearer(manager))).status).toBe(403);

    const wrongKind = await upload(admin, 'staff', file);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.code).toBe('VALIDATION_FAILED');

    const notExcel = await upload(admin, 'leads', Buffer.from('姓名,手机号\n张三,13800138000\n'), 'leads.csv');
    expect(notExcel.status).toBe(400);
    expect(notExcel.body).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: expect.stringContaining('.xlsx') });
    const renamed = await upload(admin, 'leads', Buffer.from('not a zip at all'), 'leads.xlsx');
    expect(renamed.status).toBe(400);
    expect(renamed.body.code).toBe('IMPORT_FILE_INVALID');
    const tooLarge = await upload(admin, 'leads', Buffer.alloc(1024 * 1024 + 10, 1), 'huge.xlsx');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', message: '文件超过 1 MB 上限，请拆分后分批导入' });
    const json = await api.post('/api/imports/leads').set(bearer(admin)).send({ file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('IMPORT_FILE_INVALID');

    const wrongHeader = await uploaded(admin, 'leads', await workbook(['客户', '电话'], [['张三', '13800138000']]));
    expect(wrongHeader).toMatchObject({ status: 'FAILED', failureMessage: expect.stringContaining('文件缺少必填列：姓名*、手机号*、门店编码*') });
    expect((await api.post(`/api/imports/${wrongHeader.id}/commit`).set(bearer(admin))).body.code).toBe('IMPORT_NOT_READY');

    // A manager's import is theirs: another store's manager does not find it; head office does.
    const mine = await uploaded(manager, 'leads', file);
    const otherManager = await staffToken(server.baseUrl, 'sm.hzxh');
    const hidden = await api.get(`/api/imports/${mine.id}`).set(bearer(otherManager));
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('IMPORT_NOT_FOUND');
    expect((await api.post(`/api/imports/${mine.id}/commit`).set(bearer(otherManager))).status).toBe(404);
    expect((await api.get('/api/imports').set(bearer(otherManager))).body.items.map((item: { id: number }) => item.id)).not.toContain(mine.id);
    expect((await api.get(`/api/imports/${mine.id}`).set(bearer(admin))).status).toBe(200);
    expect((await api.get('/api/imports/999999').set(bearer(admin))).body.code).toBe('IMPORT_NOT_FOUND');
    expect((await api.get('/api/imports/abc').set(bearer(admin))).status).toBe(400);
  });

  it('writes nothing at all when the database fails in the middle of a 3,000-row commit, and succeeds once it is fixed', async () => {
    const fileVins = vins(3000);
    const people = mobiles(3000);
    const poison = fileVins[1500];
    const file = await workbook(
      VEHICLE_HEADER,
      fileVins.map((vin, index) => [`车主${index}`, people[index], vin, null, MODEL, '2024-01-15', 1000 + index, 'SH-PD']),
    );
    const job = await uploaded(admin, 'customer-vehicles', file);
    expect(job).toMatchObject({ status: 'VALIDATED', totalRows: 3000, validRows: 3000, errorCount: 0 });
    // A real failure inside the database, at row 1,502 (after the first batch has been written in the transaction).
    await sql(server.databaseUrl, `CREATE TRIGGER imports_e2e_fail BEFORE INSERT ON vehicles FOR EACH ROW BEGIN IF NEW.vin = '${poison}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk on fire'; END IF; END`);
    try {
      const { job: failed } = await committed(admin, job.id);
      expect(failed).toMatchObject({ status: 'FAILED', createdCount: 0, failureMessage: expect.stringContaining('导入失败，已全部撤销，没有写入任何数据') });
      expect(failed.failureMessage).toContain('第 1002–2001 行');
      expect(failed.failureMessage).not.toContain('disk on fire');
    } finally {
      await sql(server.databaseUrl, 'DROP TRIGGER imports_e2e_fail');
    }
    expect(await count('SELECT COUNT(*) n FROM vehicles WHERE vin IN (?)', [fileVins])).toBe(0);
    expect(await count('SELECT COUNT(*) n FROM customers WHERE mobile IN (?)', [people])).toBe(0);
    const audit = await api.get('/api/audit-logs').query({ action: 'import.failed', entityType: 'import', entityId: String(job.id) }).set(bearer(admin));
    expect(audit.body.items).toHaveLength(1);
    expect((await api.post(`/api/imports/${job.id}/commit`).set(bearer(admin))).body.code).toBe('IMPORT_NOT_READY');

    const retry = await uploaded(admin, 'customer-vehicles', file);
    const { job: done, seen } = await committed(admin, retry.id);
    expect(done).toMatchObject({ status: 'COMMITTED', createdCount: 3000, skippedCount: 0, processedRows: 3000 });
    expect(seen[seen.length - 1]).toBe(3000);
    expect(await count('SELECT COUNT(*) n FROM vehicles WHERE vin IN (?)', [fileVins])).toBe(3000);
    expect(await count('SELECT COUNT(*) n FROM customers WHERE mobile IN (?) AND became_owner_at IS NOT NULL', [people])).toBe(3000);
  });

  it('refuses a zip bomb from its zip directory before parsing it (400 IMPORT_FILE_REJECTED), and the server\'s memory stays flat', async () => {
    const overTotal = await zipBomb(300);
    const overRatio = await zipBomb(20);
    expect(overTotal.length).toBeLessThan(1024 * 1024);
    const before = residentMb(server.pid);
    const jobsBefore = await count('SELECT COUNT(*) n FROM import_jobs', []);

    const total = await upload(admin, 'customer-vehicles', overTotal);
    expect(total.status).toBe(400);
    expect(total.body).toMatchObject({ code: 'IMPORT_FILE_REJECTED', message: expect.stringContaining('解压后过大或压缩比异常') });
    const ratio = await upload(admin, 'leads', overRatio);
    expect(ratio.status).toBe(400);
    expect(ratio.body).toMatchObject({ code: 'IMPORT_FILE_REJECTED', message: expect.stringContaining('压缩比超过 100:1') });

    // Nothing was started that could parse it later, and nothing was kept.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = residentMb(server.pid);
    console.log(`zip bomb: server RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after`);
    expect(after - before).toBeLessThan(50);
    expect(await count('SELECT COUNT(*) n FROM import_jobs', [])).toBe(jobsBefore);
  });

  it('answers an overlong cell with a row error, not a quote of it, and refuses a file over the row limit', async () => {
    const [mobile] = mobiles(1);
    const long = await uploaded(manager, 'leads', await workbook(LEAD_HEADER, [['张三', mobile, 'X'.repeat(5000), '', '', '', null, null, '备'.repeat(20_000)]]));
    expect(long).toMatchObject({ status: 'VALIDATED', errorCount: 2 });
    expect(long.errors).toEqual([
      { row: 2, column: '门店编码', message: '内容超过 1000 个字' },
      { row: 2, column: '备注', message: '内容超过 1000 个字' },
    ]);

    const people = mobiles(3001);
    const rows = people.map((person, index) => [`客户${index}`, person, 'SH-PD', '', '', '', null, null, null]);
    const tooMany = await uploaded(manager, 'leads', await workbook(LEAD_HEADER, rows));
    expect(tooMany).toMatchObject({ status: 'FAILED', failureMessage: '文件超过 3,000 行上限，请拆分后分批导入' });
    expect(await count('SELECT COUNT(*) n FROM leads WHERE mobile IN (?)', [people])).toBe(0);
  });

  it('runs one import per person at a time: a second upload or a commit while one is checking answers 409 IMPORT_ALREADY_RUNNING', async () => {
    const fileOf = (count: number) => {
      const people = mobiles(count);
      return workbook(VEHICLE_HEADER, vins(count).map((vin, index) => [`车主${index}`, people[index], vin, null, MODEL, '2024-01-15', 1000, 'SH-PD']));
    };
    const [first, second] = await Promise.all([fileOf(3000), fileOf(3000)]);
    const both = await Promise.all([upload(admin, 'customer-vehicles', first), upload(admin, 'customer-vehicles', second)]);
    expect(both.map((response) => response.status).sort()).toEqual([202, 409]);
    const refused = both.find((response) => response.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'IMPORT_ALREADY_RUNNING', message: expect.stringContaining('正在校验或写入') });
    const started = both.find((response) => response.status === 202)!;
    const { job: checked } = await settled(admin, started.body.id);
    expect(checked).toMatchObject({ status: 'VALIDATED', errorCount: 0 });

    // Another person is not held up by it.
    const managerJob = await upload(manager, 'leads', await workbook(LEAD_HEADER, [['王五', mobiles(1)[0], 'SH-PD', '', '', '', null, null, null]]));
    expect(managerJob.status).toBe(202);

    // While the next file is being checked, the checked one cannot be committed; once it is done, it can.
    const next = await upload(admin, 'customer-vehicles', second);
    expect(next.status).toBe(202);
    const blocked = await api.post(`/api/imports/${checked.id}/commit`).set(bearer(admin));
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('IMPORT_ALREADY_RUNNING');
    await settled(admin, next.body.id);
    const { job: done } = await committed(admin, checked.id);
    expect(done).toMatchObject({ status: 'COMMITTED', createdCount: 3000 });
    await settled(manager, managerJob.body.id);
  });
});
