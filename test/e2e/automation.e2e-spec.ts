import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

/** 10:00 in Shanghai on a Wednesday: SMS may go out. */
const START = '2027-03-10T02:00:00.000Z';
const FAILING_MOBILE = '13900009999';

interface Recorded {
  channel: string;
  key: string;
  to: string;
  duplicate: boolean;
}

/**
 * Reminders, the outbox and its dispatcher on one instance, with a controlled clock and jobs run on demand:
 * each reminder is written once however often the scan runs, quiet hours hold SMS until 08:00, an opted-out
 * channel gets nothing, failures retry with backoff and then park for a person, and every send lands on the
 * customer's timeline. Surveys, complaints and campaigns go through the same outbox.
 */
describe('automation: reminders, outbox, surveys, complaints, campaigns', () => {
  const channelLog = join(tmpdir(), `automation-e2e-${process.pid}-${Date.now()}.jsonl`);
  let server: TestServer;
  let admin: string;
  let storeId: number;
  let modelId: number;

  const api = () => request(server.baseUrl);
  const recorded = (): Recorded[] => {
    try {
      return readFileSync(channelLog, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Recorded);
    } catch {
      return [];
    }
  };
  const setClock = async (now: string) => {
    const response = await api().put('/api/dev/clock').set(bearer(admin)).send({ now, speed: 0 });
    expect(response.status).toBe(200);
  };
  const run = async (job: string): Promise<number> => {
    const response = await api().post(`/api/dev/jobs/${job}/run`).set(bearer(admin));
    expect(response.status).toBe(200);
    expect(response.body.ran).toBe(true);
    return response.body.count as number;
  };
  const outboxOf = (customerId: number) => sql<{ id: number; dedupe_key: string; status: string; channel: string; attempts: number; next_attempt_at: Date; last_error: string | null; rule_id: number | null }>(server.databaseUrl, 'SELECT * FROM outbox_messages WHERE customer_id = ? ORDER BY id', [customerId]);
  const ruleId = async (kind: string, daysBefore?: number) =>
    Number((await sql<{ id: number }>(server.databaseUrl, `SELECT id FROM reminder_rules WHERE kind = ?${daysBefore === undefined ? '' : ' AND days_before = ?'}`, daysBefore === undefined ? [kind] : [kind, daysBefore]))[0].id);

  async function owner(options: { mobile?: string; openid?: string | null; birthday?: string } = {}) {
    const mobile = options.mobile ?? uniqueMobile();
    await sql(server.databaseUrl, "INSERT INTO customers (mobile, name, openid, birthday, updated_at) VALUES (?, '测试车主', ?, ?, NOW(3))", [mobile, options.openid ?? null, options.birthday ?? null]);
    const [row] = await sql<{ id: number }>(server.databaseUrl, 'SELECT id FROM customers WHERE mobile = ?', [mobile]);
    return { id: Number(row.id), mobile };
  }

  async function vehicle(ownerId: number, fields: { insuranceExpiresOn?: string; deliveredAt?: string; lastServiceAt?: string }) {
    const vin = uniqueVin();
    const deliveredAt = fields.deliveredAt ?? '2026-12-01T02:00:00.000Z';
    await sql(
      server.databaseUrl,
      'INSERT INTO vehicles (vin, plate, model_id, owner_id, store_id, delivered_at, mileage_read_at, insurance_expires_on, last_service_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))',
      [vin, uniquePlate(), modelId, ownerId, storeId, new Date(deliveredAt), new Date(deliveredAt), fields.insuranceExpiresOn ?? null, fields.lastServiceAt ? new Date(fields.lastServiceAt) : null],
    );
    const [row] = await sql<{ id: number }>(server.databaseUrl, 'SELECT id FROM vehicles WHERE vin = ?', [vin]);
    return Number(row.id);
  }

  beforeAll(async () => {
    server = await startTestServer({ env: { CLOCK_MODE: 'controlled', CLOCK_START: START, CLOCK_SPEED: '0', DEV_CHANNEL_LOG: channelLog, DEV_CHANNEL_FAILING_RECIPIENTS: FAILING_MOBILE } });
    admin = await staffToken(server.baseUrl, 'admin');
    [{ id: storeId }] = (await sql<{ id: number }>(server.databaseUrl, "SELECT id FROM stores WHERE code = 'SH-PD'")).map((row) => ({ id: Number(row.id) }));
    [{ id: modelId }] = (await sql<{ id: number }>(server.databaseUrl, 'SELECT id FROM vehicle_models ORDER BY id LIMIT 1')).map((row) => ({ id: Number(row.id) }));
    await setClock(START);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(channelLog, { force: true });
  });

  it('writes each insurance reminder once however often the scan runs, sends it, and puts it on the timeline', async () => {
    const customer = await owner();
    await vehicle(customer.id, { insuranceExpiresOn: '2027-04-09' }); // 30 days after START
    await run('reminders');
    await run('reminders');
    const queued = await outboxOf(customer.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: 'PENDING', channel: 'SMS', rule_id: await ruleId('INSURANCE_RENEWAL', 30) });

    await run('dispatch');
    await run('dispatch');
    const [sent] = await outboxOf(customer.id);
    expect(sent.status).toBe('SENT');
    const sends = recorded().filter((entry) => entry.key === sent.dedupe_key);
    expect(sends).toEqual([expect.objectContaining({ channel: 'SMS', to: customer.mobile, duplicate: false })]);

    const token = await ownerToken(server.baseUrl, customer.mobile);
    const inbox = await api().get('/api/me/messages').set(bearer(token));
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toEqual([expect.objectContaining({ channel: 'SMS', title: '续保提醒（30天）', readAt: null })]);
    expect(inbox.body.items[0].body).toContain('2027-04-09');
    const unread = await api().get('/api/me/messages/unread-count').set(bearer(token));
    expect(unread.body).toEqual({ count: 1 });
    const read = await api().post(`/api/me/messages/${inbox.body.items[0].id}/read`).set(bearer(token));
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();

    const timeline = await api().get(`/api/automation/messages?customerId=${customer.id}`).set(bearer(admin));
    expect(timeline.body.total).toBe(1);
  });

  it('holds an SMS due at night until 08:00 Shanghai, then sends it', async () => {
    await setClock('2027-03-10T14:30:00.000Z'); // 22:30 Shanghai
    const customer = await owner();
    await vehicle(customer.id, { insuranceExpiresOn: '2027-04-09' });
    await run('reminders');
    await run('dispatch');
    const [held] = await outboxOf(customer.id);
    expect(held.status).toBe('PENDING');
    expect(new Date(held.next_attempt_at).toISOString()).toBe('2027-03-11T00:00:00.000Z');
    expect(recorded().some((entry) => entry.key === held.dedupe_key)).toBe(false);

    await setClock('2027-03-10T23:59:00.000Z'); // 07:59: still quiet
    await run('dispatch');
    expect((await outboxOf(customer.id))[0].status).toBe('PENDING');

    await setClock('2027-03-11T00:00:30.000Z'); // 08:00:30
    await run('dispatch');
    expect((await outboxOf(customer.id))[0].status).toBe('SENT');
    expect(recorded().filter((entry) => entry.key === held.dedupe_key)).toHaveLength(1);
    await setClock(START);
  });

  it('sends nothing on a channel the customer turned off: queued before, it is skipped with the reason; after, it goes to the inbox only', async () => {
    const customer = await owner();
    await vehicle(customer.id, { insuranceExpiresOn: '2027-03-17' }); // the 7-day rule
    const token = await ownerToken(server.baseUrl, customer.mobile);
    await run('reminders');
    const off = await api().put('/api/me/message-preferences').set(bearer(token)).send({ sms: false });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ wechat: true, sms: false });
    expect((await api().get('/api/me/message-preferences').set(bearer(token))).body).toEqual({ wechat: true, sms: false });
    await run('dispatch');
    const [skipped] = await outboxOf(customer.id);
    expect(skipped).toMatchObject({ status: 'SKIPPED', channel: 'SMS', last_error: '客户已退订短信' });
    expect(recorded().some((entry) => entry.key === skipped.dedupe_key)).toBe(false);

    // A reminder written after the opt-out: no SMS, no WeChat (none bound), only the inbox.
    await vehicle(customer.id, { insuranceExpiresOn: '2027-04-09' });
    await run('reminders');
    await run('dispatch');
    const [, inboxOnly] = await outboxOf(customer.id);
    expect(inboxOnly).toMatchObject({ status: 'SENT', channel: 'IN_APP' });
    expect(recorded().some((entry) => entry.key === inboxOnly.dedupe_key)).toBe(false);
    const inbox = await api().get('/api/me/messages').set(bearer(token));
    expect(inbox.body.items.map((item: { channel: string }) => item.channel)).toEqual(['IN_APP']);

    const bad = await api().put('/api/me/message-preferences').set(bearer(token)).send({ sms: 'no' });
    expect(bad.status).toBe(400);
  });

  it('retries a failing send with backoff, parks it after the last attempt, and a person can resend it', async () => {
    const customer = await owner({ mobile: FAILING_MOBILE });
    await vehicle(customer.id, { insuranceExpiresOn: '2027-04-09' });
    await run('reminders');
    let clock = new Date(START).getTime();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await run('dispatch');
      const [row] = await outboxOf(customer.id);
      expect(row.attempts).toBe(attempt);
      if (attempt < 5) {
        expect(row.status).toBe('PENDING');
        clock = new Date(row.next_attempt_at).getTime() + 1000;
        await setClock(new Date(clock).toISOString());
      } else {
        expect(row.status).toBe('DEAD');
        expect(row.last_error).toContain('unavailable');
      }
    }
    const [dead] = await outboxOf(customer.id);
    const parked = await api().get('/api/automation/outbox?status=DEAD').set(bearer(admin));
    expect(parked.status).toBe(200);
    expect(parked.body.items.map((item: { id: number }) => item.id)).toContain(dead.id);
    const summary = await api().get('/api/automation/outbox/summary').set(bearer(admin));
    expect(summary.body.DEAD).toBeGreaterThanOrEqual(1);

    const resent = await api().post(`/api/automation/outbox/${dead.id}/resend`).set(bearer(admin));
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'PENDING', attempts: 0 });
    const again = await api().post(`/api/automation/outbox/${dead.id}/resend`).set(bearer(admin));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('OUTBOX_NOT_RESENDABLE');
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    expect((await api().post(`/api/automation/outbox/${dead.id}/resend`).set(bearer(consultant))).status).toBe(403);
    await setClock(START);
  });

  it('greets a member on their birthday with gift points given once, on WeChat when they have it', async () => {
    const customer = await owner({ openid: `birthday-${Date.now()}` });
    const token = await ownerToken(server.baseUrl, customer.mobile);
    const patched = await api().patch('/api/me').set(bearer(token)).send({ birthday: '1990-03-10' });
    expect(patched.status).toBe(200);
    expect(patched.body.birthday).toBe('1990-03-10');
    expect((await api().patch('/api/me').set(bearer(token)).send({ birthday: '2099-12-31' })).body.code).toBe('BIRTHDAY_INVALID');
    await run('reminders');
    await run('reminders');
    await run('dispatch');
    const rows = await outboxOf(customer.id);
    expect(rows).toEqual([expect.objectContaining({ status: 'SENT', channel: 'WECHAT' })]);
    const points = await api().get('/api/me/points').set(bearer(token));
    expect(points.body.balance).toBe(200);
  });

  it('turns a dormant owner into a call-back task for a service advisor, once', async () => {
    const customer = await owner();
    const vehicleId = await vehicle(customer.id, { deliveredAt: '2025-12-01T02:00:00.000Z', lastServiceAt: '2026-03-10T02:00:00.000Z' });
    await run('reminders');
    await run('reminders');
    await run('dispatch');
    const tasks = await sql<{ kind: string; assignee_id: number; vehicle_id: number }>(server.databaseUrl, 'SELECT kind, assignee_id, vehicle_id FROM tasks WHERE vehicle_id = ?', [vehicleId]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].kind).toBe('SERVICE_CALLBACK');
    const [advisor] = await sql<{ id: number }>(server.databaseUrl, "SELECT id FROM staff WHERE username = 'sa.shpd'");
    expect(Number(tasks[0].assignee_id)).toBe(Number(advisor.id));
    const sa = await staffToken(server.baseUrl, 'sa.shpd');
    const bell = await api().get('/api/notifications?unread=true').set(bearer(sa));
    expect(bell.body.items.some((item: { kind: string; body: string }) => item.kind === 'REMINDER' && item.body.includes('12 个月未到店'))).toBe(true);
  });

  it('switches a rule off and on: an off rule writes nothing', async () => {
    const id = await ruleId('WARRANTY_ENDING');
    const rules = await api().get('/api/automation/reminder-rules').set(bearer(admin));
    expect(rules.status).toBe(200);
    expect(rules.body.length).toBeGreaterThanOrEqual(10);
    const off = await api().patch(`/api/automation/reminder-rules/${id}`).set(bearer(admin)).send({ enabled: false });
    expect(off.body.enabled).toBe(false);
    const customer = await owner();
    const vehicleId = await vehicle(customer.id, {});
    await sql(server.databaseUrl, "UPDATE vehicles SET warranty_ends_on = '2027-04-09' WHERE id = ?", [vehicleId]);
    await run('reminders');
    expect(await outboxOf(customer.id)).toHaveLength(0);
    await api().patch(`/api/automation/reminder-rules/${id}`).set(bearer(admin)).send({ enabled: true, template: '{plate}质保{date}到期' });
    await run('reminders');
    const [row] = await outboxOf(customer.id);
    expect(row.rule_id).toBe(id);
    expect((await api().patch(`/api/automation/reminder-rules/${id}`).set(bearer(admin)).send({ channel: 'FAX' })).status).toBe(400);
    const clash = await api().patch(`/api/automation/reminder-rules/${await ruleId('INSURANCE_RENEWAL', 7)}`).set(bearer(admin)).send({ daysBefore: 30 });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('REMINDER_RULE_DUPLICATE');
  });

  it('sends a survey after a settlement; the answer earns points once; a low score opens a complaint with a 24-hour SLA', async () => {
    const customer = await owner();
    const token = await ownerToken(server.baseUrl, customer.mobile);
    const workOrderId = 900_000 + Math.floor(Math.random() * 1000);
    await sql(server.databaseUrl, "INSERT INTO domain_events (type, subject_id, payload, occurred_at) VALUES ('service.settled', ?, ?, ?)", [
      workOrderId,
      JSON.stringify({ workOrderId, customerId: customer.id, storeId, vehicleId: 0, totalFen: 0, subject: '保养维修 · 沪A00001' }),
      new Date(START),
    ]);
    await run('surveys');
    await run('surveys');
    await run('dispatch');
    const pending = await api().get('/api/me/surveys?pending=true').set(bearer(token));
    expect(pending.body.items).toEqual([expect.objectContaining({ kind: 'SERVICE', subject: '保养维修 · 沪A00001', answeredAt: null, rewardPoints: 50 })]);
    const surveyId = pending.body.items[0].id as number;
    const inbox = await api().get('/api/me/messages').set(bearer(token));
    expect(inbox.body.items[0].page).toBe(`pages/feedback/survey/index?id=${surveyId}`);

    expect((await api().post(`/api/me/surveys/${surveyId}/answer`).set(bearer(token)).send({ nps: 11, csat: 3 })).status).toBe(400);
    const answered = await api().post(`/api/me/surveys/${surveyId}/answer`).set(bearer(token)).send({ nps: 3, csat: 2, comment: '等了两个小时' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ nps: 3, csat: 2, comment: '等了两个小时' });
    const twice = await api().post(`/api/me/surveys/${surveyId}/answer`).set(bearer(token)).send({ nps: 10, csat: 5 });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SURVEY_ALREADY_ANSWERED');
    const stranger = await ownerToken(server.baseUrl, uniqueMobile());
    expect((await api().get(`/api/me/surveys/${surveyId}`).set(bearer(stranger))).status).toBe(404);

    await run('loyalty-earn-from-events');
    await run('loyalty-earn-from-events');
    expect((await api().get('/api/me/points').set(bearer(token))).body.balance).toBe(50);

    const manager = await staffToken(server.baseUrl, 'sm.shpd');
    const complaints = await api().get('/api/complaints?status=OPEN').set(bearer(manager));
    const complaint = complaints.body.items.find((item: { surveyId: number | null }) => item.surveyId === surveyId);
    expect(complaint).toMatchObject({ source: 'SURVEY', status: 'OPEN', overdue: false, firstResponseDueAt: '2027-03-11T02:00:00.000Z' });
    expect(complaint.content).toContain('等了两个小时');
    const otherStore = await staffToken(server.baseUrl, 'sm.hzxh');
    expect((await api().get(`/api/complaints/${complaint.id}`).set(bearer(otherStore))).status).toBe(404);

    const summary = await api().get('/api/surveys/summary').set(bearer(manager));
    expect(summary.body).toMatchObject({ answered: 1, detractors: 1, nps: -100, csatAverage: 2 });

    // 25 hours later with no response: escalated to the region manager, once.
    await setClock('2027-03-11T03:00:00.000Z');
    expect(await run('escalate-late-complaints')).toBeGreaterThanOrEqual(1);
    await run('escalate-late-complaints');
    const late = await api().get(`/api/complaints/${complaint.id}`).set(bearer(manager));
    expect(late.body).toMatchObject({ overdue: true });
    expect(late.body.escalatedAt).not.toBeNull();
    const regionManager = await staffToken(server.baseUrl, 'rm.sh');
    const bell = await api().get('/api/notifications').set(bearer(regionManager));
    expect(bell.body.items.filter((item: { kind: string; body: string }) => item.kind === 'COMPLAINT_LATE' && item.body.includes('等了两个小时'))).toHaveLength(1);

    const skip = await api().post(`/api/complaints/${complaint.id}/notes`).set(bearer(manager)).send({ note: '直接关闭', status: 'CLOSED' });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('COMPLAINT_TRANSITION_INVALID');
    const working = await api().post(`/api/complaints/${complaint.id}/notes`).set(bearer(manager)).send({ note: '已致电客户致歉', status: 'IN_PROGRESS' });
    expect(working.status).toBe(201);
    expect(working.body.firstRespondedAt).not.toBeNull();
    const noResolution = await api().post(`/api/complaints/${complaint.id}/notes`).set(bearer(manager)).send({ note: '处理完毕', status: 'RESOLVED' });
    expect(noResolution.body.code).toBe('RESOLUTION_REQUIRED');
    const resolved = await api().post(`/api/complaints/${complaint.id}/notes`).set(bearer(manager)).send({ note: '处理完毕', status: 'RESOLVED', resolution: '赠送一次免费保养' });
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolution: '赠送一次免费保养' });
    expect(resolved.body.notes).toHaveLength(2);
    await run('dispatch');
    const mine = await api().get('/api/me/complaints').set(bearer(token));
    expect(mine.body).toEqual([expect.objectContaining({ status: 'RESOLVED', resolution: '赠送一次免费保养' })]);
    const told = await api().get('/api/me/messages').set(bearer(token));
    expect(told.body.items.some((item: { title: string }) => item.title === '您的投诉已处理')).toBe(true);
    await setClock(START);
  });

  it('lets an owner raise a complaint that goes to their car’s store', async () => {
    const customer = await owner();
    await vehicle(customer.id, {});
    const token = await ownerToken(server.baseUrl, customer.mobile);
    const short = await api().post('/api/me/complaints').set(bearer(token)).send({ category: 'WAITING', content: '慢' });
    expect(short.status).toBe(400);
    const raised = await api().post('/api/me/complaints').set(bearer(token)).send({ category: 'WAITING', content: '到店后四十分钟无人接待' });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ status: 'OPEN', category: 'WAITING', store: { id: storeId } });
    const nobody = await ownerToken(server.baseUrl, uniqueMobile());
    const noStore = await api().post('/api/me/complaints').set(bearer(nobody)).send({ category: 'OTHER', content: '没有车也想投诉一下' });
    expect(noStore.body.code).toBe('STORE_REQUIRED');
  });

  it('launches a campaign once: the holdout gets nothing, each recipient one message and one bonus', async () => {
    const members = await Promise.all(Array.from({ length: 30 }, () => owner()));
    for (const member of members) await sql(server.databaseUrl, "INSERT INTO points_accounts (customer_id, balance, tier, updated_at) VALUES (?, 0, 'GOLD', NOW(3))", [member.id]);
    const marketer = await staffToken(server.baseUrl, 'marketer');
    const segment = await api().post('/api/marketing/segments').set(bearer(marketer)).send({ name: '金卡会员', filter: { tiers: ['GOLD'] } });
    expect(segment.status).toBe(201);
    const created = await api()
      .post('/api/marketing/campaigns')
      .set(bearer(marketer))
      .send({ name: '金卡回店礼', segmentId: segment.body.id, channel: 'SMS', title: '金卡专享', content: '{name}，回店保养送 {points} 积分', bonusPoints: 100, holdoutPercent: 30, scheduledAt: '2027-03-10T03:00:00.000Z' });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('SCHEDULED');
    const past = await api().post(`/api/marketing/campaigns/${created.body.id}/schedule`).set(bearer(marketer)).send({ scheduledAt: '2027-01-01T00:00:00.000Z' });
    expect(past.body.code).toBe('SCHEDULE_IN_PAST');

    await run('campaigns'); // not yet due
    expect((await api().get(`/api/marketing/campaigns/${created.body.id}`).set(bearer(marketer))).body.status).toBe('SCHEDULED');
    await setClock('2027-03-10T03:01:00.000Z');
    await run('campaigns');
    await run('campaigns');
    const launched = await api().get(`/api/marketing/campaigns/${created.body.id}`).set(bearer(marketer));
    expect(launched.body.status).toBe('SENT');
    expect(launched.body.recipients + launched.body.holdout).toBe(members.length);
    expect(launched.body.holdout).toBeGreaterThan(0);
    const edit = await api().patch(`/api/marketing/campaigns/${created.body.id}`).set(bearer(marketer)).send({ name: '改名', segmentId: segment.body.id, channel: 'SMS', title: 't', content: 'c' });
    expect(edit.body.code).toBe('CAMPAIGN_NOT_EDITABLE');

    for (let round = 0; round < 5; round += 1) await run('dispatch');
    const holdout = await sql<{ customer_id: number }>(server.databaseUrl, 'SELECT customer_id FROM campaign_recipients WHERE campaign_id = ? AND holdout = 1', [created.body.id]);
    const held = new Set(holdout.map((row) => Number(row.customer_id)));
    const messages = await sql<{ customer_id: number; status: string }>(server.databaseUrl, 'SELECT customer_id, status FROM outbox_messages WHERE campaign_id = ?', [created.body.id]);
    expect(messages).toHaveLength(members.length - held.size);
    expect(messages.every((message) => !held.has(Number(message.customer_id)) && message.status === 'SENT')).toBe(true);
    const bonuses = await sql<{ customer_id: number; n: number }>(server.databaseUrl, "SELECT customer_id, COUNT(*) AS n FROM points_entries WHERE source = 'campaign' GROUP BY customer_id");
    expect(bonuses).toHaveLength(members.length - held.size);
    expect(bonuses.every((row) => Number(row.n) === 1 && !held.has(Number(row.customer_id)))).toBe(true);

    const report = await api().get(`/api/marketing/campaigns/${created.body.id}/report`).set(bearer(marketer));
    expect(report.status).toBe(200);
    expect(report.body.recipients.members).toBe(members.length - held.size);
    expect(report.body.holdout.members).toBe(held.size);
    expect(report.body.delivery).toMatchObject({ sent: members.length - held.size, pending: 0 });
    const inUse = await api().delete(`/api/marketing/segments/${segment.body.id}`).set(bearer(marketer));
    expect(inUse.body.code).toBe('SEGMENT_IN_USE');
    await setClock(START);
  });

  it('refuses the dev clock to anyone but an admin', async () => {
    const marketer = await staffToken(server.baseUrl, 'marketer');
    expect((await api().put('/api/dev/clock').set(bearer(marketer)).send({ now: START })).status).toBe(403);
    expect((await api().post('/api/dev/jobs/nope/run').set(bearer(admin))).body.code).toBe('JOB_NOT_FOUND');
  });
});
