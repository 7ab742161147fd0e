import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, staffToken } from '../support/api';
import { launchBrowser } from '../support/browser';
import { settle, shanghaiDate, shanghaiDateIn, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const APPEND_ONLY_NOTE = '审计日志只增不改：任何人（包括管理员）都无法修改或删除记录。';
const RENAMED = '赵敏（调岗）';
const auditRows = '[data-testid=audit-table] tbody tr.ant-table-row';
const shotsDir = '/tmp/shots';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(180_000);

function shot(fileName: string): string {
  return join(shotsDir, fileName);
}

describe('the audit log in the admin', () => {
  let server: TestServer;
  let browser: Browser;
  const consultant = { id: 0, storeId: 0 };

  beforeAll(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();

    // Someone tries the admin account with a wrong password, then the admin signs in properly.
    const failed = await request(server.baseUrl).post('/api/auth/staff/login').send({ username: 'admin', password: 'Wrong@12345' });
    expect(failed.status).toBe(401);
    const admin = await staffToken(server.baseUrl, 'admin');

    // The admin moves a consultant to the workshop: a new name and a new role, in one change.
    const found = await request(server.baseUrl).get('/api/staff').query({ q: 'sc2.shpd' }).set(bearer(admin)).expect(200);
    const staff = found.body.items.find((item: { username: string }) => item.username === 'sc2.shpd');
    consultant.id = staff.id;
    consultant.storeId = staff.storeId;
    await request(server.baseUrl)
      .patch(`/api/staff/${consultant.id}`)
      .set(bearer(admin))
      .send({ name: RENAMED, role: 'SERVICE_ADVISOR', storeId: consultant.storeId })
      .expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Picks an option of an antd Select by its label. */
  async function choose(page: Page, selectTestId: string, option: string) {
    await page.click(`[data-testid=${selectTestId}]`);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  /**
   * Waits until the list holds `count` rows, every one of them `action`: a reload keeps the old rows
   * on screen until the new ones arrive, so the count alone could match the previous list.
   */
  async function waitForRows(page: Page, count: number, action: string) {
    await page.waitForFunction(
      ({ selector, expected, wanted }) => {
        const rows = [...document.querySelectorAll(selector)];
        const loading = document.querySelectorAll('[data-testid=audit-table] .ant-spin-spinning').length > 0;
        return !loading && rows.length === expected && rows.every((row) => row.querySelector(`[data-testid=audit-action][data-action="${wanted}"]`));
      },
      { selector: auditRows, expected: count, wanted: action },
    );
  }

  const rowsFor = (page: Page, action: string) => page.locator(auditRows).filter({ has: page.locator(`[data-testid=audit-action][data-action="${action}"]`) });

  it('lists the failed login with the username typed and shows a role change as before → after', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'admin');

    // 审计日志 sits beside 员工管理 and says at once that nobody can change it.
    const menu = page.locator('[data-testid=admin-menu]');
    await menu.getByText('审计日志', { exact: true }).click();
    await page.waitForURL(/\/admin\/audit-logs$/);
    await page.locator(auditRows).first().waitFor();
    expect(await page.textContent('[data-testid=audit-append-only-note]')).toContain(APPEND_ONLY_NOTE);
    // Newest first: the admin's own sign-in through the browser heads the list.
    const newest = page.locator(auditRows).first();
    expect(await newest.locator('[data-testid=audit-action]').getAttribute('data-action')).toBe('auth.login');
    expect(await newest.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(await rowsFor(page, 'staff.updated').count()).toBe(1);
    await settle(page);
    await page.screenshot({ path: shot('audit-list.png'), fullPage: true });

    // 登录失败: the one failed attempt, named by the username typed, in red, with the reason.
    await choose(page, 'audit-action-filter', '登录失败');
    await page.waitForURL(/\?action=auth\.login_failed$/);
    await waitForRows(page, 1, 'auth.login_failed');
    const failedRow = page.locator(auditRows).first();
    expect(await failedRow.locator('[data-testid=audit-action]').textContent()).toBe('登录失败');
    const attempted = failedRow.locator('[data-testid=audit-actor-name]');
    expect(await attempted.textContent()).toBe('admin');
    expect(await attempted.getAttribute('class')).toContain('ant-typography-danger');
    expect(await failedRow.textContent()).toContain('密码错误');
    await settle(page);
    await page.screenshot({ path: shot('audit-failed-login.png'), fullPage: true });

    // The filter lives in the URL: a reload (or a shared link) opens the same view.
    await page.reload();
    await waitForRows(page, 1, 'auth.login_failed');
    expect(await page.textContent('[data-testid=audit-action-filter]')).toContain('登录失败');

    // 修改员工（含角色）: the details show each changed field as before → after.
    await choose(page, 'audit-action-filter', '修改员工（含角色）');
    await page.waitForURL(/\?action=staff\.updated$/);
    await waitForRows(page, 1, 'staff.updated');
    const updatedRow = page.locator(auditRows).first();
    expect(await updatedRow.locator('[data-testid=audit-actor-name]').textContent()).toBe('系统管理员');
    expect(await updatedRow.locator('[data-testid=audit-entity]').textContent()).toContain(`员工 #${consultant.id}`);
    await updatedRow.locator('[data-testid=audit-details]').click();
    const drawer = page.locator('[data-testid=audit-entry-drawer]');
    await drawer.waitFor();
    const roleChange = drawer.locator('[data-testid=audit-diff-change][data-key=role]');
    expect(await roleChange.locator('[data-testid=audit-diff-before]').textContent()).toBe('销售顾问');
    expect(await roleChange.locator('[data-testid=audit-diff-after]').textContent()).toBe('服务顾问');
    const nameChange = drawer.locator('[data-testid=audit-diff-change][data-key=name]');
    expect(await nameChange.locator('[data-testid=audit-diff-before]').textContent()).toBe('赵敏');
    expect(await nameChange.locator('[data-testid=audit-diff-after]').textContent()).toBe(RENAMED);
    // Whether the password was reset is a fact recorded afterwards, not a field that moved: no strike-through.
    const passwordNote = drawer.locator('[data-testid=audit-diff-change][data-key=passwordChanged]');
    expect(await passwordNote.locator('[data-testid=audit-diff-before]').count()).toBe(0);
    expect(await passwordNote.locator('[data-testid=audit-diff-after]').textContent()).toBe('否');
    // The store did not change: it stays in the JSON of unchanged fields, not among the changes.
    expect(await drawer.locator('[data-testid=audit-diff-change][data-key=storeId]').count()).toBe(0);
    expect(await drawer.locator('[data-testid=audit-diff-json]').textContent()).toContain(`"storeId": ${consultant.storeId}`);
    expect((await drawer.locator('[data-testid=audit-request-id]').textContent())?.length).toBeGreaterThan(0);
    await settle(page);
    await page.screenshot({ path: shot('audit-details.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // 只看该对象的记录: the staff member's own history, kept in the URL.
    // antd spaces out a two-character button label: 重 置.
    await page.locator('[data-testid=audit-filters]').getByRole('button', { name: /重\s*置/ }).click();
    await page.waitForURL(/\/admin\/audit-logs$/);
    await settle(page);
    await rowsFor(page, 'staff.updated').locator('[data-testid=audit-entity-filter-button]').click();
    await page.waitForURL(new RegExp(`\\?entityType=staff&entityId=${consultant.id}$`));
    await waitForRows(page, 1, 'staff.updated');

    // The search box finds the failed login by the username typed, and the admin's own entries by their
    // username, within today's Shanghai date: the page shows what the server finds.
    const today = shanghaiDate(new Date());
    const adminToken = await staffToken(server.baseUrl, 'admin');
    const found = (await request(server.baseUrl).get('/api/audit-logs').query({ q: 'admin', from: today, to: today }).set(bearer(adminToken)).expect(200)).body as { total: number; items: Array<{ action: string; actorType: string; actorName: string | null }> };
    expect(found.items.filter((item) => item.action === 'auth.login_failed')).toEqual([expect.objectContaining({ actorType: 'ANONYMOUS', actorName: 'admin' })]);
    expect(found.items.every((item) => item.action === 'auth.login_failed' || (item.actorType === 'STAFF' && item.actorName === '系统管理员'))).toBe(true);
    await page.goto(`${server.baseUrl}/admin/audit-logs?from=${today}&to=${today}`);
    await page.locator(auditRows).first().waitFor();
    const dateInputs = page.locator('[data-testid=audit-filters] .ant-picker-range input');
    expect(await dateInputs.nth(0).inputValue()).toBe(today);
    expect(await dateInputs.nth(1).inputValue()).toBe(today);
    await page.fill('[data-testid=audit-search] input, input[data-testid=audit-search]', 'admin');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`\\?q=admin&from=${today}&to=${today}$`));
    await page.waitForFunction(
      ({ selector, expected }) => document.querySelectorAll('[data-testid=audit-table] .ant-spin-spinning').length === 0 && document.querySelectorAll(selector).length === expected,
      { selector: auditRows, expected: Math.min(found.total, 20) },
    );
    expect(await rowsFor(page, 'auth.login_failed').count()).toBe(1);

    // Nothing happened tomorrow, and a search that matches nothing says so.
    await page.goto(`${server.baseUrl}/admin/audit-logs?from=${shanghaiDateIn(1)}`);
    await page.locator('[data-testid=audit-table] .ant-empty').getByText('没有符合条件的记录').waitFor();
    await page.goto(`${server.baseUrl}/admin/audit-logs?q=nobody-typed-this`);
    await page.locator('[data-testid=audit-table] .ant-empty').getByText('没有符合条件的记录').waitFor();
    await settle(page);
    await page.screenshot({ path: shot('audit-empty.png') });

    // The server holds what the page shows.
    const admin = await staffToken(server.baseUrl, 'admin');
    const failures = await request(server.baseUrl).get('/api/audit-logs').query({ action: 'auth.login_failed' }).set(bearer(admin)).expect(200);
    expect(failures.body.items).toEqual([expect.objectContaining({ actorType: 'ANONYMOUS', actorName: 'admin', after: { reason: 'wrong password' } })]);
    await page.context().close();
  });

  it('lets the director read the log', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'director');
    expect(await page.locator('[data-testid=admin-menu]').getByText('审计日志', { exact: true }).count()).toBe(1);
    await page.goto(`${server.baseUrl}/admin/audit-logs?action=staff.updated`);
    await waitForRows(page, 1, 'staff.updated');
    await page.context().close();
  });

  it("keeps 审计日志 out of a consultant's menu and sends them to the 403 page", async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'sc1.shpd');
    expect(await page.locator('[data-testid=admin-menu]').getByText('审计日志', { exact: true }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/admin/audit-logs`);
    await page.locator('[data-testid=forbidden-page]').waitFor();
    expect(await page.textContent('[data-testid=forbidden-page]')).toContain('销售顾问');
    await settle(page);
    await page.screenshot({ path: shot('audit-forbidden.png') });

    // The server refuses the consultant too, whatever the menu shows.
    const token = await staffToken(server.baseUrl, 'sc1.shpd');
    await request(server.baseUrl).get('/api/audit-logs').set(bearer(token)).expect(403);
    await page.context().close();
  });
});
