import ExcelJS from 'exceljs';
import request from 'supertest';
import { bearer, binaryBody, staffToken, uniqueMobile } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

interface Kpi {
  key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  formula: string;
}

/**
 * Every KPI recomputed on a small hand-made month (January 2020, before any demo data) whose answers
 * are worked out by hand below, then the same after a lead moves on (the job rebuilds only the changed
 * days), and each role seeing only its sections and its scope.
 */
describe('KPIs on hand-made data', () => {
  let server: TestServer;
  let admin: string;
  const api = () => request(server.baseUrl);
  const period = { from: '2020-01-01', to: '2020-01-31' };
  const db = <Row = Record<string, unknown>>(statement: string, values: unknown[] = []) => sql<Row>(server.databaseUrl, statement, values);
  const refresh = async () => expect((await api().post('/api/dev/jobs/kpi-refresh/run').set(bearer(admin))).status).toBe(200);
  const dashboard = async (token: string, query: Record<string, string | number> = {}) => {
    const response = await api().get('/api/analytics/dashboard').query({ ...period, ...query }).set(bearer(token));
    expect(response.status).toBe(200);
    const kpis = new Map((response.body.kpis as Kpi[]).map((kpi) => [kpi.key, kpi]));
    return { ...response.body, kpi: (key: string) => kpis.get(key) } as Record<string, never> & { kpi: (key: string) => Kpi | undefined };
  };

  let consultantA: number;
  let consultantB: number;
  let advisor: number;

  async function customer(): Promise<number> {
    const mobile = uniqueMobile();
    await db('INSERT INTO customers (mobile, name, updated_at) VALUES (?, ?, NOW(3))', [mobile, '看板客户']);
    const [row] = await db<{ id: number }>('SELECT id FROM customers WHERE mobile = ?', [mobile]);
    return row.id;
  }

  async function lead(values: { assignee: number; source: string; stage: string; createdAt: string; firstContactedAt?: string; orderedAt?: string; deliveredAt?: string; lostReason?: string }): Promise<number> {
    const customerId = await customer();
    await db(
      `INSERT INTO leads (customer_id, store_id, assignee_id, name, mobile, source, stage, first_contacted_at, ordered_at, delivered_at, lost_reason, created_at, updated_at)
       VALUES (?, 1, ?, '看板线索', ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))`,
      [customerId, values.assignee, uniqueMobile(), values.source, values.stage, values.firstContactedAt ?? null, values.orderedAt ?? null, values.deliveredAt ?? null, values.lostReason ?? null, values.createdAt],
    );
    const [row] = await db<{ id: number }>('SELECT MAX(id) AS id FROM leads');
    return row.id;
  }

  const stageChanges = (leadId: number, stages: string[], at: string) =>
    Promise.all(stages.slice(1).map((toStage, index) => db('INSERT INTO lead_stage_changes (lead_id, from_stage, to_stage, created_at) VALUES (?, ?, ?, ?)', [leadId, stages[index], toStage, at])));

  const followUp = (leadId: number, staffId: number, at: string) =>
    db("INSERT INTO follow_ups (lead_id, staff_id, type, outcome, created_at) VALUES (?, ?, 'CALL', '已接通', ?)", [leadId, staffId, at]);

  const task = (leadId: number, assignee: number, dueAt: string, status: string, completedAt: string | null = null) =>
    db("INSERT INTO tasks (lead_id, assignee_id, kind, purpose, due_at, status, completed_at, updated_at) VALUES (?, ?, 'FOLLOW_UP', '跟进', ?, ?, ?, NOW(3))", [leadId, assignee, dueAt, status, completedAt]);

  beforeAll(async () => {
    // A controlled clock (at the real time) lets the test run the refresh job by name.
    server = await startTestServer({ env: { CLOCK_MODE: 'controlled' } });
    admin = await staffToken(server.baseUrl, 'admin');
    const staff = await sql<{ id: number; username: string }>(server.databaseUrl, "SELECT id, username FROM staff WHERE username IN ('sc1.shpd', 'sc2.shpd', 'sa.shpd')");
    const idOf = (username: string) => staff.find((row) => row.username === username)!.id;
    [consultantA, consultantB, advisor] = [idOf('sc1.shpd'), idOf('sc2.shpd'), idOf('sa.shpd')];

    // Leads (times in UTC; Shanghai is UTC+8). L6 came in at 00:30 on 1 January Shanghai time, L7 at 00:30 on 1 February.
    const l1 = await lead({ assignee: consultantA, source: 'AUTOHOME', stage: 'DELIVERED', createdAt: '2020-01-05 02:00:00', firstContactedAt: '2020-01-05 03:00:00', orderedAt: '2020-01-15 02:00:00', deliveredAt: '2020-01-20 02:00:00' });
    const l2 = await lead({ assignee: consultantA, source: 'AUTOHOME', stage: 'ORDERED', createdAt: '2020-01-06 02:00:00', firstContactedAt: '2020-01-06 06:00:00', orderedAt: '2020-01-26 02:00:00' });
    const l3 = await lead({ assignee: consultantA, source: 'DOUYIN', stage: 'LOST', createdAt: '2020-01-07 02:00:00', firstContactedAt: '2020-01-07 02:30:00', lostReason: 'PRICE' });
    await stageChanges(l3, ['NEW', 'CONTACTED', 'INVITED', 'TEST_DRIVEN', 'LOST'], '2020-01-09 02:00:00');
    const l4 = await lead({ assignee: consultantB, source: 'DOUYIN', stage: 'NEW', createdAt: '2020-01-08 02:00:00' });
    const l5 = await lead({ assignee: consultantB, source: 'WALK_IN', stage: 'LOST', createdAt: '2020-01-09 02:00:00', firstContactedAt: '2020-01-09 03:59:00', lostReason: 'COMPETITOR' });
    await stageChanges(l5, ['NEW', 'CONTACTED', 'LOST'], '2020-01-10 02:00:00');
    await lead({ assignee: consultantB, source: 'WALK_IN', stage: 'INVITED', createdAt: '2019-12-31 16:30:00', firstContactedAt: '2019-12-31 18:00:00' });
    await lead({ assignee: consultantA, source: 'AUTOHOME', stage: 'ORDERED', createdAt: '2020-01-31 16:30:00', orderedAt: '2020-02-05 02:00:00' });

    // Completed test drives of L1 and L3; a cancelled one of L4 does not count.
    const [car] = await db<{ id: number; modelId: number }>('SELECT id, model_id AS modelId FROM test_drive_cars WHERE store_id = 1 LIMIT 1');
    for (const [leadId, status, day] of [[l1, 'COMPLETED', '08'], [l3, 'COMPLETED', '09'], [l4, 'CANCELLED', '10']] as const) {
      const [owner] = await db<{ customerId: number }>('SELECT customer_id AS customerId FROM leads WHERE id = ?', [leadId]);
      await db(
        `INSERT INTO test_drive_bookings (customer_id, store_id, model_id, car_id, lead_id, start_at, end_at, status, contact_name, mobile, updated_at)
         VALUES (?, 1, ?, ?, ?, ?, ?, ?, '看板', ?, NOW(3))`,
        [owner.customerId, car.modelId, car.id, leadId, `2020-01-${day} 02:00:00`, `2020-01-${day} 03:00:00`, status, uniqueMobile()],
      );
    }

    await followUp(l1, consultantA, '2020-01-05 04:00:00');
    await followUp(l1, consultantA, '2020-01-05 08:00:00');
    await followUp(l2, consultantA, '2020-01-06 04:00:00');
    await followUp(l4, consultantB, '2020-01-08 04:00:00');
    await followUp(l4, consultantB, '2020-01-10 04:00:00');

    await task(l1, consultantA, '2020-01-10 02:00:00', 'DONE', '2020-01-10 01:00:00');
    await task(l2, consultantA, '2020-01-11 02:00:00', 'DONE', '2020-01-12 02:00:00');
    await task(l4, consultantB, '2020-01-12 02:00:00', 'OPEN');
    await task(l4, consultantB, '2020-01-13 02:00:00', 'CANCELLED');

    // Workshop: V1 was settled in June 2019 and comes back in January (a return); V2 twice in January (the second returns).
    const vehicles = await db<{ id: number; ownerId: number }>('SELECT id, owner_id AS ownerId FROM vehicles ORDER BY id LIMIT 2');
    const workOrder = (vehicle: { id: number; ownerId: number }, settledAt: string, totalFen: number) =>
      db(
        `INSERT INTO work_orders (store_id, vehicle_id, customer_id, advisor_id, service_type, status, check_in_mileage, total_fen, checked_in_at, settled_at, updated_at)
         VALUES (1, ?, ?, ?, 'MAINTENANCE', 'SETTLED', 10000, ?, ?, ?, NOW(3))`,
        [vehicle.id, vehicle.ownerId, advisor, totalFen, settledAt, settledAt],
      );
    await workOrder(vehicles[0], '2019-06-10 02:00:00', 50_000);
    await workOrder(vehicles[0], '2020-01-10 02:00:00', 100_000);
    await workOrder(vehicles[1], '2020-01-20 02:00:00', 30_000);
    await workOrder(vehicles[1], '2020-01-25 02:00:00', 20_000);
    for (const [status, day] of [['CHECKED_IN', '10'], ['NO_SHOW', '11'], ['CANCELLED', '12'], ['CHECKED_IN', '15']]) {
      await db(
        `INSERT INTO service_bookings (customer_id, vehicle_id, store_id, service_type, start_at, end_at, status, item_ids, contact_name, mobile, updated_at)
         VALUES (?, ?, 1, 'MAINTENANCE', ?, ?, ?, '[]', '看板', ?, NOW(3))`,
        [vehicles[0].ownerId, vehicles[0].id, `2020-01-${day} 02:00:00`, `2020-01-${day} 03:00:00`, status, uniqueMobile()],
      );
    }
    let subject = 9_000_000;
    for (const [nps, csat] of [[10, 5], [8, 4], [3, 2], [9, null]]) {
      subject += 1;
      await db("INSERT INTO surveys (kind, subject_id, customer_id, store_id, subject, sent_at, answered_at, nps, csat) VALUES ('SERVICE', ?, ?, 1, '保养', '2020-01-11 02:00:00', '2020-01-11 03:00:00', ?, ?)", [
        subject,
        vehicles[0].ownerId,
        nps,
        csat,
      ]);
    }

    // Points of one member: earned 500 + 300, redeemed 200 (refunded), redeemed 100, expired 50, adjusted +40 and −10, an earning of 300 taken back.
    const member = await customer();
    await db('INSERT INTO points_accounts (customer_id, balance, updated_at) VALUES (?, 180, NOW(3))', [member]);
    const entries: Array<[string, number]> = [['EARN', 500], ['EARN', 300], ['REDEEM', -200], ['REVERSAL', 200], ['REDEEM', -100], ['EXPIRE', -50], ['ADJUST', 40], ['ADJUST', -10], ['REVERSAL', -300]];
    for (const [index, [type, points]] of entries.entries()) {
      await db("INSERT INTO points_entries (customer_id, type, points, balance_after, reason, source, idempotency_key, created_at) VALUES (?, ?, ?, 0, '看板', 'test', ?, ?)", [
        member,
        type,
        points,
        `kpi-e2e-${member}-${index}`,
        `2020-01-${String(5 + index).padStart(2, '0')} 02:00:00`,
      ]);
    }
    await refresh();
  });
  afterAll(() => server?.stop());

  it('computes every sales KPI, the funnel, channels, churn and the leaderboard as worked out by hand', async () => {
    const board = await dashboard(admin, { storeId: 1 });
    expect(board.kpi('newLeads')?.value).toBe(6);
    expect(board.kpi('leadConversion')).toMatchObject({ value: 33.3, numerator: 2, denominator: 6 });
    expect(board.kpi('averageDealCycle')).toMatchObject({ value: 15, numerator: 30, denominator: 2 });
    expect(board.kpi('firstContactOnTime')).toMatchObject({ value: 66.7, numerator: 4, denominator: 6 });
    expect(board.kpi('testDriveToOrder')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(board.kpi('overdueFollowUpRate')).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(board.kpi('ordersSigned')?.value).toBe(2);
    expect(board.kpi('followUps')?.value).toBe(5);
    expect(board.kpi('contacts')?.value).toBe(4);
    expect(board.kpi('testDrives')?.value).toBe(2);
    expect(board.kpi('leadConversion')?.formula).toBe('本期新增线索中已签约的线索数 ÷ 本期新增线索数');

    expect(board.funnel).toEqual([
      { stage: 'NEW', label: '新线索', count: 6, conversion: null },
      { stage: 'CONTACTED', label: '已联系', count: 5, conversion: 83.3 },
      { stage: 'INVITED', label: '已邀约', count: 4, conversion: 80 },
      { stage: 'TEST_DRIVEN', label: '已试驾', count: 3, conversion: 75 },
      { stage: 'QUOTED', label: '已报价', count: 2, conversion: 66.7 },
      { stage: 'ORDERED', label: '已下订', count: 2, conversion: 100 },
      { stage: 'DELIVERED', label: '已交车', count: 1, conversion: 50 },
    ]);
    expect(board.channels).toEqual([
      { source: 'AUTOHOME', label: '汽车之家', leads: 2, ordered: 2, conversion: 100 },
      { source: 'DOUYIN', label: '抖音', leads: 2, ordered: 0, conversion: 0 },
      { source: 'WALK_IN', label: '到店', leads: 2, ordered: 0, conversion: 0 },
    ]);
    expect(board.churn).toEqual(
      expect.arrayContaining([
        { stage: 'TEST_DRIVEN', stageLabel: '已试驾', reason: 'PRICE', reasonLabel: '价格', count: 1 },
        { stage: 'CONTACTED', stageLabel: '已联系', reason: 'COMPETITOR', reasonLabel: '竞品', count: 1 },
      ]),
    );
    expect(board.leaderboard).toEqual([
      { consultant: { id: consultantA, name: '王晓明' }, store: expect.objectContaining({ id: 1 }), newLeads: 3, contacts: 2, followUps: 3, testDrives: 2, ordersSigned: 2, conversion: 66.7 },
      { consultant: { id: consultantB, name: '赵敏' }, store: expect.objectContaining({ id: 1 }), newLeads: 3, contacts: 2, followUps: 2, testDrives: 0, ordersSigned: 0, conversion: 0 },
    ]);
    const trend = board.trend as unknown as { granularity: string; points: Array<{ period: string; newLeads: number; ordersSigned: number; followUps: number; testDrives: number }> };
    expect(trend.granularity).toBe('day');
    expect(trend.points).toHaveLength(31);
    expect(trend.points.find((point) => point.period === '2020-01-01')).toMatchObject({ newLeads: 1 });
    expect(trend.points.find((point) => point.period === '2020-01-05')).toMatchObject({ newLeads: 1, followUps: 2 });
    expect(trend.points.find((point) => point.period === '2020-01-26')).toMatchObject({ ordersSigned: 1 });
  });

  it('computes the service and member KPIs as worked out by hand', async () => {
    const board = await dashboard(admin);
    expect(board.kpi('bookingShowUp')).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(board.kpi('returnWithin12Months')).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(board.kpi('averageTicket')).toMatchObject({ value: 50_000, numerator: 150_000, denominator: 3 });
    expect(board.kpi('csat')).toMatchObject({ value: 3.67, numerator: 11, denominator: 3 });
    expect(board.kpi('nps')).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
    expect(board.kpi('pointsIssued')?.value).toBe(540);
    expect(board.kpi('pointsRedeemed')?.value).toBe(100);
    expect(board.kpi('pointsExpired')?.value).toBe(50);
    const [{ members, balance }] = await db<{ members: number; balance: string }>('SELECT COUNT(*) AS members, SUM(balance) AS balance FROM points_accounts');
    expect(board.kpi('activeMembers')).toMatchObject({ numerator: 1, denominator: Number(members) });
    expect(board.kpi('pointsLiability')).toMatchObject({ value: Number(balance), numerator: Number(balance) });
  });

  it('rebuilds only what changed: a lead ordered later moves its own creation day and the day it signed', async () => {
    const [l4] = await db<{ id: number }>("SELECT id FROM leads WHERE created_at = '2020-01-08 02:00:00'");
    await db("UPDATE leads SET stage = 'ORDERED', first_contacted_at = '2020-01-08 03:00:00', ordered_at = '2020-01-28 02:00:00', updated_at = NOW(3) WHERE id = ?", [l4.id]);
    await refresh();
    const board = await dashboard(admin, { storeId: 1 });
    expect(board.kpi('leadConversion')).toMatchObject({ value: 50, numerator: 3, denominator: 6 });
    expect(board.kpi('ordersSigned')?.value).toBe(3);
    expect(board.kpi('firstContactOnTime')).toMatchObject({ numerator: 5 });
    expect(board.kpi('averageDealCycle')).toMatchObject({ value: 16.7, numerator: 50, denominator: 3 });
  });

  it('shows each role its sections, within its scope', async () => {
    const consultant = await dashboard(await staffToken(server.baseUrl, 'sc1.shpd'), { consultantId: consultantB });
    expect(consultant.applied).toEqual({ storeIds: null, consultantId: consultantA });
    expect(consultant.kpi('newLeads')?.value).toBe(3);
    expect(consultant.kpi('bookingShowUp')).toBeUndefined();
    expect(consultant.kpi('pointsIssued')).toBeUndefined();

    const otherRegion = await dashboard(await staffToken(server.baseUrl, 'rm.hz'), { storeId: 1 });
    expect(otherRegion.applied).toMatchObject({ storeIds: [] });
    expect(otherRegion.kpi('newLeads')?.value).toBe(0);
    expect(otherRegion.funnel).toEqual(expect.arrayContaining([expect.objectContaining({ stage: 'NEW', count: 0 })]));

    const manager = await dashboard(await staffToken(server.baseUrl, 'sm.shpd'), { consultantId: consultantB });
    expect(manager.applied).toEqual({ storeIds: [1], consultantId: consultantB });
    expect(manager.kpi('newLeads')?.value).toBe(3);
    expect(manager.kpi('bookingShowUp')?.denominator).toBe(3);

    const advisorBoard = await dashboard(await staffToken(server.baseUrl, 'sa.shpd'));
    expect(advisorBoard.kpi('newLeads')).toBeUndefined();
    expect(advisorBoard.kpi('averageTicket')?.value).toBe(50_000);
    expect(advisorBoard.funnel).toEqual([]);

    const marketer = await dashboard(await staffToken(server.baseUrl, 'marketer'));
    expect([...new Set((marketer.kpis as unknown as Kpi[]).map((kpi) => kpi.key))]).toEqual(['activeMembers', 'pointsIssued', 'pointsRedeemed', 'pointsExpired', 'pointsLiability']);
  });

  it('refuses a period that ends before it starts, with the field named', async () => {
    const response = await api().get('/api/analytics/dashboard').query({ from: '2020-02-01', to: '2020-01-01' }).set(bearer(admin));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('to');
    expect((await api().get('/api/analytics/dashboard').query({ from: 'yesterday', to: '2020-01-01' }).set(bearer(admin))).status).toBe(400);
  });

  it('exports the KPI tables as .xlsx and audits it', async () => {
    const exported = await api()
      .get('/api/analytics/dashboard/export')
      .query({ ...period, storeId: 1 })
      .set(bearer(admin))
      .buffer(true)
      .parse(binaryBody);
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['指标', '销售漏斗', '顾问排行', '渠道质量', '战败分析', '趋势']);
    const conversion = workbook.getWorksheet('指标')!.getRows(2, 30)!.find((row) => row.getCell(1).value === '线索转化率')!;
    expect(conversion.getCell(2).value).toBe(50);
    const audits = await api().get('/api/audit-logs').query({ action: 'export.created', entityType: 'dashboard' }).set(bearer(admin));
    expect(audits.body.items[0]).toMatchObject({ entityType: 'dashboard', after: { filters: { storeId: 1 } } });
  });
});
