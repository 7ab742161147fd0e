import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { sql } from '../support/database';
import { settle, shanghaiDateIn, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

/** Store 1 (上海浦东旗舰店) is open at 10:00 every day of the week. */
const STORE = 1;
const SLOT = '10:00';
const OWNER_NAME = '孙车主';
const NOTE = '上次保养后偶有异响，麻烦一并检查';
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(180_000);

describe('the workshop in the admin', () => {
  let server: TestServer;
  let browser: Browser;
  let advisorToken: string;
  const car = { id: 0, vin: uniqueVin(), plate: uniquePlate(), mobile: uniqueMobile(), bookingId: 0, itemNames: [] as string[] };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const api = request(server.baseUrl);
    advisorToken = await staffToken(server.baseUrl, 'sa.shpd');

    // A 曙光 L delivered about 11 months ago at 9,000 km: its first oil service is due.
    const deliveredAt = shanghaiDateIn(-330);
    const created = await api
      .post('/api/vehicles')
      .set(bearer(advisorToken))
      .send({ vin: car.vin, plate: car.plate, modelId: 1, ownerMobile: car.mobile, ownerName: OWNER_NAME, deliveredAt, mileage: 9_000 })
      .expect(201);
    car.id = created.body.id;

    // The owner signs in by SMS, binds the car and books tomorrow's 10:00 with the recommended items.
    const owner = await ownerToken(server.baseUrl, car.mobile);
    await api.post('/api/me/vehicles/bind').set(bearer(owner)).send({ vin: car.vin, plate: car.plate }).expect(201);
    const file = await api.get(`/api/me/vehicles/${car.id}`).set(bearer(owner)).expect(200);
    const recommended = (file.body.schedule.items as { itemId: number; name: string; status: string }[]).filter((item) => item.status !== 'NOT_DUE');
    expect(recommended.length).toBeGreaterThan(0);
    car.itemNames = recommended.map((item) => item.name);
    const booked = await api
      .post('/api/me/service-bookings')
      .set(bearer(owner))
      .set('Idempotency-Key', `browser-${car.vin}`)
      .send({
        vehicleId: car.id,
        storeId: STORE,
        serviceType: 'MAINTENANCE',
        startAt: `${shanghaiDateIn(1)}T${SLOT}:00+08:00`,
        itemIds: recommended.map((item) => item.itemId),
        note: NOTE,
      })
      .expect(201);
    car.bookingId = booked.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Picks an option of an antd Select by typing part of its label. */
  async function choose(page: Page, selectTestId: string, typed: string, option: string) {
    await page.click(`[data-testid=${selectTestId}]`);
    await page.keyboard.type(typed);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  it('checks a booked car in from 明日到店, works the order through the stepper to 已结算 and files the visit', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'sa.shpd');

    // 明日到店 from the 售后服务 menu: tomorrow's arrivals of the advisor's store.
    await page.locator('[data-testid=admin-menu]').getByText('明日到店').click();
    await page.waitForURL(/\/admin\/service\/board$/);
    const card = page.locator(`[data-testid=arrival-card][data-booking-id="${car.bookingId}"]`);
    await card.waitFor();
    expect(await page.textContent('[data-testid=store-fixed]')).toContain('上海浦东旗舰店');
    expect(await card.locator('[data-testid=arrival-time]').textContent()).toContain(SLOT);
    expect(await card.textContent()).toContain(car.plate);
    expect(await card.textContent()).toContain(OWNER_NAME);
    expect(await card.textContent()).toContain('曙光 L');
    expect(await card.locator('[data-testid=arrival-note]').textContent()).toContain(NOTE);
    for (const name of car.itemNames) expect(await card.locator('[data-testid=arrival-requested]').textContent()).toContain(name);
    // Store 1 has 40 of every part: the parts for the booked items are in.
    const parts = card.locator('[data-testid=parts-status]');
    expect(await parts.getAttribute('data-ready')).toBe('true');
    expect(await parts.textContent()).toContain('配件齐');
    expect(await card.locator('[data-testid=parts-line]').count()).toBeGreaterThan(0);
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-board.png'), fullPage: true });

    // 到店接车: the odometer cannot read below the last reading; then the order opens.
    await card.locator('[data-testid=arrival-check-in]').click();
    await page.locator('[data-testid=check-in-form]').waitFor();
    await page.fill('[data-testid=check-in-mileage]', '8500');
    await page.click('[data-testid=check-in-submit]');
    await page.locator('[data-testid=check-in-form] .ant-form-item-explain-error').filter({ hasText: '不能低于上次登记的 9,000 km' }).waitFor();
    await page.fill('[data-testid=check-in-mileage]', '9460');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-check-in.png') });
    await page.click('[data-testid=check-in-submit]');
    await page.waitForURL(/\/admin\/service\/work-orders\/\d+$/);
    const workOrderId = Number(page.url().split('/').pop());
    const detail = page.locator('[data-testid=work-order-detail]');
    await detail.waitFor();
    expect(await detail.getAttribute('data-status')).toBe('CHECKED_IN');

    // The booked items came over; add 四轮定位 from the catalogue and a custom line with a part.
    const rows = page.locator('[data-testid=line-table] tbody tr.ant-table-row');
    expect(await rows.count()).toBe(car.itemNames.length);
    for (const name of car.itemNames) await rows.filter({ hasText: name }).waitFor();
    await choose(page, 'line-add-item', '四轮', '四轮定位');
    await rows.filter({ hasText: '四轮定位' }).waitFor();
    await page.click('[data-testid=line-add-custom]');
    await page.locator('[data-testid=line-form]').waitFor();
    await page.fill('[data-testid=line-name]', '检查右前悬挂异响');
    await page.fill('[data-testid=line-labour]', '0.5');
    await page.click('[data-testid=line-add-part]');
    await choose(page, 'line-part', '雨刮', '雨刮片');
    await page.locator('[data-testid=line-preview]').getByText('¥168.00').waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-line-modal.png') });
    await page.click('[data-testid=line-submit]');
    await page.locator('[data-testid=line-form]').waitFor({ state: 'detached' });
    const custom = rows.filter({ hasText: '检查右前悬挂异响' });
    await custom.waitFor();
    expect(await custom.textContent()).toContain('自定义');
    expect(await custom.textContent()).toContain('WIPER-BLADE');

    // What the page totals is what the server priced.
    const priced = await request(server.baseUrl).get(`/api/service/work-orders/${workOrderId}`).set(bearer(advisorToken)).expect(200);
    expect(priced.body.items).toHaveLength(car.itemNames.length + 2);
    const totalFen = priced.body.totalFen as number;
    expect(totalFen).toBe(priced.body.labourFen + priced.body.partsFen);
    expect(await page.textContent('[data-testid=work-order-total]')).toBe(yuan(totalFen));
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-work-order.png'), fullPage: true });

    // 接车 → 维修中 → 质检 → (不通过，返工) → 质检 → 待交车 → 结算.
    const move = async (to: string, status: string) => {
      await page.click(`[data-testid=work-order-move-${to}]`);
      await page.locator(`[data-testid=work-order-detail][data-status=${status}]`).waitFor();
    };
    await move('IN_PROGRESS', 'IN_PROGRESS');
    await move('QUALITY_CHECK', 'QUALITY_CHECK');
    expect(await page.textContent('[data-testid=work-order-actions]')).toContain('质检不通过，返工');
    await move('IN_PROGRESS', 'IN_PROGRESS');
    await move('QUALITY_CHECK', 'QUALITY_CHECK');
    await move('READY', 'READY');
    await page.click('[data-testid=work-order-move-SETTLED]');
    await page.locator('[data-testid=settle-summary]').waitFor();
    expect(await page.textContent('[data-testid=settle-total]')).toBe(yuan(totalFen));
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-settle-confirm.png') });
    await page.click('[data-testid=settle-confirm]');
    await page.locator('[data-testid=work-order-detail][data-status=SETTLED]').waitFor();
    expect(await page.textContent('[data-testid=work-order-detail] [data-testid=work-order-status]')).toBe('已结算');
    expect(await page.locator('[data-testid=work-order-actions]').count()).toBe(0);
    expect(await page.locator('[data-testid=line-add-item]').count()).toBe(0);
    expect(await page.textContent('[data-testid=work-order-total]')).toBe(yuan(totalFen));
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-settled.png'), fullPage: true });

    // The car's 维修记录 shows the visit with its lines and the settled total.
    await page.click('[data-testid=work-order-vehicle-link]');
    await page.waitForURL(new RegExp(`/admin/vehicles/${car.id}\\?tab=records$`));
    const record = page.locator(`[data-testid=service-record][data-work-order-id="${workOrderId}"]`);
    await record.waitFor();
    expect(await record.textContent()).toContain('进厂里程 9,460 km');
    expect(await record.textContent()).toContain('检查右前悬挂异响');
    expect(await record.locator('[data-testid=service-record-total]').textContent()).toBe(`合计 ${yuan(totalFen)}`);
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-vehicle-records.png'), fullPage: true });

    // The server holds what the pages show: settled, and the check-in reading on the file.
    const settled = await request(server.baseUrl).get(`/api/service/work-orders/${workOrderId}`).set(bearer(advisorToken)).expect(200);
    expect(settled.body).toMatchObject({ status: 'SETTLED', totalFen, checkInMileage: 9_460, bookingId: car.bookingId });
    const file = await request(server.baseUrl).get(`/api/vehicles/${car.id}`).set(bearer(advisorToken)).expect(200);
    expect(file.body.mileageKm).toBe(9_460);
    expect(file.body.serviceRecords).toEqual([expect.objectContaining({ workOrderId, totalFen })]);
    await page.context().close();
  });

  it('files a car from 车辆档案 (VIN and plate checked in the form) and shows the calendar and the parts stock', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'sa.shpd');
    await page.locator('[data-testid=admin-menu]').getByText('车辆档案').click();
    await page.waitForURL(/\/admin\/vehicles$/);
    await page.locator('[data-testid=vehicle-table] tbody tr.ant-table-row').first().waitFor();

    // Found by its plate.
    await page.fill('input[data-testid=vehicle-search], [data-testid=vehicle-search] input', car.plate);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=/);
    const found = page.locator('[data-testid=vehicle-table] tbody tr.ant-table-row');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=vehicle-table] tbody tr.ant-table-row').length === 1);
    expect(await found.textContent()).toContain(car.plate);

    // 新建车辆: a mistyped VIN and plate are caught in the form, then the car is filed and opens.
    const vin = uniqueVin();
    const plate = uniquePlate();
    await page.click('[data-testid=vehicle-create]');
    const form = page.locator('[data-testid=vehicle-form]');
    await form.waitFor();
    await page.fill('[data-testid=vehicle-form-vin]', `${vin.slice(0, 8)}${vin[8] === '1' ? '2' : '1'}${vin.slice(9)}`);
    await page.fill('[data-testid=vehicle-form-plate]', '沪B12');
    await choose(page, 'vehicle-form-model', '远峰', '远峰 X');
    await page.fill('[data-testid=vehicle-form-owner-name]', '钱车主');
    await page.fill('[data-testid=vehicle-form-owner-mobile]', uniqueMobile());
    await page.click('[data-testid=vehicle-form-submit]');
    await form.locator('.ant-form-item-explain-error').filter({ hasText: '车架号（VIN）校验位不符' }).waitFor();
    await form.locator('.ant-form-item-explain-error').filter({ hasText: '车牌号应为 7 位' }).waitFor();
    await page.fill('[data-testid=vehicle-form-vin]', vin);
    await page.fill('[data-testid=vehicle-form-plate]', plate);
    await page.fill('[data-testid=vehicle-form-mileage]', '1200');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-vehicle-create.png') });
    await page.click('[data-testid=vehicle-form-submit]');
    await page.waitForURL(/\/admin\/vehicles\/\d+$/);
    await page.locator('[data-testid=vehicle-detail-title]').getByText(plate).waitFor();
    expect(await page.textContent('[data-testid=vehicle-mileage]')).toBe('1,200 km');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-vehicle-file.png'), fullPage: true });

    // 登记里程 below the current reading is a correction: it needs a reason.
    await page.click('[data-testid=vehicle-record-mileage]');
    await page.fill('[data-testid=mileage-km]', '1100');
    await page.click('[data-testid=mileage-submit]');
    await page.locator('[data-testid=mileage-form] .ant-form-item-explain-error').filter({ hasText: '请填写更正原因' }).waitFor();
    await page.fill('[data-testid=mileage-reason]', '建档时多录了 100 km');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-mileage.png') });
    await page.click('[data-testid=mileage-submit]');
    await page.locator('[data-testid=mileage-form]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=vehicle-mileage]').getByText('1,100 km').waitFor();
    expect(await page.textContent('[data-testid=mileage-readings]')).toContain('建档时多录了 100 km');

    // 保险: the insurer and the expiry date, saved with PATCH.
    await page.locator('[data-testid=vehicle-tabs]').getByText('保险', { exact: true }).click();
    await page.click('[data-testid=vehicle-edit-insurance]');
    await page.fill('[data-testid=vehicle-edit-insurance-company]', '太平洋保险');
    await page.locator('[data-testid=vehicle-edit-form] .ant-picker input').first().click();
    await page.locator('[data-testid=vehicle-edit-form] .ant-picker input').first().fill(shanghaiDateIn(20));
    await page.click('[data-testid=vehicle-edit-insurance-company]');
    await page.click('[data-testid=vehicle-edit-submit]');
    await page.locator('[data-testid=vehicle-edit-form]').waitFor({ state: 'detached' });
    const insurance = page.locator('[data-testid=vehicle-insurance]');
    await insurance.getByText('太平洋保险').waitFor();
    expect(await insurance.locator('[data-testid=insurance-expiry]').getAttribute('data-state')).toBe('expiring');
    expect(await insurance.textContent()).toContain('20 天后到期');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-vehicle-insurance.png'), fullPage: true });

    await page.locator('[data-testid=vehicle-tabs]').getByText('保养计划').click();
    await page.locator('[data-testid=maintenance-items] tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-vehicle-plan.png'), fullPage: true });

    // 预约日历: this week holds tomorrow's booking, now checked in.
    await page.locator('[data-testid=admin-menu]').getByText('预约日历').click();
    await page.waitForURL(/\/admin\/service\/calendar$/);
    const booking = page.locator(`[data-testid=calendar-booking][data-booking-id="${car.bookingId}"]`);
    await page.locator('[data-testid=week-grid]').waitFor();
    if ((await page.locator(`[data-testid=week-day][data-date="${shanghaiDateIn(1)}"]`).count()) === 0) {
      // Today is a Sunday: tomorrow is in next week.
      await page.click('[data-testid=calendar-next-week]');
    }
    await booking.waitFor();
    expect(await booking.getAttribute('data-status')).toBe('CHECKED_IN');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-calendar.png'), fullPage: true });
    await booking.click();
    await page.locator('[data-testid=service-booking-drawer]').waitFor();
    expect(await page.textContent('[data-testid=service-booking-drawer]')).toContain(`工单 #`);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=service-booking-drawer]').waitFor({ state: 'hidden' });

    // 电话预约 for the car just filed: found by its plate, 四轮定位 at 14:00 tomorrow.
    await page.click('[data-testid=phone-booking]');
    const phoneForm = page.locator('[data-testid=phone-booking-form]');
    await phoneForm.waitFor();
    await choose(page, 'vehicle-search-select', plate, plate);
    await phoneForm.locator('[data-testid=phone-booking-items]').getByText('四轮定位').click();
    await phoneForm.locator('[data-testid=booking-slot][data-slot="14:00"]').click();
    await page.fill('#phone-booking_note', '客户电话：方向盘跑偏');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-phone-booking.png') });
    await page.click('[data-testid=phone-booking-submit]');
    await phoneForm.waitFor({ state: 'detached' });
    const phoned = page.locator(`[data-testid=week-day][data-date="${shanghaiDateIn(1)}"] [data-testid=calendar-booking]`).filter({ hasText: plate });
    await phoned.waitFor();
    expect(await phoned.getAttribute('data-status')).toBe('CONFIRMED');
    expect(await phoned.textContent()).toContain('14:00');

    // 配件库存: the oil filter went out with the settled order; receive 5 more.
    await page.locator('[data-testid=admin-menu]').getByText('配件库存').click();
    await page.waitForURL(/\/admin\/service\/parts$/);
    const filterRow = page.locator('[data-testid=part-stock-table] tbody tr.ant-table-row').filter({ hasText: 'OIL-FILTER' });
    await filterRow.waitFor();
    const before = Number(await filterRow.locator('[data-testid=part-quantity]').textContent());
    expect(before).toBeLessThan(40);
    await page.click('[data-testid=part-receive-OIL-FILTER]');
    await page.locator('[data-testid=receive-form]').waitFor();
    await page.fill('[data-testid=receive-quantity]', '5');
    await page.click('[data-testid=receive-submit]');
    await page.locator('[data-testid=receive-form]').waitFor({ state: 'detached' });
    await filterRow.locator('[data-testid=part-quantity]').getByText(String(before + 5), { exact: true }).waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-parts.png'), fullPage: true });
    await page.click('[data-testid=parts-movements]');
    await page.locator('[data-testid=part-movements] tbody tr.ant-table-row').filter({ hasText: '采购入库' }).first().waitFor();
    expect(await page.textContent('[data-testid=part-movements]')).toContain('结算');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-part-movements.png') });
    await page.context().close();
  });

  it('flags 缺件 on the board and refuses to settle an order short of parts, naming the part, until stock is received', async () => {
    // A car of 闵行店 (store 2) booked for an oil service tomorrow, while the store has no oil filter left.
    const api = request(server.baseUrl);
    const minhang = await staffToken(server.baseUrl, 'sa.shmh');
    const short = { vin: uniqueVin(), plate: uniquePlate(), mobile: uniqueMobile() };
    const created = await api
      .post('/api/vehicles')
      .set(bearer(minhang))
      .send({ vin: short.vin, plate: short.plate, modelId: 1, ownerMobile: short.mobile, ownerName: '周车主', deliveredAt: shanghaiDateIn(-200), mileage: 6_000 })
      .expect(201);
    const owner = await ownerToken(server.baseUrl, short.mobile);
    await api.post('/api/me/vehicles/bind').set(bearer(owner)).send({ vin: short.vin, plate: short.plate }).expect(201);
    const catalogue = await api.get('/api/service/items?modelId=1').expect(200);
    const oilService = (catalogue.body as { id: number; code: string }[]).find((item) => item.code === 'OIL_SERVICE')!;
    await api
      .post('/api/me/service-bookings')
      .set(bearer(owner))
      .set('Idempotency-Key', `browser-${short.vin}`)
      .send({ vehicleId: created.body.id, storeId: 2, serviceType: 'MAINTENANCE', startAt: `${shanghaiDateIn(1)}T11:00:00+08:00`, itemIds: [oilService.id] })
      .expect(201);
    await sql(server.databaseUrl, "UPDATE part_stocks s JOIN parts p ON p.id = s.part_id SET s.quantity = 0 WHERE s.store_id = 2 AND p.code = 'OIL-FILTER'");

    const page = await signInToAdmin(browser, server.baseUrl, 'sa.shmh');
    await page.goto(`${server.baseUrl}/admin/service/board`);
    const card = page.locator('[data-testid=arrival-card]').filter({ hasText: short.plate });
    await card.waitFor();
    const parts = card.locator('[data-testid=parts-status]');
    expect(await parts.getAttribute('data-ready')).toBe('false');
    expect(await parts.textContent()).toContain('缺件');
    expect(await card.locator('[data-testid=parts-line][data-short="1"]').textContent()).toContain('机油滤清器');
    expect(await card.locator('[data-testid=parts-line][data-short="1"]').textContent()).toContain('缺 1');
    await page.locator('[data-testid=board-count-short]').getByText('1', { exact: true }).waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-board-short.png'), fullPage: true });

    // Checked in and worked, but settling takes parts the store does not have.
    await card.locator('[data-testid=arrival-check-in]').click();
    await page.fill('[data-testid=check-in-mileage]', '6120');
    await page.click('[data-testid=check-in-submit]');
    await page.waitForURL(/\/admin\/service\/work-orders\/\d+$/);
    for (const [to, status] of [['IN_PROGRESS', 'IN_PROGRESS'], ['QUALITY_CHECK', 'QUALITY_CHECK'], ['READY', 'READY']]) {
      await page.click(`[data-testid=work-order-move-${to}]`);
      await page.locator(`[data-testid=work-order-detail][data-status=${status}]`).waitFor();
    }
    await page.click('[data-testid=work-order-move-SETTLED]');
    await page.click('[data-testid=settle-confirm]');
    const shortage = page.locator('[data-testid=parts-out-of-stock]');
    await shortage.waitFor();
    expect(await shortage.locator('[data-testid=parts-out-of-stock-line]').textContent()).toContain('OIL-FILTER');
    expect(await shortage.textContent()).toContain('机油滤清器 需要 1，库存 0');
    expect(await page.locator('[data-testid=work-order-detail]').getAttribute('data-status')).toBe('READY');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-parts-out-of-stock.png'), fullPage: true });

    // 入库 from the stock page the alert links to, then the order settles.
    const orderUrl = page.url();
    await shortage.getByRole('link', { name: '配件库存' }).click();
    await page.waitForURL(/\/admin\/service\/parts\?storeId=2$/);
    await page.click('[data-testid=part-receive-OIL-FILTER]');
    await page.fill('[data-testid=receive-quantity]', '10');
    await page.click('[data-testid=receive-submit]');
    await page.locator('[data-testid=receive-form]').waitFor({ state: 'detached' });
    await page.goto(orderUrl);
    await page.click('[data-testid=work-order-move-SETTLED]');
    await page.click('[data-testid=settle-confirm]');
    await page.locator('[data-testid=work-order-detail][data-status=SETTLED]').waitFor();

    // The list finds it by plate, settled.
    await page.locator('[data-testid=admin-menu]').getByText('工单', { exact: true }).click();
    await page.waitForURL(/\/admin\/service\/work-orders$/);
    await page.fill('input[data-testid=work-order-search], [data-testid=work-order-search] input', short.plate);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=work-order-table] tbody tr.ant-table-row').length === 1);
    expect(await page.textContent('[data-testid=work-order-table] tbody tr.ant-table-row')).toContain('已结算');
    await page.goto(`${server.baseUrl}/admin/service/work-orders`);
    await page.locator('[data-testid=work-order-table] tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-service-work-orders.png'), fullPage: true });
    await page.context().close();
  });
});
