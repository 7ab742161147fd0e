import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page, Request } from 'playwright-core';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { launchBrowser } from '../support/browser';
import { sql } from '../support/database';
import { H5_TOKEN_STORAGE_KEY, nextResponse, onH5Screen, openH5SignedIn, openH5Tab, waitForH5Settled, waitForShownText } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(240_000);

const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';
/** The H5 build keeps the token where Taro.setStorageSync puts it: localStorage, wrapped as {data}. */
/** Where Taro's H5 setClipboardData keeps what it copied, wrapped as {data}. */
const CLIPBOARD_STORAGE_KEY = 'taro_clipboard';
const CURRENT_VERSION = '2026-11';
const OLD_VERSION = '2025-01';
const WELCOME_POINTS = 500;

const consentUrl = /\/api\/me\/privacy\/consent$/;
const exportUrl = /\/api\/me\/privacy\/export$/;
const deletionUrl = /\/api\/me\/privacy\/deletion$/;

interface PrivacyStatus {
  currentVersion: string;
  consent: { version: string | null; acceptedAt: string } | null;
  needsConsent: boolean;
}

interface MyDataExport {
  exportedAt: string;
  policyVersion: string;
  profile: { id: number; mobile: string | null; name: string | null };
  vehicles: Array<{ vin: string; plate: string }>;
  points: Array<{ points: number; reason: string }>;
}

