import { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { startTestServer, TestServer } from '../support/test-server';

const staffRows = '[data-testid=staff-table] tbody tr.ant-table-row';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(120_000);

describe('admin back office in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openLogin(redirect?: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const query = redirect ? `?redirect=${encodeURIComponent(redirect)}` : '';
    await page.goto(`${server.baseUrl}/admin/login${query}`);
    await page.locator('[data-testid=login-username]').waitFor();
    return page;
  }

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.fill('[data-testid=login-username]', username);
    await page.fill('[data-testid=login-password]', password);
    await page.click('[data-testid=login-submit]');
  }

  it('signs the admin in, opens staff management and finds a colleague by username', async () => {
    const page = await openLogin();

    await signIn(page, 'admin', 'not-the-password');
    await page.locator('[data-testid=login-error]').waitFor();
    expect(await page.textContent('[data-testid=login-error]')).toContain('用户名或密码错误');
    await page.screenshot({ path: artifactPath('admin-login.png') });

    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.locator('[data-testid=home-page]').waitFor();
    expect(await page.textContent('[data-testid=admin-header-user]')).toContain('系统管理员');

    await page.locator('[data-testid=admin-menu]').getByText('员工管理').click();
    await page.waitForURL(/\/admin\/staff$/);
    await page.locator(staffRows).first().waitFor();
    expect(await page.locator(staffRows).count()).toBeGreaterThan(1);

    await page.fill('[data-testid=staff-search] input', 'sc1.shpd');
    await page.press('[data-testid=staff-search] input', 'Enter');
    await page.waitForURL(/q=sc1\.shpd/);
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 1, staffRows);
    expect(await page.locator(staffRows).first().textContent()).toContain('sc1.shpd');
    await page.screenshot({ path: artifactPath('admin-staff.png') });

    await page.context().close();
  });

  it('sends a consultant who opens staff management to the 403 page, without the menu entry', async () => {
    const page = await openLogin('/staff');

    await signIn(page, 'sc1.shpd', DEMO_PASSWORD);
    await page.locator('[data-testid=forbidden-page]').waitFor();
    expect(await page.textContent('[data-testid=forbidden-page]')).toContain('销售顾问');
    expect(await page.locator('[data-testid=admin-menu]').getByText('员工管理').count()).toBe(0);

    await page.context().close();
  });

  it('keeps the refresh token out of script: a new tab resumes from the httpOnly cookie and logging out ends the session', async () => {
    const page = await openLogin();
    const cspViolations: string[] = [];
    page.context().on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.locator('[data-testid=home-page]').waitFor();
    const stored = await page.evaluate(() => ({ local: JSON.stringify(localStorage), cookies: document.cookie, session: Object.keys(sessionStorage) }));
    expect(stored.local).not.toMatch(/refresh|eyJ/);
    expect(stored.cookies).not.toContain('dealer_refresh');
    expect(stored.session).toEqual(['dealer-crm.admin.access-token']);

    const secondTab = await page.context().newPage();
    await secondTab.goto(`${server.baseUrl}/admin/`);
    await secondTab.locator('[data-testid=home-page]').waitFor();
    await secondTab.click('[data-testid=logout]');
    await secondTab.locator('[data-testid=login-username]').waitFor();

    const thirdTab = await page.context().newPage();
    await thirdTab.goto(`${server.baseUrl}/admin/`);
    await thirdTab.locator('[data-testid=login-username]').waitFor();
    expect(cspViolations).toEqual([]);

    await page.context().close();
  });
});
