import { Browser, Page, Request } from 'playwright-core';
import request from 'supertest';
import { bearer, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { sql } from '../support/database';
import { nextResponse, onH5Screen, openH5OnPhone, openH5Tab, shanghaiDate, shanghaiDateIn, waitForH5Settled } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(180_000);

const IDEMPOTENCY_KEY = /^[\w.:-]{1,128}$/;
const serviceBookingsUrl = /\/api\/me\/service-bookings$/;
const bindUrl = /\/api\/me\/vehicles\/bind$/;

interface VehicleModel {
  id: number;
  name: string;
}

interface OwnerVehicle {
  id: number;
  nextDue: { byDate: { name: string; dueOn: string } | null; byMileage: { name: string; dueKm: number } | null };
}

interface OwnerVehicleFile {
  id: number;
  plate: string;
  schedule: { items: Array<{ itemId: number; name: string; status: 'DUE' | 'DUE_SOON' | 'NOT_DUE' }> };
}

interface ServiceItem {
  id: number;
  name: string;
}

interface ServiceBooking {
  id: number;
  status: string;
  serviceType: string;
  startAt: string;
  endAt: string;
  store: { id: number; name: string };
  vehicle: { id: number; vin: string; plate: string | null };
  items: Array<{ id: number; name: string }>;
  customerNote: string | null;
  changeableUntil: string | null;
}

interface Board {
  storeId: number;
  date: string;
  arrivals: Array<{
    booking: { id: number; status: string; serviceType: string; startAt: string; customerNote: string | null };
    vehicle: { id: number; vin: string; plate: string | null };
    requestedItems: Array<{ id: number; name: string }>;
  }>;
}

interface WorkOrder {
  id: number;
  status: string;
  totalFen: number;
  items: Array<{ name: string }>;
}

/** 123450 fen → '¥1,234.50', as the mini-program shows money. */
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

/** An ISO instant on the Shanghai clock as the mini-program writes it: '3月5日 周四 08:00'. */
function shanghaiDayClock(iso: string): string {
  const clock = new Date(Date.parse(iso) + 8 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${clock.getUTCMonth() + 1}月${clock.getUTCDate()}日 周${'日一二三四五六'[clock.getUTCDay()]} ${pad(clock.getUTCHours())}:${pad(clock.getUTCMinutes())}`;
}

/** An ISO instant as a UTC DATETIME(3) literal, the way the server stores times. */
const utcDatetime = (iso: string) => new Date(iso).toISOString().slice(0, 23).replace('T', ' ');

describe('car owner service in the mini-program (H5 build)', () => {
  let server: TestServer;
  let browser: Browser;
  let advisorToken: string;
  /** One phone for the whole story: signing in by SMS twice within a minute is refused. */
  let page: Page;
  const owner = { name: '周先生', mobile: uniqueMobile() };
  const car = { vin: uniqueVin(), plate: uniquePlate(), modelName: '曙光 L 轿车', id: 0 };
  const note = '左前轮偶有异响，请顺便检查';
  const tomorrow = shanghaiDateIn(1);
  /** What the owner booked in the first test; the later tests read it back. */
  let booked: { body: ServiceBooking; recommendedIds: number[] } | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    advisorToken = await staffToken(server.baseUrl, 'sa.shpd');

    // The store registers the car when it is delivered: bought 13 months ago and driven 9,600 km, so the
    // first service is due; the insurance ends in three weeks.
    const models = await request(server.baseUrl).get('/api/vehicle-models').expect(200);
    const model = (models.body as VehicleModel[]).find((candidate) => candidate.name === car.modelName)!;
    const created = await request(server.baseUrl)
      .post('/api/vehicles')
      .set(bearer(advisorToken))
      .send({
        vin: car.vin,
        plate: car.plate,
        modelId: model.id,
        ownerMobile: owner.mobile,
        ownerName: owner.name,
        deliveredAt: shanghaiDateIn(-396),
        mileage: 9_600,
        insuranceCompany: '平安保险',
        insuranceExpiresOn: shanghaiDateIn(21),
        warrantyEndsOn: shanghaiDateIn(365 * 2),
        warrantyKm: 100_000,
      });
    expect(created.status).toBe(201);
    car.id = created.body.id as number;
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
    await page.screenshot({ path: artifactPath(`h5-service-${name}.png`), fullPage: true });
  }

  const answerTo = (method: string, url: RegExp) => nextResponse(page, method, url);

  it('has the owner prove their mobile by SMS before binding, then binds the car by VIN and plate and lists it on 我的车', async () => {
    page = await openH5OnPhone(browser, server.baseUrl);
    await page.locator('[data-testid=vehicle-model-card]').first().waitFor();

    // Signed in by WeChat only: the app knows nothing of the owner's mobile yet.
    await openH5Tab(page, '我的车');
    await onScreen('[data-testid=my-cars-logged-out]').waitFor();
    await onScreen('[data-testid=my-cars-login]').click();
    await onScreen('[data-testid=consent-checkbox]').click();
    const wechatLogin = answerTo('POST', /\/api\/auth\/customer\/wechat$/);
    await onScreen('[data-testid=wechat-login-button]').click();
    const wechatToken = ((await (await wechatLogin).json()) as { accessToken: string }).accessToken;
    await shownSettled('[data-testid=my-cars-empty]');
    await screenshot('1-my-cars-empty');

    // GET /me says the mobile is not verified, so 绑定爱车 goes straight to SMS verification, which asks for
    // an SMS code only and says why.
    const binds: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && bindUrl.test(sent.url())) binds.push(sent);
    });
    await onScreen('[data-testid=bind-vehicle]').click();
    await shownSettled('[data-testid=verify-mobile-notice]');
    expect(await onScreen('[data-testid=wechat-login-button]').count()).toBe(0);
    await onScreen('[data-testid=mobile-input] input').fill(owner.mobile);
    await onScreen('[data-testid=consent-checkbox]').click();
    await onScreen('[data-testid=send-sms-code-button]').click();
    // Development SMS: the code comes back in the answer and is filled in.
    await page.waitForFunction(() => {
      const input = [...document.querySelectorAll<HTMLInputElement>('[data-testid=sms-code-input] input')].find((element) => element.offsetParent !== null);
      return (input?.value ?? '').length >= 4;
    });
    await screenshot('2-login-verify-mobile');

    // The SMS sign-in carries the WeChat token, so the server moves the WeChat identity to the owner the store
    // registered. Then the bind form opens by itself.
    const smsLogin = answerTo('POST', /\/api\/auth\/customer\/sms-login$/);
    await onScreen('[data-testid=sms-login-button]').click();
    const smsAnswer = await smsLogin;
    expect(smsAnswer.status()).toBe(200);
    expect(smsAnswer.request().headers().authorization).toBe(`Bearer ${wechatToken}`);
    await shownSettled('[data-testid=vin-input]');
    expect(binds).toHaveLength(0);

    // The shape is checked on the phone: 16 characters are one short.
    await onScreen('[data-testid=vin-input] input').fill(car.vin.slice(0, 16).toLowerCase());
    expect(await onScreen('[data-testid=vin-input] input').inputValue()).toBe(car.vin.slice(0, 16));
    await onScreen('[data-testid=plate-input] input').fill('沪C12345');
    await onScreen('[data-testid=bind-submit]').click();
    await page.getByText('车架号（VIN）应为 17 位，当前 16 位').waitFor();

    // A whole VIN, but the wrong plate: the server does not say which of the two is wrong.
    await onScreen('[data-testid=vin-input] input').fill(car.vin);
    const mismatched = answerTo('POST', bindUrl);
    await onScreen('[data-testid=bind-submit]').click();
    expect((await mismatched).status()).toBe(422);
    await shownSettled('[data-testid=bind-rejected]');
    expect(await onScreen('[data-testid=bind-rejected]').textContent()).toContain('车架号与车牌不匹配');
    await screenshot('3-bind-not-matched');

    await onScreen('[data-testid=plate-input] input').fill(car.plate);
    const bound = answerTo('POST', bindUrl);
    const listed = answerTo('GET', /\/api\/me\/vehicles$/);
    await onScreen('[data-testid=bind-submit]').click();
    expect((await bound).status()).toBe(201);
    expect(binds.map((sent) => sent.postDataJSON())).toEqual([
      { vin: car.vin, plate: '沪C12345' },
      { vin: car.vin, plate: car.plate },
    ]);

    // Back on 我的车, the car with its mileage, what falls due next and the insurance reminder.
    const [{ nextDue }] = (await (await listed).json()) as OwnerVehicle[];
    const card = onScreen(`[data-testid=vehicle-card][data-vehicle-id="${car.id}"]`);
    await shownSettled(`[data-testid=vehicle-card][data-vehicle-id="${car.id}"]`);
    expect(await card.locator('[data-testid=vehicle-plate]').textContent()).toBe(car.plate);
    expect(await card.locator('[data-testid=vehicle-mileage]').textContent()).toBe('9,600 公里');
    expect(await card.locator('[data-testid=next-due-by-date]').textContent()).toMatch(/^按日期：\d{4}年\d{1,2}月\d{1,2}日 · .+$/);
    const { dueKm, name } = nextDue.byMileage!;
    const overdue = dueKm <= 9_600 ? '（已到期）' : '';
    expect(await card.locator('[data-testid=next-due-by-mileage]').textContent()).toBe(`按里程：${dueKm.toLocaleString('en-US')} 公里 · ${name}${overdue}`);
    expect(await card.textContent()).toContain('21 天后到期');
    await screenshot('4-my-cars');
  });

  it("opens the car's file and books maintenance at 上海浦东旗舰店 for tomorrow with the due items ticked", async () => {
    const fileLoaded = answerTo('GET', new RegExp(`/api/me/vehicles/${car.id}$`));
    await onScreen(`[data-testid=vehicle-card][data-vehicle-id="${car.id}"] [data-testid=open-vehicle-file]`).click();
    const file = (await (await fileLoaded).json()) as OwnerVehicleFile;
    await shownSettled('[data-testid=vehicle-file]');
    expect(await onScreen('[data-testid=file-vin]').textContent()).toBe(car.vin);
    expect(await onScreen('[data-testid=file-warranty]').textContent()).toBe('在保');
    expect(await onScreen('[data-testid=schedule-item]').count()).toBe(file.schedule.items.length);
    const dueItems = file.schedule.items.filter((item) => item.status !== 'NOT_DUE');
    expect(dueItems.length).toBeGreaterThan(0);
    // What needs doing comes first.
    const shownStatuses = await onScreen('[data-testid=schedule-item]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(shownStatuses.slice(0, dueItems.length).every((status) => status !== 'NOT_DUE')).toBe(true);
    expect(await onScreen('[data-testid=service-records]').textContent()).toContain('暂无保养记录');
    // The store that registered the car is its home store, with a button to call it.
    expect(await onScreen('[data-testid=file-store-name]').textContent()).toBe('上海浦东旗舰店');
    expect(await onScreen('[data-testid=call-home-store]').isVisible()).toBe(true);
    await screenshot('6-vehicle-file');
    // Taro scrolls inside the page, so the end of the file needs a screenshot of its own.
    await onScreen('[data-testid=insurance-warranty]').scrollIntoViewIfNeeded();
    await screenshot('6b-vehicle-file-end');

    const itemsLoaded = answerTo('GET', /\/api\/service\/items\?modelId=\d+$/);
    await onScreen('[data-testid=file-book-service]').click();
    const offered = (await (await itemsLoaded).json()) as ServiceItem[];
    const offeredIds = new Set(offered.map((item) => item.id));
    const recommendedIds = sorted(dueItems.map((item) => item.itemId).filter((id) => offeredIds.has(id)));
    expect(recommendedIds.length).toBeGreaterThan(0);

    // The car came from its file, its home store is chosen, and 保养 is the service unless the owner changes
    // them: the slots of 上海浦东旗舰店 are offered at once.
    await shownSettled('[data-testid=step-time] [data-testid=date-chip]');
    expect(await onScreen('[data-testid=step-vehicle]').textContent()).toContain(car.plate);
    expect(await onScreen('[data-testid=step-store]').textContent()).toContain('上海浦东旗舰店（爱车所属门店）');
    expect(await onScreen('[data-testid=store-choice]').count()).toBe(0);
    expect(await onScreen('[data-testid=step-service-type]').textContent()).toContain('保养');
    await onScreen('[data-testid=item-choice]').first().waitFor();
    await screenshot('7a-book-service-start');
    const checked = await onScreen('[data-testid=item-choice][data-checked=true]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-key'))));
    expect(sorted(checked)).toEqual(recommendedIds);

    const tomorrowChip = onScreen(`[data-testid=date-chip][data-date="${tomorrow}"]`);
    expect(await tomorrowChip.textContent()).toContain('明天');
    await tomorrowChip.click();
    const freeSlot = onScreen('[data-testid=slot][data-available=true]').first();
    await freeSlot.waitFor();
    await freeSlot.click();
    const selection = await onScreen('[data-testid=service-selection]').textContent();
    expect(selection).toMatch(/^\d{1,2}月\d{1,2}日 周. \d{2}:\d{2}–\d{2}:\d{2}$/);
    await shownSettled('[data-testid=step-time]');
    await screenshot('7b-book-service-slot');

    await onScreen('[data-testid=service-next]').click();
    await shownSettled('[data-testid=service-confirm-time]');
    expect(await onScreen('[data-testid=service-confirm-time]').textContent()).toBe(selection);
    expect(await onScreen('[data-testid=service-confirm-type]').textContent()).toBe('保养');
    const recommendedNames = offered.filter((item) => recommendedIds.includes(item.id)).map((item) => item.name);
    expect(await onScreen('[data-testid=service-confirm-items]').textContent()).toBe(recommendedNames.join('、'));
    await onScreen('[data-testid=service-note-input] textarea').fill(note);
    await screenshot('8-confirm');

    // A double tap on 确认预约 sends one request, with its Idempotency-Key.
    const posts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && serviceBookingsUrl.test(sent.url())) posts.push(sent);
    });
    const created = answerTo('POST', serviceBookingsUrl);
    await onScreen('[data-testid=confirm-service-booking]').dblclick();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as ServiceBooking;
    const sent = response.request().postDataJSON() as { itemIds: number[] };
    expect({ ...sent, itemIds: sorted(sent.itemIds) }).toEqual({
      vehicleId: car.id,
      storeId: body.store.id,
      serviceType: 'MAINTENANCE',
      startAt: body.startAt,
      itemIds: recommendedIds,
      note,
    });
    expect(body).toMatchObject({ status: 'CONFIRMED', serviceType: 'MAINTENANCE', store: { name: '上海浦东旗舰店' }, vehicle: { id: car.id }, customerNote: note });
    expect(shanghaiDate(new Date(body.startAt))).toBe(tomorrow);
    expect(sorted(body.items.map((item) => item.id))).toEqual(recommendedIds);
    booked = { body, recommendedIds };

    await shownSettled('[data-testid=service-booking-success]');
    expect(await onScreen('[data-testid=service-success-time]').textContent()).toBe(selection);
    expect(await onScreen('[data-testid=service-success-store]').textContent()).toBe('上海浦东旗舰店');
    await screenshot('9-success');
    expect(posts).toHaveLength(1);
    expect(posts[0].headers()['idempotency-key']).toMatch(IDEMPOTENCY_KEY);

    // 我的保养预约 lists it, waiting for the visit, with 改期 and 取消.
    await onScreen('[data-testid=service-success-my-bookings]').click();
    const bookingCard = onScreen(`[data-testid=service-booking-card][data-booking-id="${body.id}"]`);
    await shownSettled(`[data-testid=service-booking-card][data-booking-id="${body.id}"]`);
    expect(await onScreen('[data-testid=service-booking-card]').count()).toBe(1);
    expect(await bookingCard.locator('[data-testid=service-booking-status]').textContent()).toBe('待到店');
    expect(await bookingCard.locator('[data-testid=service-booking-time]').textContent()).toBe(selection);
    expect(await bookingCard.locator('[data-testid=service-booking-items]').textContent()).toBe(`项目：${recommendedNames.join('、')}`);
    expect(await bookingCard.textContent()).toContain(`保养 · ${car.plate}`);
    expect(await bookingCard.locator('[data-testid=reschedule-service-booking]').isVisible()).toBe(true);
    expect(await bookingCard.locator('[data-testid=cancel-service-booking]').isVisible()).toBe(true);
    // Until when: the store's cut-off before the visit, as the server answers it.
    expect(body.changeableUntil).not.toBeNull();
    expect(Date.parse(body.changeableUntil!)).toBeLessThan(Date.parse(body.startAt));
    expect(await bookingCard.locator('[data-testid=service-booking-change-window]').textContent()).toBe(`${shanghaiDayClock(body.changeableUntil!)} 前可在线改期或取消`);
    await screenshot('10-my-service-bookings');

    // Within the cut-off (the visit moved to an hour from now, behind the API and put back after), 改期 and
    // 取消 give way to a call to the store.
    await sql(server.databaseUrl, 'UPDATE service_bookings SET start_at = ?, end_at = ? WHERE id = ?', [
      utcDatetime(new Date(Date.now() + 3_600_000).toISOString()),
      utcDatetime(new Date(Date.now() + 2 * 3_600_000).toISOString()),
      body.id,
    ]);
    try {
      await page.goto(`${server.baseUrl}/h5/#/pages/service/my-bookings/index`);
      await page.reload();
      await shownSettled(`[data-testid=service-booking-card][data-booking-id="${body.id}"] [data-testid=call-store]`);
      expect(await bookingCard.locator('[data-testid=reschedule-service-booking]').count()).toBe(0);
      expect(await bookingCard.locator('[data-testid=cancel-service-booking]').count()).toBe(0);
      expect(await bookingCard.locator('[data-testid=service-booking-change-window]').textContent()).toBe('已过在线改期时限，如需改期或取消请致电门店 021-58881234');
      await screenshot('10b-my-service-bookings-past-cutoff');
    } finally {
      await sql(server.databaseUrl, 'UPDATE service_bookings SET start_at = ?, end_at = ? WHERE id = ?', [utcDatetime(body.startAt), utcDatetime(body.endAt), body.id]);
    }

    // Back before the cut-off, 改期 offers the store's slots of that day with the booking's own marked, and says
    // until when it can still be changed. (Only looked at: the board test below needs the booking where it is.)
    await page.goto(`${server.baseUrl}/h5/?fresh=${Date.now()}#/pages/service/my-bookings/index`);
    await shownSettled(`[data-testid=service-booking-card][data-booking-id="${body.id}"] [data-testid=reschedule-service-booking]`);
    await bookingCard.locator('[data-testid=reschedule-service-booking]').click();
    await shownSettled('[data-testid=slot-grid]');
    expect(await onScreen('[data-testid=reschedule-change-window]').textContent()).toBe(
      `${shanghaiDayClock(body.changeableUntil!)} 前可在线改期或取消，之后如需调整请致电 021-58881234`,
    );
    expect(await onScreen('[data-testid=slot]').filter({ hasText: '当前预约' }).count()).toBe(1);
    await onScreen('[data-testid=slot][data-available=true]').first().click();
    expect(await onScreen('[data-testid=confirm-service-reschedule]').getAttribute('class')).not.toContain('inactive');
    await screenshot('10c-reschedule');
  });

  it("puts the booking on 上海浦东旗舰店's board for tomorrow, for its service advisor", async () => {
    expect(booked).toBeDefined();
    const { body, recommendedIds } = booked!;

    const board = await request(server.baseUrl).get('/api/service/board').query({ storeId: body.store.id }).set(bearer(advisorToken)).expect(200);
    const { storeId, date, arrivals } = board.body as Board;

    expect(storeId).toBe(body.store.id);
    expect(date).toBe(tomorrow);
    const arrival = arrivals.find((candidate) => candidate.booking.id === body.id);
    expect(arrival).toBeDefined();
    expect(arrival!.booking).toMatchObject({ status: 'CONFIRMED', serviceType: 'MAINTENANCE', customerNote: note });
    expect(Date.parse(arrival!.booking.startAt)).toBe(Date.parse(body.startAt));
    expect(arrival!.vehicle).toMatchObject({ id: car.id, vin: car.vin, plate: car.plate });
    expect(sorted(arrival!.requestedItems.map((item) => item.id))).toEqual(recommendedIds);
  });

  it('follows the car through the workshop on 维修进度 once it is received', async () => {
    expect(booked).toBeDefined();
    const checkIn = await request(server.baseUrl)
      .post('/api/service/work-orders')
      .set(bearer(advisorToken))
      .send({ bookingId: booked!.body.id, mileage: 9_850 });
    expect(checkIn.status).toBe(201);
    const order = checkIn.body as WorkOrder;
    const started = await request(server.baseUrl)
      .post(`/api/service/work-orders/${order.id}/status`)
      .set(bearer(advisorToken))
      .send({ status: 'IN_PROGRESS' })
      .expect(200);
    const inProgress = started.body as WorkOrder;

    // From 我的 (a fresh start of the app, still signed in): the booking shows the car received, and
    // 维修进度 where it stands.
    await page.goto(`${server.baseUrl}/h5/`);
    await openH5Tab(page, '我的');
    await onScreen('[data-testid=me-service-bookings]').click();
    const bookingCard = onScreen(`[data-testid=service-booking-card][data-booking-id="${booked!.body.id}"]`);
    await shownSettled(`[data-testid=service-booking-card][data-booking-id="${booked!.body.id}"]`);
    expect(await bookingCard.locator('[data-testid=service-booking-status]').textContent()).toBe('已到店');
    expect(await bookingCard.locator('[data-testid=reschedule-service-booking]').count()).toBe(0);
    expect(await bookingCard.locator('[data-testid=service-booking-change-window]').count()).toBe(0);
    await bookingCard.locator('[data-testid=open-work-order]').click();
    const orderCard = onScreen(`[data-testid=work-order-card][data-work-order-id="${order.id}"]`);
    await shownSettled(`[data-testid=work-order-card][data-work-order-id="${order.id}"]`);
    expect(await orderCard.locator('[data-testid=work-order-status]').textContent()).toBe('维修中');
    const steps = await orderCard.locator('[data-testid=progress-step]').evaluateAll((elements) =>
      elements.map((element) => [element.querySelector('.progress-steps__label')?.textContent, element.getAttribute('data-state')]),
    );
    expect(steps).toEqual([
      ['已接车', 'done'],
      ['维修中', 'current'],
      ['质检中', 'todo'],
      ['待取车', 'todo'],
      ['已结算', 'todo'],
    ]);
    const cardText = await orderCard.textContent();
    for (const item of inProgress.items) expect(cardText).toContain(item.name);
    expect(await orderCard.locator('[data-testid=work-order-total]').textContent()).toBe(yuan(inProgress.totalFen));
    expect(cardText).toContain('致电门店 021-58881234');
    await screenshot('11-work-orders');
  });

  it("opens the owner's account at the next WeChat sign-in, since verifying moved the WeChat identity to the owner", async () => {
    await page.goto(`${server.baseUrl}/h5/`);
    await openH5Tab(page, '我的');
    await onScreen('[data-testid=logout-button]').click();
    await page.locator('.taro-model__confirm').click();
    await onScreen('[data-testid=me-logged-out]').waitFor();

    await onScreen('[data-testid=me-login-button]').click();
    await onScreen('[data-testid=consent-checkbox]').click();
    await onScreen('[data-testid=wechat-login-button]').click();
    await shownSettled('[data-testid=me-logged-in]');
    await page.waitForFunction((name) => document.querySelector('[data-testid=me-name]')?.textContent === name, owner.name);

    await openH5Tab(page, '我的车');
    await shownSettled(`[data-testid=vehicle-card][data-vehicle-id="${car.id}"]`);
    await screenshot('12-wechat-login-owner');
  });
});
