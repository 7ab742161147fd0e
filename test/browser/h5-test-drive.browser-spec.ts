import { Browser, Page, Request } from 'playwright-core';
import request from 'supertest';
import { bearer, customerToken, staffToken, uniqueMobile } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { openH5OnPhone, openH5SignedIn, openH5Tab, shanghaiDateIn } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(120_000);

const IDEMPOTENCY_KEY = /^[\w.:-]{1,128}$/;
const bookingsUrl = /\/api\/test-drives\/bookings$/;

interface BookingBody {
  id: number;
  status: string;
  startAt: string;
  store: { id: number; name: string };
  model: { id: number; name: string };
  route: { id: number; name: string } | null;
  contactName: string;
}

interface DayBoard {
  date: string;
  storeId: number;
  slots: Array<{ startAt: string; endAt: string }>;
  cars: Array<{
    id: number;
    plate: string;
    status: string;
    model: { id: number; name: string };
    bookings: Array<{ id: number; startAt: string; endAt: string; status: string; contactName: string; mobile: string; leadId: number | null }>;
  }>;
}

/** '13912345678' → '139****5678', the way the API masks a mobile for roles that need not see it. */
const masked = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(7)}`;

describe('test-drive booking in the mini-program (H5 build)', () => {
  let server: TestServer;
  let browser: Browser;
  const contact = { name: '王先生', mobile: '13912345678' };
  /** The booking the prospect makes in the first test; the day-board test reads it back. */
  let booked: { body: BookingBody; date: string } | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openOnPhone(): Promise<Page> {
    const page = await openH5OnPhone(browser, server.baseUrl);
    await page.locator('[data-testid=vehicle-model-card]').first().waitFor();
    return page;
  }

  /** Pages earlier in the stack stay in the DOM, hidden; only the page on screen counts. */
  const onScreen = (page: Page, selector: string) => page.locator(`${selector}:visible`);

  /** Waits for `selector` on a page that has finished sliding in, so a screenshot shows it settled. */
  async function shownSettled(page: Page, selector: string): Promise<void> {
    await page.locator(`.taro_page:is(.taro_page_stationed, .taro_tabbar_page) ${selector}:visible`).first().waitFor();
  }

  async function signInOnLoginPage(page: Page): Promise<void> {
    await page.locator('[data-testid=consent-checkbox]').click();
    await page.locator('[data-testid=wechat-login-button]').click();
  }

  /** On the booking tab: store, (model), the date `daysAhead` days from today, the first free slot. */
  async function pickSlot(page: Page, storeName: string, modelName: string | null, daysAhead: number): Promise<string> {
    await onScreen(page, '[data-testid=store-choice]').filter({ hasText: storeName }).click();
    if (modelName) await onScreen(page, '[data-testid=model-choice]').filter({ hasText: modelName }).click();
    const dateChip = onScreen(page, '[data-testid=date-chip]').nth(daysAhead);
    const date = (await dateChip.getAttribute('data-date'))!;
    await dateChip.click();
    const freeSlot = onScreen(page, '[data-testid=slot][data-available=true]').first();
    await freeSlot.waitFor();
    await freeSlot.click();
    return date;
  }

  async function fillContact(page: Page, name: string, mobile: string): Promise<void> {
    await onScreen(page, '[data-testid=contact-name-input] input').fill(name);
    await onScreen(page, '[data-testid=contact-mobile-input] input').fill(mobile);
  }

  function recordBookingPosts(page: Page): Request[] {
    const posts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && bookingsUrl.test(sent.url())) posts.push(sent);
    });
    return posts;
  }

  it('lets a prospect book a test drive from store to success page, signing in on the way, and lists it in 我的预约', async () => {
    const page = await openOnPhone();
    const posts = recordBookingPosts(page);

    await openH5Tab(page, '预约');
    const date = await pickSlot(page, '上海浦东旗舰店', '电跃 E5', 2);
    const selection = await onScreen(page, '[data-testid=booking-selection]').textContent();
    expect(selection).toMatch(/^\d{1,2}月\d{1,2}日 周. \d{2}:\d{2}–\d{2}:\d{2}$/);
    await page.screenshot({ path: artifactPath('h5-booking-slots.png'), fullPage: true });

    // Not signed in yet: 下一步 goes to login, which comes back and carries on to the contact form.
    await onScreen(page, '[data-testid=booking-next]').click();
    await signInOnLoginPage(page);
    await onScreen(page, '[data-testid=contact-name-input]').waitFor();
    expect(await onScreen(page, '[data-testid=confirm-time]').textContent()).toBe(selection);
    // The store's routes are offered after 由顾问安排, which stands (✓) until the customer picks one.
    const routeChoices = onScreen(page, '[data-testid=route-choice]');
    await routeChoices.nth(2).waitFor();
    expect(await routeChoices.allTextContents()).toEqual([
      '由顾问安排到店后由顾问根据路况推荐路线✓',
      '城市道路体验线8 公里 · 约 25 分钟',
      '高架快速路线15 公里 · 约 35 分钟',
    ]);
    await routeChoices.filter({ hasText: '城市道路体验线' }).click();
    expect(await routeChoices.filter({ hasText: '城市道路体验线' }).textContent()).toContain('✓');
    await fillContact(page, contact.name, contact.mobile);
    await shownSettled(page, '[data-testid=route-section]');
    await page.screenshot({ path: artifactPath('h5-booking-confirm.png'), fullPage: true });

    // A double tap on 确认预约 sends one request.
    const created = page.waitForResponse((response) => response.request().method() === 'POST' && bookingsUrl.test(response.url()));
    await onScreen(page, '[data-testid=confirm-booking]').dblclick();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as BookingBody;
    expect(body).toMatchObject({
      status: 'CONFIRMED',
      contactName: contact.name,
      store: { name: '上海浦东旗舰店' },
      model: { name: '电跃 E5' },
      route: { name: '城市道路体验线' },
    });
    expect(response.request().postDataJSON()).toMatchObject({ routeId: body.route!.id });
    booked = { body, date };

    await shownSettled(page, '[data-testid=booking-success]');
    const calendarText = await onScreen(page, '[data-testid=calendar-text]').textContent();
    expect(calendarText).toBe(`${selection} 上海浦东旗舰店 试驾 电跃 E5，地址：上海市浦东新区张江路 1288 号，电话：021-58881234`);
    expect(await onScreen(page, '[data-testid=copy-calendar-text]').isVisible()).toBe(true);
    expect(await onScreen(page, '[data-testid=success-route]').textContent()).toBe('城市道路体验线');
    await page.screenshot({ path: artifactPath('h5-booking-success.png'), fullPage: true });
    expect(posts).toHaveLength(1);
    expect(posts[0].headers()['idempotency-key']).toMatch(IDEMPOTENCY_KEY);

    await onScreen(page, '[data-testid=success-home]').click();
    await openH5Tab(page, '我的');
    await onScreen(page, '[data-testid=me-my-bookings]').click();
    const card = onScreen(page, `[data-testid=test-drive-card][data-booking-id="${body.id}"]`);
    await shownSettled(page, `[data-testid=test-drive-card][data-booking-id="${body.id}"]`);
    expect(await onScreen(page, '[data-testid=test-drive-card]').count()).toBe(1);
    const cardText = await card.textContent();
    expect(cardText).toContain('试驾 电跃 E5');
    expect(cardText).toContain('已确认');
    expect(cardText).toContain(selection);
    expect(await card.locator('[data-testid=booking-route]').textContent()).toBe('试驾路线：城市道路体验线');
    expect(await card.locator('[data-testid=reschedule-booking]').isVisible()).toBe(true);
    expect(await card.locator('[data-testid=cancel-booking]').isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('h5-my-bookings.png'), fullPage: true });

    await page.context().close();
  });

  it("puts the booking on the store's day board for the store manager", async () => {
    expect(booked).toBeDefined();
    const { body, date } = booked!;
    const managerToken = await staffToken(server.baseUrl, 'sm.shpd');

    const board = await request(server.baseUrl)
      .get('/api/test-drives/schedule')
      .query({ storeId: body.store.id, date })
      .set(bearer(managerToken))
      .expect(200);
    const { storeId, slots, cars } = board.body as DayBoard;

    expect(storeId).toBe(body.store.id);
    expect(slots.some((slot) => Date.parse(slot.startAt) === Date.parse(body.startAt))).toBe(true);
    const car = cars.find((candidate) => candidate.bookings.some((booking) => booking.id === body.id));
    expect(car?.model.id).toBe(body.model.id);
    const onBoard = car!.bookings.find((booking) => booking.id === body.id)!;
    expect(Date.parse(onBoard.startAt)).toBe(Date.parse(body.startAt));
    expect(onBoard).toMatchObject({ status: 'CONFIRMED', contactName: contact.name });
    expect([contact.mobile, masked(contact.mobile)]).toContain(onBoard.mobile);
    // Booking online creates (or joins) the prospect's lead.
    expect(onBoard.leadId).not.toBeNull();
  });

  it('books once when the answer is lost on the network: the retry from the confirm screen reuses its Idempotency-Key', async () => {
    const page = await openOnPhone();
    await openH5Tab(page, '我的');
    await onScreen(page, '[data-testid=me-login-button]').click();
    await signInOnLoginPage(page);
    await onScreen(page, '[data-testid=me-logged-in]').waitFor();

    // 预约试驾 on a model card on 首页 opens the booking tab with that model chosen.
    await openH5Tab(page, '首页');
    await onScreen(page, '[data-testid=vehicle-model-card]').filter({ hasText: '曙光 L' }).locator('[data-testid=book-test-drive]').click();
    await onScreen(page, '[data-testid=step-model]').filter({ hasText: '曙光 L' }).waitFor();
    await pickSlot(page, '杭州西湖店', null, 3);
    // Routes are optional: when they cannot be loaded the section goes away and booking carries on.
    await page.route(/\/api\/test-drives\/routes\?/, (route) => route.abort('connectionreset'));
    await onScreen(page, '[data-testid=booking-next]').click();
    await fillContact(page, '陈女士', '13712345678');
    await onScreen(page, '[data-testid=route-section]').waitFor({ state: 'detached' });

    // The first request and the client's own retry both reach the server, but their answers are lost.
    const posts = recordBookingPosts(page);
    let answersLost = 0;
    await page.route(bookingsUrl, async (route) => {
      if (answersLost >= 2) return route.continue();
      answersLost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await onScreen(page, '[data-testid=confirm-booking]').click();
    await onScreen(page, '[data-testid=booking-network-error]').waitFor();
    expect(await onScreen(page, '[data-testid=confirm-booking]').textContent()).toBe('重试');

    await onScreen(page, '[data-testid=confirm-booking]').click();
    await onScreen(page, '[data-testid=booking-success]').waitFor();
    await page.unrouteAll();

    expect(posts).toHaveLength(3);
    const keys = new Set(posts.map((sent) => sent.headers()['idempotency-key']));
    expect(keys.size).toBe(1);
    expect(posts[0].postDataJSON()).not.toHaveProperty('routeId');
    expect(await onScreen(page, '[data-testid=success-route]').count()).toBe(0);
    await onScreen(page, '[data-testid=success-my-bookings]').click();
    await onScreen(page, '[data-testid=test-drive-card]').first().waitFor();
    expect(await onScreen(page, '[data-testid=test-drive-card]').count()).toBe(1);

    await page.context().close();
  });

  it('moves a booking to another time from 我的预约, then cancels it once the customer confirms', async () => {
    // A customer with a test drive in five days, booked through the API.
    const token = await customerToken(server.baseUrl);
    const stores = (await request(server.baseUrl).get('/api/stores').expect(200)).body as Array<{ id: number; name: string }>;
    const models = (await request(server.baseUrl).get('/api/vehicle-models').expect(200)).body as Array<{ id: number; name: string }>;
    const store = stores.find((candidate) => candidate.name === '上海浦东旗舰店')!;
    const model = models.find((candidate) => candidate.name === '电跃 E5')!;
    const date = shanghaiDateIn(5);
    const slots = (await request(server.baseUrl).get('/api/test-drives/slots').query({ storeId: store.id, modelId: model.id, date }).expect(200)).body as Array<{ startAt: string; remaining: number }>;
    const free = slots.filter((slot) => slot.remaining > 0);
    expect(free.length).toBeGreaterThan(1);
    const made = (
      await request(server.baseUrl)
        .post('/api/test-drives/bookings')
        .set(bearer(token))
        .set('Idempotency-Key', `h5-reschedule-${Date.now()}`)
        .send({ storeId: store.id, modelId: model.id, startAt: free[0].startAt, contactName: '李先生', mobile: uniqueMobile() })
        .expect(201)
    ).body as BookingBody;

    const page = await openH5SignedIn(browser, server.baseUrl, token);
    await page.goto(`${server.baseUrl}/h5/?fresh=${Date.now()}#/pages/test-drive/my-bookings/index`);
    const card = onScreen(page, `[data-testid=test-drive-card][data-booking-id="${made.id}"]`);
    await shownSettled(page, `[data-testid=test-drive-card][data-booking-id="${made.id}"]`);

    // 改期: the day's slots with the booking's own marked; the next free one is taken.
    await card.locator('[data-testid=reschedule-booking]').click();
    await shownSettled(page, '[data-testid=slot-grid]');
    expect(await onScreen(page, '[data-testid=slot]').filter({ hasText: '当前预约' }).count()).toBe(1);
    expect(await onScreen(page, '[data-testid=confirm-reschedule]').getAttribute('class')).toContain('inactive');
    await onScreen(page, '[data-testid=slot][data-available=true]').first().click();
    await page.screenshot({ path: artifactPath('h5-reschedule.png'), fullPage: true });
    const moved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/api/test-drives/bookings/${made.id}/reschedule`));
    await onScreen(page, '[data-testid=confirm-reschedule]').click();
    const movedBody = (await (await moved).json()) as BookingBody;
    expect(Date.parse(movedBody.startAt)).toBe(Date.parse(free[1].startAt));

    // Back on 我的预约 (the page goes back by itself), the card shows the new time.
    // '10:45–': the start of the time range the card shows.
    const newClock = `${new Date(movedBody.startAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })}–`;
    await page.waitForFunction(
      ([id, clock]) => [...document.querySelectorAll(`[data-testid=test-drive-card][data-booking-id="${id}"]`)].some((element) => (element as HTMLElement).offsetParent !== null && element.textContent!.includes(clock)),
      [String(made.id), newClock] as const,
    );

    // 取消 asks first; confirmed, the booking shows 已取消 with nothing more to do.
    await card.locator('[data-testid=cancel-booking]').click();
    await page.locator('.taro-modal__content', { hasText: '确定取消' }).waitFor();
    // The modal fades in.
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath('h5-cancel-confirm.png'), fullPage: true });
    const cancelled = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/api/test-drives/bookings/${made.id}/cancel`));
    await page.locator('.taro-model__confirm').click();
    expect((await cancelled).ok()).toBe(true);
    await card.locator('[data-testid=booking-status]', { hasText: '已取消' }).waitFor();
    expect(await card.locator('[data-testid=reschedule-booking]').count()).toBe(0);
    // The modal fades out and the toast goes.
    await page.waitForTimeout(1_800);
    await page.screenshot({ path: artifactPath('h5-my-bookings-cancelled.png'), fullPage: true });

    await page.context().close();
  });
});
