import { Browser } from 'playwright-core';
import { artifactPath, launchBrowser } from '../support/browser';
import { openH5OnPhone, openH5Tab } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const modelCards = '[data-testid=vehicle-model-card]';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(120_000);

describe('customer mini-program (H5 build) in the browser', () => {
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

  const openOnPhone = () => openH5OnPhone(browser, server.baseUrl);

  it('runs under the CSP without a violation: the build\'s own inline sizing script is allowed by its hash', async () => {
    const page = await openOnPhone();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.reload();
    await page.locator(modelCards).first().waitFor();
    expect(violations).toEqual([]);
    // Set by that inline script: blocked, the rem-based layout would fall back to the browser's 16px.
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).not.toBe('');

    await page.context().close();
  });

  it('lists the seeded vehicle models and stores on the home page', async () => {
    const page = await openOnPhone();

    await page.locator(modelCards).first().waitFor();
    expect(await page.locator(modelCards).count()).toBeGreaterThanOrEqual(6);
    const firstCard = await page.locator(modelCards).first().textContent();
    expect(firstCard).toMatch(/指导价.*¥\d+\.\d{2}万/);
    expect(firstCard).toContain('预约试驾');
    await page.locator('[data-testid=store-card]').first().waitFor();
    await page.screenshot({ path: artifactPath('h5-home.png') });

    await page.context().close();
  });

  it('asks for consent, then signs the customer in with the H5 dev code and shows the profile on 我的', async () => {
    const page = await openOnPhone();
    await page.locator(modelCards).first().waitFor();

    await openH5Tab(page, '我的');
    await page.locator('[data-testid=me-logged-out]').waitFor();
    await page.locator('[data-testid=me-login-button]').click();

    const wechatLogin = page.locator('[data-testid=wechat-login-button]');
    await wechatLogin.click();
    await page.getByText('请先勾选同意用户协议和隐私政策').waitFor();
    expect(await page.locator('[data-testid=wechat-login-button]').isVisible()).toBe(true);

    await page.locator('[data-testid=consent-checkbox]').click();
    const profileLoaded = page.waitForResponse((response) => response.url().endsWith('/api/me') && response.ok());
    await wechatLogin.click();

    // Back on 我的 once the login page has slid away, showing the profile the server returned.
    await wechatLogin.waitFor({ state: 'hidden' });
    await page.locator('[data-testid=me-logged-in]').waitFor();
    const profile = (await (await profileLoaded).json()) as { id: number; hasMobile: boolean };
    expect(profile.hasMobile).toBe(false);
    await page.waitForFunction(() => {
      const name = document.querySelector('[data-testid=me-name]')?.textContent ?? '';
      return name.length > 0 && !name.includes('加载中');
    });
    expect(await page.locator('[data-testid=logout-button]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=me-login-button]').count()).toBe(0);
    await page.screenshot({ path: artifactPath('h5-me.png') });

    await page.context().close();
  });
});
