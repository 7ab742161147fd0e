import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './api';

/** The Shanghai calendar date of an instant, e.g. 2026-11-25. */
export function shanghaiDate(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The Shanghai calendar date `days` days from now. */
export const shanghaiDateIn = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));

/** A desktop browser tab signed in to the admin as `username`, on the home page. */
export async function signInToAdmin(browser: Browser, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/login`);
  await page.fill('[data-testid=login-username]', username);
  await page.fill('[data-testid=login-password]', password);
  await page.click('[data-testid=login-submit]');
  await page.locator('[data-testid=home-page]').waitFor();
  return page;
}

/** Waits for antd's loading spinners and their fade-out, so a screenshot shows the settled page. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0);
  await page.waitForTimeout(400);
}

/** A phone-sized touch browser tab on the mini-program's H5 home page. */
export async function openH5OnPhone(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/h5/`);
  return page;
}

/** Taps a tab of the mini-program's tab bar by its title (首页, 预约, 我的车, 我的). */
export async function openH5Tab(page: Page, title: string): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${title}$`) }).click();
}

/** The key the mini-program keeps its customer token under (Taro storage in H5 is localStorage, JSON-wrapped). */
export const H5_TOKEN_STORAGE_KEY = 'customer.accessToken';

/** The mini-program's H5 on a phone, signed in with a customer's token as if they had logged in on it. */
export async function openH5SignedIn(browser: Browser, baseUrl: string, token: string): Promise<Page> {
  const page = await openH5OnPhone(browser, baseUrl);
  await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })), [H5_TOKEN_STORAGE_KEY, token]);
  await page.reload();
  return page;
}

/** Pages earlier in the H5 stack stay in the DOM, hidden; only the page on screen counts. */
export const onH5Screen = (page: Page, selector: string) => page.locator(`${selector}:visible`);

/** Waits for `selector` on an H5 page that has finished sliding in, with its skeletons gone, for a screenshot. */
export async function waitForH5Settled(page: Page, selector: string): Promise<void> {
  await page.locator(`.taro_page:is(.taro_page_stationed, .taro_tabbar_page) ${selector}:visible`).first().waitFor();
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid=loading-skeleton]')].some((element) => (element as HTMLElement).offsetParent !== null));
  await page.waitForTimeout(300);
}

/** Waits until an element on screen shows exactly `text`. */
export async function waitForShownText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([css, expected]) => [...document.querySelectorAll(css)].some((element) => (element as HTMLElement).offsetParent !== null && element.textContent === expected),
    [selector, text] as const,
  );
}

/** The answer to the next `method` request whose URL matches. */
export const nextResponse = (page: Page, method: string, url: RegExp) => page.waitForResponse((response) => response.request().method() === method && url.test(response.url()));
