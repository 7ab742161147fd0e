import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { staffToken } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { settle, shanghaiDate, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const FIRST_CONTACT_WITHIN_MS = 2 * 60 * 60 * 1000;
const taskRows = '[data-testid=task-table] tbody tr.ant-table-row';
const leadRows = '[data-testid=lead-table] tbody tr.ant-table-row';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(120_000);

describe("a consultant's day in the admin", () => {
  let server: TestServer;
  let browser: Browser;
  let managerToken: string;
  let leadId: number;
  let firstContactDueToday: boolean;
  const customer = { name: '刘先生', mobile: '13700001234' };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    managerToken = await staffToken(server.baseUrl, 'sm.shpd');

    // A hotline lead keyed in by the store manager; the store's rule may give it to either consultant,
    // so it is handed to sc1.shpd explicitly.
    const consultants = await request(server.baseUrl)
      .get('/api/staff')
      .query({ q: 'sc1.shpd' })
      .set('Authorization', `Bearer ${managerToken}`)
      .expect(200);
    const consultantId = (consultants.body.items as Array<{ id: number; username: string }>).find((staff) => staff.username === 'sc1.shpd')!.id;
    const created = await request(server.baseUrl)
      .post('/api/leads')
      .set('Authorization', `Bearer ${managerToken}`)
      .send({ ...customer, source: 'HOTLINE', storeId: 1, intendedModelId: 1, budgetMin: 18_000_000, budgetMax: 25_000_000, note: '来电咨询曙光 L' })
      .expect(201);
    leadId = created.body.id;
    firstContactDueToday = shanghaiDate(new Date(Date.now() + FIRST_CONTACT_WITHIN_MS)) === shanghaiDate(new Date());
    if (created.body.assignedTo?.id !== consultantId) {
      await request(server.baseUrl)
        .post(`/api/leads/${leadId}/assign`)
        .set('Authorization', `Bearer ${managerToken}`)
        .send({ staffId: consultantId })
        .expect(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string) => signInToAdmin(browser, server.baseUrl, username);

  /** Closes an open AutoComplete suggestion list, which would otherwise cover the fields below it. */
  async function dismissSuggestions(page: Page): Promise<void> {
    await page.locator('.ant-modal-title').click();
  }

  it('finds the first-contact task, logs a call, moves the lead to 已联系 and sees the timeline follow', async () => {
    const page = await signIn('sc1.shpd');

    // 今日跟进 from the home page: the new lead's first-contact task, due within two hours.
    await page.click('[data-testid=home-go-tasks]');
    await page.locator('[data-testid=tasks-page]').waitFor();
    // Late in the Shanghai evening the two hours run into tomorrow: then the task is among all open ones.
    if (!firstContactDueToday) await page.click('[data-testid=tasks-tab-all]');
    const taskRow = page.locator(taskRows).filter({ hasText: customer.name });
    await taskRow.waitFor();
    expect(await taskRow.textContent()).toContain('首次联系');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-tasks.png') });

    // 线索: the lead in the consultant's list, with its full mobile and stage.
    await page.locator('[data-testid=admin-menu]').getByText('线索').click();
    await page.waitForURL(/\/admin\/leads$/);
    const leadRow = page.locator(leadRows).filter({ hasText: customer.name });
    await leadRow.waitFor();
    expect(await leadRow.textContent()).toContain(customer.mobile);
    expect(await leadRow.textContent()).toContain('新线索');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-leads-list.png') });

    await leadRow.getByText(customer.name).click();
    await page.waitForURL(new RegExp(`/admin/leads/${leadId}$`));
    await page.locator('[data-testid=lead-detail-page]').waitFor();
    const timeline = page.locator('[data-testid=lead-timeline]');

    // 记录跟进: a call that reached the customer.
    await page.click('[data-testid=lead-action-follow-up]');
    await page.locator('[data-testid=follow-up-form]').waitFor();
    await page.locator('[data-testid=follow-up-outcome] input').fill('已接通，有购车意向');
    await dismissSuggestions(page);
    await page.fill('[data-testid=follow-up-note]', '想要家用轿车，预算 20 万左右');
    await page.click('[data-testid=follow-up-submit]');
    await page.locator('[data-testid=follow-up-form]').waitFor({ state: 'detached' });
    await timeline.getByText('电话跟进：已接通，有购车意向').waitFor();

    // 推进阶段 to 已联系: the needs and the next follow-up are required.
    await page.click('[data-testid=lead-action-stage]');
    await page.locator('[data-testid=stage-form]').waitFor();
    await page.click('[data-testid=stage-option-CONTACTED]');
    await page.click('[data-testid=stage-submit]');
    await page.locator('[data-testid=stage-form] .ant-form-item-explain-error').filter({ hasText: '请填写跟进目的' }).waitFor();
    await page.fill('[data-testid=stage-needs-use]', '家用通勤，周末带孩子出游');
    await page.fill('[data-testid=stage-needs-concerns]', '关心油耗和后排空间');
    await page.locator('[data-testid=next-follow-up-purpose] input').fill('邀约周六到店试驾');
    await dismissSuggestions(page);
    await page.click('[data-testid=stage-submit]');
    await page.locator('[data-testid=stage-form]').waitFor({ state: 'detached' });

    await timeline.getByText('阶段：新线索 → 已联系').waitFor();
    expect(await page.textContent('[data-testid=lead-detail-page] [data-testid=lead-stage-tag]')).toBe('已联系');
    expect(await page.textContent('[data-testid=lead-customer-card]')).toContain('家用通勤，周末带孩子出游');
    expect(await page.textContent('[data-testid=lead-tasks-card]')).toContain('邀约周六到店试驾');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-lead-detail.png'), fullPage: true });

    // The server holds what the page shows.
    const detail = await request(server.baseUrl).get(`/api/leads/${leadId}`).set('Authorization', `Bearer ${managerToken}`).expect(200);
    expect(detail.body.stage).toBe('CONTACTED');
    expect(detail.body.needs).toMatchObject({ use: '家用通勤，周末带孩子出游', concerns: '关心油耗和后排空间' });
    expect(detail.body.openTasks).toEqual([expect.objectContaining({ purpose: '邀约周六到店试驾', kind: 'FOLLOW_UP' })]);

    await page.context().close();
  });
});
