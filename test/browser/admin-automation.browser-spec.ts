import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile } from '../support/api';
import { launchBrowser } from '../support/browser';
import { sql } from '../support/database';
import { settle, shanghaiDate, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const COMPLAINT = '等待时间太长了，没人招呼';
const SURVEY_COMMENT = '洗车没洗干净，车里还有泥';
/** The dev SMS channel fails every send to this number (DEV_CHANNEL_FAILING_RECIPIENTS). */
const FAILING_MOBILE = '13900009999';
const NOTE = '已致电客户致歉，约定周六到店由店总接待';
const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';
/** Business time for the suite: today 10:00 in Shanghai, inside the hours SMS may go out. */
const TODAY = shanghaiDate(new Date());
const NOW = new Date(`${TODAY}T02:00:00Z`).toISOString();
const masked = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(7)}`;

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(180_000);

interface Rule {
  id: number;
  kind: string;
  name: string;
  enabled: boolean;
  template: string;
}

describe('customer care in the admin: reminders, outbox, surveys and complaints', () => {
  let server: TestServer;
  let browser: Browser;
  let adminToken: string;
  // All born today: 黄女士 gets her birthday greeting by SMS, the second turned SMS off and is skipped,
  // the third's number fails every send until the message is parked for a person.
  const customer = { id: 0, mobile: uniqueMobile(), token: '' };
  const optedOut = { id: 0, mobile: uniqueMobile(), token: '' };
  const failing = { id: 0, mobile: FAILING_MOBILE };
  let storeId = 0;
  let complaintId = 0;

  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(SHOTS_DIR, name), fullPage });

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    // A stopped clock the test moves itself, so reminder, dispatch and survey jobs can be run on demand.
    server = await startTestServer({
      env: { CLOCK_MODE: 'controlled', CLOCK_START: NOW, CLOCK_SPEED: '0', DEV_CHANNEL_FAILING_RECIPIENTS: FAILING_MOBILE },
    });
    browser = await launchBrowser();
    adminToken = await staffToken(server.baseUrl, 'admin');

    const birthday = `1990-${TODAY.slice(5)}`;
    customer.token = await ownerToken(server.baseUrl, customer.mobile);
    customer.id = (await request(server.baseUrl).patch('/api/me').set(bearer(customer.token)).send({ name: '黄女士', birthday }).expect(200)).body.id;
    optedOut.token = await ownerToken(server.baseUrl, optedOut.mobile);
    optedOut.id = (await request(server.baseUrl).patch('/api/me').set(bearer(optedOut.token)).send({ birthday }).expect(200)).body.id;
    await sql(server.databaseUrl, "INSERT INTO customers (mobile, name, birthday, updated_at) VALUES (?, '周先生', ?, NOW(3))", [failing.mobile, birthday]);
    failing.id = Number((await sql<{ id: number }>(server.databaseUrl, 'SELECT id FROM customers WHERE mobile = ?', [failing.mobile]))[0].id);

    // 黄女士 complains in the mini-program about the wait at 上海浦东旗舰店.
    const stores = await request(server.baseUrl).get('/api/stores').expect(200);
    storeId = stores.body.find((store: { code: string }) => store.code === 'SH-PD').id;
    const raised = await request(server.baseUrl)
      .post('/api/me/complaints')
      .set(bearer(customer.token))
      .send({ category: 'WAITING', content: COMPLAINT, storeId });
    expect(raised.status).toBe(201);
    complaintId = raised.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Types into an antd Select that searches as one types, and picks the option that shows `option`. */
  async function choose(page: Page, selectTestId: string, typed: string, option: string) {
    await page.click(`[data-testid=${selectTestId}]`);
    await page.keyboard.type(typed);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  /**
   * Runs a job now. Job locks (GET_LOCK) are named per MySQL server, not per database, so a suite running
   * the same job against the same server at that moment makes the run skip: it is tried again.
   */
  async function runJob(name: string): Promise<void> {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const response = await request(server.baseUrl).post(`/api/dev/jobs/${name}/run`).set(bearer(adminToken)).expect(200);
      if (response.body.ran) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`job ${name} never got its lock`);
  }

  async function setClock(now: string) {
    await request(server.baseUrl).put('/api/dev/clock').set(bearer(adminToken)).send({ now, speed: 0 }).expect(200);
  }

  async function outboxOf(customerId: number): Promise<Array<{ id: number; status: string; attempts: number; nextAttemptAt: string }>> {
    const response = await request(server.baseUrl).get('/api/automation/outbox').query({ customerId }).set(bearer(adminToken)).expect(200);
    return response.body.items;
  }

  async function rules(): Promise<Rule[]> {
    const response = await request(server.baseUrl).get('/api/automation/reminder-rules').set(bearer(adminToken)).expect(200);
    return response.body as Rule[];
  }

  it('switches a reminder rule off and on again, and edits its message with a preview', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'admin');
    const menu = page.locator('[data-testid=admin-menu]');
    expect(await menu.textContent()).toContain('客户关怀');
    await menu.getByText('自动提醒', { exact: true }).click();
    await page.waitForURL(/\/admin\/automation\/rules$/);
    const rows = page.locator('[data-testid=reminder-rule-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const seeded = await rules();
    expect(await rows.count()).toBe(seeded.length);
    await settle(page);
    await shot(page, 'automation-rules.png');

    // 停用 asks first; the server then holds the rule as off.
    const rule = seeded.find((candidate) => candidate.enabled) as Rule;
    const toggle = page.locator(`[data-testid=reminder-rule-enabled-${rule.id}]`);
    await toggle.click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /停\s*用/ }).click();
    await page.locator(`[data-testid=reminder-rule-enabled-${rule.id}][aria-checked=false]`).waitFor();
    expect((await rules()).find((candidate) => candidate.id === rule.id)?.enabled).toBe(false);
    // 启用 needs no confirmation.
    await toggle.click();
    await page.locator(`[data-testid=reminder-rule-enabled-${rule.id}][aria-checked=true]`).waitFor();
    expect((await rules()).find((candidate) => candidate.id === rule.id)?.enabled).toBe(true);

    // The birthday greeting: its gift field shows, a placeholder is inserted and previewed with a sample name.
    const birthday = seeded.find((candidate) => candidate.kind === 'BIRTHDAY') ?? rule;
    await page.click(`[data-testid=reminder-rule-edit-${birthday.id}]`);
    await page.locator('[data-testid=reminder-rule-form]').waitFor();
    if (birthday.kind === 'BIRTHDAY') await page.locator('[data-testid=reminder-rule-gift]').waitFor();
    const template = '{name}您好，祝您生日快乐！生日积分：';
    await page.fill('[data-testid=reminder-rule-template]', template);
    await page.locator('[data-testid=reminder-rule-placeholders]').getByText('{points}').click();
    await page.locator('[data-testid=reminder-rule-preview]').getByText('张先生您好，祝您生日快乐！生日积分：200').waitFor();
    await settle(page);
    await shot(page, 'automation-rule-edit.png', false);
    await page.click('[data-testid=reminder-rule-save]');
    await page.locator('[data-testid=reminder-rule-form]').waitFor({ state: 'detached' });
    expect((await rules()).find((candidate) => candidate.id === birthday.id)?.template).toBe(`${template}{points}`);
    await page.context().close();
  });

  it('shows the outbox with a count per status, filters by a count and sends a failed message again', async () => {
    // Today's run writes the three birthday greetings by SMS; one customer then turns SMS off, so the
    // dispatcher sends one and skips theirs.
    await runJob('reminders');
    await request(server.baseUrl).put('/api/me/message-preferences').set(bearer(optedOut.token)).send({ sms: false }).expect(200);
    await runJob('dispatch');
    // The failing number is retried with backoff until the message is parked as 失败待处理.
    for (let round = 0; round < 10; round += 1) {
      const [greeting] = await outboxOf(failing.id);
      if (greeting.status !== 'PENDING') break;
      await setClock(new Date(new Date(greeting.nextAttemptAt).getTime() + 1000).toISOString());
      await runJob('dispatch');
    }
    const [dead] = await outboxOf(failing.id);
    expect(dead.status).toBe('DEAD');
    const summary = (await request(server.baseUrl).get('/api/automation/outbox/summary').set(bearer(adminToken)).expect(200)).body;
    expect(summary).toEqual(expect.objectContaining({ SENT: expect.any(Number), SKIPPED: expect.any(Number), DEAD: 1 }));
    expect(summary.SENT).toBeGreaterThanOrEqual(1);
    expect(summary.SKIPPED).toBeGreaterThanOrEqual(1);

    const page = await signInToAdmin(browser, server.baseUrl, 'admin');
    await page.locator('[data-testid=admin-menu]').getByText('发送记录', { exact: true }).click();
    await page.waitForURL(/\/admin\/automation\/outbox$/);
    await page.locator('[data-testid=outbox-summary-SENT] .ant-statistic-content').getByText(String(summary.SENT), { exact: true }).waitFor();
    await page.locator('[data-testid=outbox-summary-DEAD] .ant-statistic-content').getByText('1', { exact: true }).waitFor();
    const rows = page.locator('[data-testid=outbox-table] tbody tr.ant-table-row');
    const sent = rows.filter({ hasText: masked(customer.mobile) }).filter({ hasText: '生日快乐' });
    await sent.waitFor();
    expect(await sent.locator('[data-testid=outbox-status]').getAttribute('data-status')).toBe('SENT');
    expect(await sent.textContent()).toContain('黄女士');
    expect(await sent.textContent()).not.toContain(customer.mobile);
    await settle(page);
    await shot(page, 'automation-outbox.png');

    // 已跳过 filters the list; the opted-out member's row says why.
    await page.click('[data-testid=outbox-summary-SKIPPED]');
    await page.waitForURL(/status=SKIPPED/);
    await page.locator('[data-testid=outbox-summary-SKIPPED][data-active=true]').waitFor();
    const skipped = rows.filter({ hasText: masked(optedOut.mobile) }).filter({ hasText: '生日快乐' });
    await skipped.waitFor();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=outbox-table] tbody tr.ant-table-row').length === count, Math.min(summary.SKIPPED, 20));
    expect(await skipped.locator('[data-testid=outbox-last-error]').textContent()).toBe('客户已退订短信');
    await settle(page);
    await shot(page, 'automation-outbox-skipped.png');

    // 失败待处理: the parked message with the channel's error; 重新发送 asks first, then queues it again.
    await page.click('[data-testid=outbox-summary-DEAD]');
    await page.waitForURL(/status=DEAD/);
    const parked = page.locator(`[data-testid=outbox-table] tr[data-row-key="${dead.id}"]`);
    await parked.waitFor();
    expect(await parked.textContent()).toContain('周先生');
    expect(await parked.locator('[data-testid=outbox-last-error]').textContent()).not.toBe('');
    await settle(page);
    await shot(page, 'automation-outbox-dead.png');
    await parked.getByRole('button', { name: /重新发送/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /重新发送/ }).click();
    // The row leaving the 失败待处理 list is the outcome to wait for; the 3-second toast may be gone by then.
    await parked.waitFor({ state: 'detached' });
    await page.locator('[data-testid=outbox-summary-DEAD] .ant-statistic-content').getByText('0', { exact: true }).waitFor();
    expect((await outboxOf(failing.id))[0]).toEqual(expect.objectContaining({ id: dead.id, status: 'PENDING', attempts: 0 }));

    // A second click on the active count shows every status again.
    await page.click('[data-testid=outbox-summary-DEAD]');
    await page.waitForURL(/\/admin\/automation\/outbox$/);
    await page.context().close();
  });

  it('shows NPS and CSAT over the answered surveys, and a low score\'s complaint', async () => {
    // Three service visits settle; the survey job invites the three owners and two answer: one low, one high.
    const { now } = (await request(server.baseUrl).get('/api/dev/clock').set(bearer(adminToken)).expect(200)).body;
    for (const [index, owner] of [customer, optedOut, failing].entries()) {
      const workOrderId = 900_000 + index;
      await sql(server.databaseUrl, "INSERT INTO domain_events (type, subject_id, payload, occurred_at) VALUES ('service.settled', ?, ?, ?)", [
        workOrderId,
        JSON.stringify({ workOrderId, customerId: owner.id, storeId, vehicleId: 0, totalFen: 0, subject: `保养维修 · 沪A0000${index + 1}` }),
        new Date(now),
      ]);
    }
    // The job reads the event log in batches, the seed's events first: it runs until it has read to the end.
    const surveyed = async () =>
      Number((await sql<{ count: number }>(server.databaseUrl, 'SELECT COUNT(*) AS count FROM surveys WHERE customer_id IN (?, ?, ?)', [customer.id, optedOut.id, failing.id]))[0].count);
    for (let round = 0; round < 50 && (await surveyed()) < 3; round += 1) await runJob('surveys');
    expect(await surveyed()).toBe(3);
    await runJob('dispatch');
    const answer = async (token: string, body: object) => {
      const pending = await request(server.baseUrl).get('/api/me/surveys?pending=true').set(bearer(token)).expect(200);
      expect(pending.body.items).toHaveLength(1);
      await request(server.baseUrl).post(`/api/me/surveys/${pending.body.items[0].id}/answer`).set(bearer(token)).send(body).expect(200);
    };
    await answer(customer.token, { nps: 3, csat: 2, comment: SURVEY_COMMENT });
    await answer(optedOut.token, { nps: 10, csat: 5, comment: '服务很周到' });
    const summary = (await request(server.baseUrl).get('/api/surveys/summary').set(bearer(adminToken)).expect(200)).body;
    expect(summary).toEqual({ sent: 3, answered: 2, responseRate: 66.7, nps: 0, csatAverage: 3.5, promoters: 1, passives: 0, detractors: 1 });

    const page = await signInToAdmin(browser, server.baseUrl, 'admin');
    await page.locator('[data-testid=admin-menu]').getByText('满意度回访', { exact: true }).click();
    await page.waitForURL(/\/admin\/surveys$/);
    await page.locator('[data-testid=survey-sent]').getByText('3').waitFor();
    expect(await page.textContent('[data-testid=survey-response-rate]')).toContain('66.7');
    expect(await page.textContent('[data-testid=survey-csat]')).toContain('3.5');
    const rows = page.locator('[data-testid=survey-table] tbody tr.ant-table-row');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=survey-table] tbody tr.ant-table-row').length === 3);
    const low = rows.filter({ hasText: SURVEY_COMMENT });
    expect(await low.locator('[data-testid=survey-nps]').getAttribute('data-band')).toBe('detractor');
    // The formula is one hover away.
    await page.locator('[data-testid=survey-nps-score] [data-testid=survey-formula]').hover();
    await page.locator('.ant-tooltip').getByText(/NPS = 推荐者% − 贬损者%/).waitFor();
    await settle(page);
    await shot(page, 'surveys.png');

    // 仅贬损 narrows the list to the low score, which links to the complaint it opened.
    await page.locator('[data-testid=survey-answer-filter]').getByText('仅贬损（0–6 分）').click();
    await page.waitForURL(/answer=detractors/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=survey-table] tbody tr.ant-table-row').length === 1);
    await low.locator('[data-testid=survey-complaint-link]').click();
    await page.waitForURL(/\/admin\/complaints\/\d+$/);
    await page.locator('[data-testid=complaint-detail]').waitFor();
    expect(await page.textContent('[data-testid=complaint-facts]')).toContain('回访差评');
    await page.locator('[data-testid=complaint-survey-link]').waitFor();
    expect(await page.textContent('[data-testid=complaint-content]')).toContain(SURVEY_COMMENT);
    await settle(page);
    await shot(page, 'complaint-from-survey.png');
    await page.context().close();
  });

  it('finds the customer\'s complaint, moves it to 处理中 with a note, and refuses 已解决 without a resolution', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'admin');
    await page.locator('[data-testid=admin-menu]').getByText('投诉工单', { exact: true }).click();
    await page.waitForURL(/\/admin\/complaints$/);
    const row = page.locator('[data-testid=complaint-table] tbody tr.ant-table-row').filter({ hasText: COMPLAINT });
    await row.waitFor();
    expect(await row.locator('[data-testid=complaint-status]').getAttribute('data-status')).toBe('OPEN');
    expect(await row.textContent()).toContain('等待时间');
    expect(await row.locator('[data-testid=complaint-sla]').count()).toBe(1);
    await settle(page);
    await shot(page, 'complaints.png');

    // The search finds it by its words.
    await page.fill('input[data-testid=complaint-search], [data-testid=complaint-search] input', '没人招呼');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    await row.waitFor();

    await row.click();
    await page.waitForURL(new RegExp(`/admin/complaints/${complaintId}$`));
    await page.locator('[data-testid=complaint-detail][data-status=OPEN]').waitFor();
    expect(await page.textContent('[data-testid=complaint-content]')).toBe(COMPLAINT);
    await settle(page);
    await shot(page, 'complaint-detail-open.png');

    // A note moving it to 处理中.
    await page.fill('[data-testid=complaint-note-text]', NOTE);
    await page.locator('[data-testid=complaint-note-status]').getByText('开始处理').click();
    await page.click('[data-testid=complaint-note-submit]');
    await page.locator('[data-testid=complaint-detail][data-status=IN_PROGRESS]').waitFor();
    const note = page.locator('[data-testid=complaint-note]').filter({ hasText: NOTE });
    await note.waitFor();
    expect(await note.getAttribute('data-status')).toBe('IN_PROGRESS');
    expect(await note.textContent()).toContain('系统管理员');
    // The form started afresh, now offering 标记已解决.
    expect(await page.inputValue('[data-testid=complaint-note-text]')).toBe('');

    // 标记已解决 needs the resolution, checked before anything is sent.
    await page.fill('[data-testid=complaint-note-text]', '客户已到店');
    await page.locator('[data-testid=complaint-note-status]').getByText('标记已解决').click();
    await page.locator('[data-testid=complaint-note-resolution]').waitFor();
    await page.click('[data-testid=complaint-note-submit]');
    await page
      .locator('[data-testid=complaint-note-form] .ant-form-item-explain-error')
      .filter({ hasText: '标记为已解决须填写处理结果' })
      .waitFor();
    await settle(page);
    await shot(page, 'complaint-detail-in-progress.png');

    const detail = await request(server.baseUrl).get(`/api/complaints/${complaintId}`).set(bearer(adminToken)).expect(200);
    expect(detail.body.status).toBe('IN_PROGRESS');
    expect(detail.body.notes).toContainEqual(expect.objectContaining({ note: NOTE, status: 'IN_PROGRESS' }));
    await page.context().close();
  });

  it('shows on the member page the messages the member was sent', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/admin/members/${customer.id}?tab=messages`);
    const message = page.locator('[data-testid=member-messages] tbody tr.ant-table-row').filter({ hasText: '生日快乐' });
    await message.waitFor();
    expect(await message.locator('[data-testid=channel-tag]').getAttribute('data-channel')).toBe('SMS');
    await settle(page);
    await shot(page, 'member-messages.png');
    await page.context().close();
  });

  it('lets an advisor record a phone complaint for an owner found by plate', async () => {
    const advisorToken = await staffToken(server.baseUrl, 'sa.shpd');
    const cars = await request(server.baseUrl).get('/api/vehicles').query({ page: 1, pageSize: 5 }).set(bearer(advisorToken)).expect(200);
    const car = cars.body.items.find((item: { plate: string | null }) => item.plate) as { plate: string; owner: { id: number } };
    const page = await signInToAdmin(browser, server.baseUrl, 'sa.shpd');
    await page.locator('[data-testid=admin-menu]').getByText('投诉工单', { exact: true }).click();
    await page.waitForURL(/\/admin\/complaints$/);
    await page.click('[data-testid=complaint-create]');
    const form = page.locator('[data-testid=complaint-create-form]');
    await form.waitFor();
    // The advisor's own store is set and fixed.
    expect(await form.locator('[data-testid=complaint-create-store]').textContent()).toContain('上海浦东旗舰店');
    await choose(page, 'vehicle-search-select', car.plate, car.plate);
    await page.click('[data-testid=complaint-create-category]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '服务态度' }).click();
    await page.fill('[data-testid=complaint-create-content]', '客户来电：接待人员态度冷淡');
    await settle(page);
    await shot(page, 'complaint-create.png', false);
    await page.click('[data-testid=complaint-create-submit]');
    await page.waitForURL(/\/admin\/complaints\/\d+$/);
    await page.locator('[data-testid=complaint-detail][data-status=OPEN]').waitFor();
    expect(await page.textContent('[data-testid=complaint-facts]')).toContain('员工登记');
    const recorded = await request(server.baseUrl).get(page.url().replace(/.*\/admin/, '/api')).set(bearer(advisorToken)).expect(200);
    expect(recorded.body).toEqual(expect.objectContaining({ source: 'STAFF', category: 'ATTITUDE', customer: expect.objectContaining({ id: car.owner.id }) }));
    await page.context().close();
  });

  it('lets marketing read complaints without the note form, and keeps customer care from consultants', async () => {
    const marketer = await signInToAdmin(browser, server.baseUrl, 'marketer');
    await marketer.goto(`${server.baseUrl}/admin/complaints/${complaintId}`);
    await marketer.locator('[data-testid=complaint-notes]').waitFor();
    expect(await marketer.locator('[data-testid=complaint-note-form]').count()).toBe(0);
    await marketer.context().close();

    const advisor = await signInToAdmin(browser, server.baseUrl, 'sa.shpd');
    const advisorMenu = advisor.locator('[data-testid=admin-menu]');
    expect(await advisorMenu.textContent()).toContain('投诉工单');
    expect(await advisorMenu.getByText('自动提醒', { exact: true }).count()).toBe(0);
    await advisor.context().close();

    const consultant = await signInToAdmin(browser, server.baseUrl, 'sc1.shpd');
    expect(await consultant.textContent('[data-testid=admin-menu]')).not.toContain('客户关怀');
    await consultant.goto(`${server.baseUrl}/admin/complaints/${complaintId}`);
    await consultant.locator('[data-testid=forbidden-page]').waitFor();
    await consultant.context().close();
  });
});
