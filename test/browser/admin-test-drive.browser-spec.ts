import { Browser } from 'playwright-core';
import request from 'supertest';
import { withVinCheckDigit } from '../../server/src/contracts/vin.rules';
import { staffToken } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { settle, shanghaiDate, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A slot every store is open for on any day of the week (weekdays 09:00–18:00, weekends 09:00–17:30). */
const SLOT = '10:00';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(120_000);

describe('test drives in the admin', () => {
  let server: TestServer;
  let browser: Browser;
  let managerToken: string;
  let leadId: number;
  const customer = { name: '黄女士', mobile: '13700005678' };
  const feedback = '动力充沛，后排空间满意，关心保养费用';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    managerToken = await staffToken(server.baseUrl, 'sm.shpd');
    // A walk-in keyed in at 浦东旗舰店 (store 1), who wants to try the car before deciding.
    const created = await request(server.baseUrl)
      .post('/api/leads')
      .set('Authorization', `Bearer ${managerToken}`)
      .send({ ...customer, source: 'WALK_IN', storeId: 1, intendedModelId: 1, note: '到店看车，想周末试驾' })
      .expect(201);
    leadId = created.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string) => signInToAdmin(browser, server.baseUrl, username);

  it('books a free slot two days ahead for a lead, starts and finishes the drive, and the lead moves to 已试驾', async () => {
    const page = await signIn('sm.shpd');
    const day = shanghaiDate(new Date(Date.now() + 2 * DAY_MS));

    // 试驾排班 from the menu: today's board of the manager's own store, then two days ahead.
    await page.locator('[data-testid=admin-menu]').getByText('试驾排班').click();
    await page.waitForURL(/\/admin\/test-drives$/);
    await page.locator('[data-testid=schedule-grid]').waitFor();
    expect(await page.textContent('[data-testid=store-fixed]')).toContain('上海浦东旗舰店');
    const dayLoaded = page.waitForResponse((response) => response.url().includes('/api/test-drives/schedule') && response.url().includes(`date=${day}`));
    await page.click('[data-testid=board-next-day]');
    await page.click('[data-testid=board-next-day]');
    await page.waitForURL(new RegExp(`date=${day}`));
    // The URL changes before React renders the new day: wait for that day's board itself.
    await dayLoaded;
    await settle(page);

    // A free 10:00 cell of an available car: 代客预约 for the lead, found by name.
    const freeCell = page.locator(`[data-testid=schedule-cell][data-state=free][data-slot="${SLOT}"]`).first();
    const carId = await freeCell.getAttribute('data-car-id');
    const carRow = page.locator(`[data-testid=schedule-car][data-car-id="${carId}"]`);
    const modelName = (await carRow.locator('.ant-typography-secondary').textContent())!.trim();
    await freeCell.locator('[data-testid=schedule-book]').click();
    await page.locator('[data-testid=booking-form]').waitFor();
    expect(await page.textContent('[data-testid=booking-summary]')).toContain(`${day} ${SLOT}`);
    await page.click('[data-testid=booking-lead]');
    await page.keyboard.type(customer.name);
    await page.locator('[data-testid=booking-lead-option]').filter({ hasText: customer.name }).click();
    // Under load the search results can re-render as the option is clicked: submit only once the lead is chosen.
    await page.locator('[data-testid=booking-lead]').filter({ hasText: customer.name }).waitFor();
    await page.click('[data-testid=booking-submit]');
    try {
      await page.locator('[data-testid=booking-form]').waitFor({ state: 'detached' });
    } catch (error) {
      await page.screenshot({ path: artifactPath('admin-test-drive-booking-stuck.png'), fullPage: true });
      throw error;
    }

    // The booking is on the board, blue (已确认), and counted.
    const booking = page.locator('[data-testid=schedule-booking]').filter({ hasText: customer.name });
    await booking.waitFor();
    expect(await booking.getAttribute('data-status')).toBe('CONFIRMED');
    expect(await booking.textContent()).toContain('已确认');
    expect(await page.locator('[data-testid=schedule-booking]').filter({ hasText: customer.name }).locator('..').getAttribute('data-slot')).toBe(SLOT);
    await page.locator('[data-testid=board-count-total]').getByText('1', { exact: true }).waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-test-drive-board.png'), fullPage: true });

    // 开始试驾: the licence check is required before the keys are handed over.
    await booking.click();
    const drawer = page.locator('[data-testid=booking-drawer]');
    await drawer.locator('[data-testid=booking-detail]').waitFor();
    expect(await drawer.textContent()).toContain(modelName);
    await page.fill('[data-testid=start-odometer]', '12000');
    await page.click('[data-testid=start-submit]');
    await drawer.locator('.ant-form-item-explain-error').filter({ hasText: '出车前须核验客户驾驶证' }).waitFor();
    await page.click('[data-testid=start-licence]');
    await page.click('[data-testid=start-submit]');

    // 结束试驾: odometer back, feedback and the next follow-up.
    await drawer.locator('[data-testid=finish-drive-form]').waitFor();
    expect(await drawer.locator('[data-testid=booking-status-tag]').textContent()).toBe('试驾中');
    await page.fill('[data-testid=finish-odometer]', '11990');
    await page.fill('[data-testid=finish-feedback]', feedback);
    await page.click('[data-testid=finish-submit]');
    await drawer.locator('.ant-form-item-explain-error').filter({ hasText: '还车里程不能小于出车里程' }).waitFor();
    await drawer.locator('.ant-form-item-explain-error').filter({ hasText: '请填写跟进目的' }).waitFor();
    await page.fill('[data-testid=finish-odometer]', '12018');
    await page.locator('[data-testid=next-follow-up-purpose] input').fill('回访试驾感受并报价');
    await drawer.locator('.ant-drawer-title, [data-testid=booking-detail]').first().click();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-test-drive-drawer.png') });
    await page.click('[data-testid=finish-submit]');
    await drawer.locator('[data-testid=booking-status-tag]').getByText('已完成').waitFor();
    expect(await drawer.locator('[data-testid=booking-detail]').textContent()).toContain('18 km');

    // The board follows: green, and counted as completed.
    await page.locator('[data-testid=schedule-booking][data-status=COMPLETED]').filter({ hasText: customer.name }).waitFor();
    await page.locator('[data-testid=board-count-completed]').getByText('1', { exact: true }).waitFor();

    // The lead: 已试驾, with the feedback and the test drive on its timeline.
    await page.click('[data-testid=booking-lead-link]');
    await page.waitForURL(new RegExp(`/admin/leads/${leadId}$`));
    await page.locator('[data-testid=lead-detail-page]').waitFor();
    expect(await page.textContent('[data-testid=lead-detail-page] [data-testid=lead-stage-tag]')).toBe('已试驾');
    expect(await page.textContent('[data-testid=lead-customer-card]')).toContain(feedback);
    const testDriveEntry = page.locator('[data-testid=lead-timeline-entry][data-kind=TEST_DRIVE]');
    expect(await testDriveEntry.textContent()).toContain(`预约试驾 ${modelName}：已完成`);

    // The server holds what the pages show.
    const lead = await request(server.baseUrl).get(`/api/leads/${leadId}`).set('Authorization', `Bearer ${managerToken}`).expect(200);
    expect(lead.body.stage).toBe('TEST_DRIVEN');
    expect(lead.body.testDriveFeedback).toBe(feedback);
    expect(lead.body.openTasks).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: '回访试驾感受并报价' })]));

    await page.context().close();
  });
  it('adds a car to the fleet and takes a booked car into service: the booking moves to the new car', async () => {
    // A customer booked on 曙光 L three days ahead; the store has one 曙光 L, which is about to go to the workshop.
    const created = await request(server.baseUrl)
      .post('/api/leads')
      .set('Authorization', `Bearer ${managerToken}`)
      .send({ name: '周先生', mobile: '13700008765', source: 'HOTLINE', storeId: 1, intendedModelId: 1 })
      .expect(201);
    const threeDaysAhead = shanghaiDate(new Date(Date.now() + 3 * DAY_MS));
    const booked = await request(server.baseUrl)
      .post('/api/test-drives/staff-bookings')
      .set('Authorization', `Bearer ${managerToken}`)
      .send({ leadId: created.body.id, modelId: 1, startAt: `${threeDaysAhead}T11:00:00+08:00` })
      .expect(201);
    const cars = await request(server.baseUrl).get('/api/test-drives/cars').query({ storeId: 1 }).set('Authorization', `Bearer ${managerToken}`).expect(200);
    const held = (cars.body as Array<{ id: number; plate: string; upcomingBookings: number }>).find((car) => car.upcomingBookings === 1)!;

    const page = await signIn('sm.shpd');
    await page.locator('[data-testid=admin-menu]').getByText('试驾车辆').click();
    await page.waitForURL(/\/admin\/test-drive-cars$/);
    const rows = page.locator('[data-testid=car-table] tbody tr.ant-table-row');
    await rows.filter({ hasText: held.plate }).waitFor();
    expect(await rows.filter({ hasText: held.plate }).textContent()).toContain('1 个');

    // 新增试驾车: a mistyped plate and VIN are caught in the form, then a second 曙光 L joins the fleet.
    await page.click('[data-testid=car-create]');
    await page.locator('[data-testid=car-form]').waitFor();
    await page.click('[data-testid=car-form-model]');
    await page.locator('.ant-select-item-option').filter({ hasText: '曙光 L' }).click();
    await page.fill('[data-testid=car-form-plate]', '沪A123');
    await page.fill('[data-testid=car-form-vin]', 'LSJA24U00PT000077');
    await page.click('[data-testid=car-form-submit]');
    const form = page.locator('[data-testid=car-form]');
    await form.locator('.ant-form-item-explain-error').filter({ hasText: '车牌号应为 7 位（新能源 8 位）' }).waitFor();
    await form.locator('.ant-form-item-explain-error').filter({ hasText: '车架号（VIN）校验位不符' }).waitFor();
    await page.fill('[data-testid=car-form-plate]', '沪a·t0077');
    await page.fill('[data-testid=car-form-vin]', withVinCheckDigit('LSJA24U00PT000077'));
    await page.click('[data-testid=car-form-submit]');
    await form.waitFor({ state: 'detached' });
    await rows.filter({ hasText: '沪AT0077' }).waitFor();

    // 更改状态 → 维修中: the confirm says what happens to the booking; the result says what did.
    const heldRow = rows.filter({ hasText: held.plate });
    await heldRow.getByText('更改状态').click();
    expect(await page.textContent('[data-testid=car-status-consequence]')).toContain('该车还有 1 个未来的预约');
    await page.click('[data-testid=car-status-submit]');
    await page.locator('[data-testid=car-status-result]').getByText('已改派 1 个预约，取消 0 个', { exact: false }).waitFor();
    await heldRow.getByText('维修中').waitFor();
    await rows.filter({ hasText: '沪AT0077' }).getByText('1 个').waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-test-drive-cars.png') });

    const booking = await request(server.baseUrl)
      .get(`/api/test-drives/bookings/${booked.body.id}`)
      .set('Authorization', `Bearer ${managerToken}`)
      .expect(200);
    expect(booking.body).toMatchObject({ status: 'CONFIRMED', car: { plate: '沪AT0077' } });
    await page.context().close();

    // A consultant sees the fleet but cannot change it.
    const consultant = await signIn('sc1.shpd');
    await consultant.goto(`${server.baseUrl}/admin/test-drive-cars`);
    await consultant.locator('[data-testid=car-table] tbody tr.ant-table-row').first().waitFor();
    expect(await consultant.locator('[data-testid=car-create]').count()).toBe(0);
    expect(await consultant.locator('[data-testid=car-table]').getByText('更改状态').count()).toBe(0);
    await consultant.context().close();
  });

  it('closes the store on a day ten days ahead from 试驾设置: that day offers no slots', async () => {
    const closedDay = shanghaiDate(new Date(Date.now() + 10 * DAY_MS));
    const slots = () => request(server.baseUrl).get('/api/test-drives/slots').query({ storeId: 1, modelId: 1, date: closedDay }).expect(200);
    expect((await slots()).body.length).toBeGreaterThan(0);

    const page = await signIn('sm.shpd');
    await page.goto(`${server.baseUrl}/admin/test-drive-cars`);
    const form = page.locator('[data-testid=test-drive-settings-form]');
    await form.waitFor();
    await page.click('[data-testid=settings-add-closed-date]');
    const row = form.locator('[data-testid=settings-closed-date]').last();
    await row.locator('.ant-picker input').click();
    await row.locator('.ant-picker input').fill(closedDay);
    // Leaving the picker keeps the typed date (Enter would submit the form).
    await row.locator('[data-testid=settings-closed-date-reason]').click();
    await row.locator('[data-testid=settings-closed-date-reason]').fill('店内设备检修');
    await page.click('[data-testid=settings-save]');
    await page.locator('.ant-message').getByText('已保存', { exact: false }).waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-test-drive-settings.png') });

    expect((await slots()).body).toEqual([]);
    const settings = await request(server.baseUrl).get('/api/test-drives/settings/1').set('Authorization', `Bearer ${managerToken}`).expect(200);
    expect(settings.body.closedDates).toEqual(expect.arrayContaining([{ date: closedDay, reason: '店内设备检修' }]));
    await page.context().close();
  });
});