/** '2026年11月26日' for an instant, in Shanghai, as the page writes a date. */
function calendarDate(iso: string): string {
  const [year, month, day] = new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

describe('个人信息与隐私 in the mini-program (H5 build): consent, a copy of one’s data, deleting the account', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let token: string;
  let customerId: number;
  const ownerMobile = uniqueMobile();
  const car = { id: 0, plate: uniquePlate(), vin: uniqueVin() };

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();

    // A customer who signed up by SMS (accepting the policy in force), then bought a car the store put on file
    // under her mobile and bound it; the marketer gave her points. Signing up first matters: the server records
    // consent only when a sign-in creates the customer, so one the store knew already has none on record.
    token = await ownerToken(server.baseUrl, ownerMobile);
    const advisorToken = await staffToken(server.baseUrl, 'sa.shpd');
    const created = await request(server.baseUrl)
      .post('/api/vehicles')
      .set(bearer(advisorToken))
      .send({ vin: car.vin, plate: car.plate, modelId: 1, ownerMobile, ownerName: '周女士', deliveredAt: '2025-10-01', mileage: 6_000 })
      .expect(201);
    car.id = created.body.id as number;
    await request(server.baseUrl).post('/api/me/vehicles/bind').set(bearer(token)).send({ vin: car.vin, plate: car.plate }).expect(201);
    customerId = (await request(server.baseUrl).get('/api/me').set(bearer(token)).expect(200)).body.id as number;
    const marketerToken = await staffToken(server.baseUrl, 'marketer');
    await request(server.baseUrl)
      .post('/api/loyalty/adjustments')
      .set(bearer(marketerToken))
      .send({ customerId, points: WELCOME_POINTS, reason: '新车主礼遇', idempotencyKey: `h5-privacy-welcome-${customerId}` })
      .expect(201);

    // The same phone, signed in as that owner.
    page = await openH5SignedIn(browser, server.baseUrl, token);
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  /** Pages earlier in the stack stay in the DOM, hidden; only the page on screen counts. */
  const onScreen = (selector: string) => onH5Screen(page, selector);

  /** Waits for `selector` on a page that has finished sliding in, with its skeletons gone, for a screenshot. */
  const shownSettled = (selector: string) => waitForH5Settled(page, selector);

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS_DIR, `h5-privacy-${name}.png`), fullPage: true });
  }

  /** Waits until an element on screen shows exactly `text`. */
  const shows = (selector: string, text: string) => waitForShownText(page, selector, text);

  const answerTo = (method: string, url: RegExp) => nextResponse(page, method, url);

  const api = () => request(server.baseUrl);

  const privacyStatus = async () => (await api().get('/api/me/privacy').set(bearer(token)).expect(200)).body as PrivacyStatus;

  /** What Taro keeps in localStorage under `key`, unwrapped from {data}. */
  const stored = (key: string) => page.evaluate((storageKey) => (JSON.parse(localStorage.getItem(storageKey) ?? 'null') as { data?: unknown } | null)?.data ?? null, key);

  it('shows on 个人信息与隐私, opened from 我的, the version of 隐私政策 the owner accepted at sign-up and the day', async () => {
    const status = await privacyStatus();
    expect(status).toMatchObject({ currentVersion: CURRENT_VERSION, consent: { version: CURRENT_VERSION }, needsConsent: false });

    await openH5Tab(page, '我的');
    await shownSettled('[data-testid=me-privacy]');
    expect(await onScreen('[data-testid=me-privacy]').textContent()).toContain('个人信息与隐私');
    await onScreen('[data-testid=me-privacy]').scrollIntoViewIfNeeded();
    await screenshot('01-me');

    await onScreen('[data-testid=me-privacy]').click();
    await shownSettled('[data-testid=privacy-consent-line]');
    await shows('[data-testid=privacy-consent-line]', `您已于 ${calendarDate(status.consent!.acceptedAt)} 同意《隐私政策》${CURRENT_VERSION} 版`);
    expect(await onScreen('[data-testid=privacy-consent-banner]').count()).toBe(0);
    // What deleting the account clears and what it keeps is said before anything is asked.
    const deletion = await onScreen('[data-testid=privacy-deletion]').textContent();
    expect(deletion).toContain('积分流水与车辆维修记录将匿名保留，以便账目一致');
    expect(deletion).toContain('注销后无法恢复');
    await screenshot('02-privacy');

    // The link opens the policy, which names its version.
    await onScreen('[data-testid=privacy-consent-line] .privacy__link').click();
    await shownSettled('[data-testid=legal-version]');
    expect(await onScreen('[data-testid=legal-version]').textContent()).toBe(`版本：${CURRENT_VERSION}`);
    expect(await onScreen('.legal').textContent()).toContain('个人信息与隐私');
    await screenshot('03-policy');
    await page.goBack();
    await shownSettled('[data-testid=privacy-consent-line]');
  });

  it('asks an owner who accepted an older version to accept the new one; a stale version is refused with 409 and asked again', async () => {
    await sql(server.databaseUrl, 'UPDATE customers SET consent_version = ? WHERE id = ?', [OLD_VERSION, customerId]);
    expect(await privacyStatus()).toMatchObject({ consent: { version: OLD_VERSION }, needsConsent: true });

    await page.reload();
    await shownSettled('[data-testid=privacy-consent-banner]');
    expect(await onScreen('[data-testid=privacy-consent-banner]').textContent()).toContain(`《隐私政策》已更新为 ${CURRENT_VERSION} 版`);
    expect(await onScreen('[data-testid=privacy-consent-line]').textContent()).toContain(`《隐私政策》${OLD_VERSION} 版`);
    await screenshot('04-consent-needed');

    // The server refuses any version but the one in force.
    const refused = await api().post('/api/me/privacy/consent').set(bearer(token)).send({ version: OLD_VERSION }).expect(409);
    expect(refused.body.code).toBe('CONSENT_VERSION_OUTDATED');

    // The policy changing again while the page is open: the page's POST is made to carry a stale version once.
    const stale = (route: Parameters<Parameters<Page['route']>[1]>[0]) => route.continue({ postData: JSON.stringify({ version: OLD_VERSION }) });
    await page.route(consentUrl, stale);
    const staleAnswer = answerTo('POST', consentUrl);
    await onScreen('[data-testid=privacy-accept]').click();
    expect((await staleAnswer).status()).toBe(409);
    // The server's own message, naming the version in force.
    await page.getByText(`请阅读并同意最新版隐私政策（${CURRENT_VERSION}）`).waitFor();
    await page.unroute(consentUrl, stale);
    // Still asked, and the owner is not sent away to log in.
    await shownSettled('[data-testid=privacy-consent-banner]');
    expect(page.url()).toContain('/pages/account/privacy/index');
    await screenshot('05-consent-outdated');
    await page.waitForTimeout(2_600);

    const posts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && consentUrl.test(sent.url())) posts.push(sent);
    });
    const accepted = answerTo('POST', consentUrl);
    await onScreen('[data-testid=privacy-accept]').dblclick();
    const answer = await accepted;
    expect(answer.status()).toBe(200);
    expect(posts).toHaveLength(1);
    expect(posts[0].postDataJSON()).toEqual({ version: CURRENT_VERSION });
    const status = (await answer.json()) as PrivacyStatus;
    expect(status).toMatchObject({ consent: { version: CURRENT_VERSION }, needsConsent: false });

    await onScreen('[data-testid=privacy-consent-banner]').waitFor({ state: 'detached' });
    await shows('[data-testid=privacy-consent-line]', `您已于 ${calendarDate(status.consent!.acceptedAt)} 同意《隐私政策》${CURRENT_VERSION} 版`);
    const [row] = await sql<{ consent_version: string }>(server.databaseUrl, 'SELECT consent_version FROM customers WHERE id = ?', [customerId]);
    expect(row.consent_version).toBe(CURRENT_VERSION);
    await page.waitForTimeout(600);
    await screenshot('06-consent-accepted');
  });

  it('hands the owner everything held about them: counts per section, a JSON file, and the same text on the clipboard', async () => {
    // The 已同意 toast of the step before has gone.
    await page.waitForTimeout(1_500);
    const exported = answerTo('GET', exportUrl);
    await onScreen('[data-testid=privacy-fetch-export]').click();
    expect((await exported).status()).toBe(200);
    await shownSettled('[data-testid=privacy-export-summary]');
    const count = (section: string) => onScreen(`[data-testid=privacy-export-count][data-section=${section}]`).textContent();
    expect(await count('vehicles')).toBe('车辆1 条');
    expect(await count('points')).toBe('积分流水1 条');
    expect(await count('complaints')).toBe('投诉与建议0 条');
    expect(await onScreen('[data-testid=privacy-export-count]').count()).toBe(10);
    await onScreen('[data-testid=privacy-export]').scrollIntoViewIfNeeded();
    await screenshot('07-export-summary');

    // H5: a file, named by the day.
    const downloading = page.waitForEvent('download');
    await onScreen('[data-testid=privacy-download]').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as MyDataExport;
    expect(file.profile).toMatchObject({ id: customerId, mobile: ownerMobile });
    expect(file.policyVersion).toBe(CURRENT_VERSION);
    expect(file.vehicles).toEqual([expect.objectContaining({ vin: car.vin, plate: car.plate })]);
    expect(file.points).toEqual([expect.objectContaining({ points: WELCOME_POINTS, reason: '新车主礼遇' })]);

    // The clipboard (what the weapp offers): the same document.
    await onScreen('[data-testid=privacy-copy]').click();
    await page.getByText('内容已复制').waitFor();
    const copied = await stored(CLIPBOARD_STORAGE_KEY);
    expect(typeof copied).toBe('string');
    expect(JSON.parse(copied as string)).toEqual(file);
    expect(copied).toContain(ownerMobile);
  });

  it('deletes the account only once the owner types 注销, then signs them out to 我的 and the old token is refused', async () => {
    await onScreen('[data-testid=privacy-delete]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(2_000);
    await onScreen('[data-testid=privacy-delete]').click();
    const sheet = onScreen('[data-testid=privacy-delete-confirm]');
    await sheet.waitFor();
    await page.waitForTimeout(500);
    expect(await sheet.textContent()).toContain('积分流水与车辆维修记录将匿名保留，以便账目一致');
    const confirm = sheet.locator('[data-testid=confirm-sheet-confirm]');
    expect(await confirm.getAttribute('class')).toContain('action-button--inactive');
    await screenshot('08-delete-confirm');

    // Anything but 注销 sends nothing.
    const posts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && deletionUrl.test(sent.url())) posts.push(sent);
    });
    const input = sheet.locator('[data-testid=privacy-delete-input] input');
    await input.fill('注');
    await confirm.click();
    await page.waitForTimeout(300);
    expect(posts).toHaveLength(0);
    await input.fill('注销');
    await page.waitForFunction(() => !document.querySelector('[data-testid=privacy-delete-confirm] [data-testid=confirm-sheet-confirm]')?.classList.contains('action-button--inactive'));
    await screenshot('09-delete-typed');

    const deleted = answerTo('POST', deletionUrl);
    await confirm.click();
    const answer = await deleted;
    expect(answer.status()).toBe(200);
    expect(posts).toHaveLength(1);
    expect(posts[0].postDataJSON()).toEqual({ confirm: '注销' });
    expect(Date.parse(((await answer.json()) as { anonymisedAt: string }).anonymisedAt)).not.toBeNaN();

    // Signed out, on 我的, told so; not sent to the login page.
    const farewell = page.getByText('账号已注销，感谢您的使用');
    await farewell.waitFor();
    await shownSettled('[data-testid=me-logged-out]');
    await page.waitForTimeout(500);
    // Still there once 我的 has settled: the toast is raised by 我的, not closed by the page change.
    expect(await farewell.isVisible()).toBe(true);
    expect(page.url()).toContain('/pages/me/index');
    expect(await onScreen('[data-testid=me-login-button]').count()).toBe(1);
    expect(await stored(H5_TOKEN_STORAGE_KEY)).toBeNull();
    await screenshot('10-me-signed-out');

    // The old token is refused from now on.
    const refused = await api().get('/api/me').set(bearer(token)).expect(401);
    expect(refused.body.code).toBe('UNAUTHORIZED');
    await api().get('/api/me/privacy').set(bearer(token)).expect(401);

    // Personal fields are gone; the car and the points ledger stay, no longer naming the owner.
    const [customer] = await sql<{ name: string | null; mobile: string | null; anonymised_at: Date | null }>(
      server.databaseUrl,
      'SELECT name, mobile, anonymised_at FROM customers WHERE id = ?',
      [customerId],
    );
    expect(customer).toMatchObject({ name: null, mobile: null });
    expect(customer.anonymised_at).not.toBeNull();
    const [vehicle] = await sql<{ owner_id: number }>(server.databaseUrl, 'SELECT owner_id FROM vehicles WHERE id = ?', [car.id]);
    expect(vehicle.owner_id).toBe(customerId);
    const ledger = await sql<{ points: number }>(server.databaseUrl, 'SELECT points FROM points_entries WHERE customer_id = ?', [customerId]);
    expect(ledger).toEqual([{ points: WELCOME_POINTS }]);

    // A fresh start stays signed out, with nothing asking for the deleted account.
    await page.reload();
    await shownSettled('[data-testid=me-logged-out]');
    expect(page.url()).toContain('/pages/me/index');
  });
});
