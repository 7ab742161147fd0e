import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile } from '../support/api';
import { launchBrowser } from '../support/browser';
import { settle, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const SHOTS = '/tmp/shots';
const DOWNLOADS = join(SHOTS, 'downloads');
const TOOLTIP = '按当前筛选导出全部结果（手机号按权限脱敏），导出会记录在审计日志';
/** More than one page of the list (20 a page), so the file shows it holds every page, not the one on screen. */
const XHS_LEADS = 23;

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(180_000);

describe('Excel exports in the admin', () => {
  let server: TestServer;
  let browser: Browser;
  let manager: string;
  const leadNames: string[] = [];

  beforeAll(async () => {
    mkdirSync(DOWNLOADS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
    manager = await staffToken(server.baseUrl, 'sm.shpd');
    // 小红书 leads at the manager's store, and a few from 抖音 the filter must leave out.
    for (let index = 0; index < XHS_LEADS + 3; index += 1) {
      const source = index < XHS_LEADS ? 'XIAOHONGSHU' : 'DOUYIN';
      const name = `导出${source === 'DOUYIN' ? '抖音' : '小红书'}${index + 1}`;
      const created = await request(server.baseUrl)
        .post('/api/leads')
        .set(bearer(manager))
        .send({ name, mobile: uniqueMobile(), source, storeId: 1, intendedModelId: 1 });
      expect(created.status).toBe(201);
      if (source === 'XIAOHONGSHU') leadNames.push(name);
    }
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

  /** Screenshots the list card's title bar and filter row, with the button's tooltip showing above it. */
  async function shootToolbar(page: Page, pageTestId: string, buttonTestId: string, name: string) {
    await settle(page);
    await page.hover(`[data-testid=${buttonTestId}]`);
    await page.locator('.ant-tooltip:visible').getByText(TOOLTIP).waitFor();
    const head = (await page.locator(`[data-testid=${pageTestId}] .ant-card-head`).boundingBox())!;
    const filters = (await page.locator(`[data-testid=${pageTestId}] .ant-card-body .ant-space`).first().boundingBox())!;
    const top = Math.max(head.y - 70, 0);
    await page.screenshot({ path: join(SHOTS, `exports-${name}.png`), clip: { x: head.x, y: top, width: head.width, height: filters.y + filters.height + 16 - top } });
    await page.mouse.move(0, 0);
    await page.locator('.ant-tooltip:visible').waitFor({ state: 'detached' }).catch(() => undefined);
  }

  /**
   * Clicks 导出 Excel and returns the browser's download, opened with exceljs. The export request is held
   * until the button shows it is busy, so the loading state is seen every time, not only on a slow server.
   */
  async function exportFrom(page: Page, buttonTestId: string, exportPath: string) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === `/api${exportPath}`,
      async (route) => {
        await held;
        await route.continue();
      },
    );
    const done = page.locator('.ant-message-notice').filter({ hasText: '导出完成' });
    const doneBefore = await done.count();
    const download = page.waitForEvent('download');
    await page.click(`[data-testid=${buttonTestId}]`);
    await page.locator(`[data-testid=${buttonTestId}].ant-btn-loading`).waitFor();
    release();
    const file = await download;
    // A message of an earlier export may still be showing: wait for this one's.
    await page.waitForFunction((count) => [...document.querySelectorAll('.ant-message-notice')].filter((notice) => notice.textContent?.includes('导出完成')).length > count, doneBefore);
    await page.locator(`[data-testid=${buttonTestId}].ant-btn-loading`).waitFor({ state: 'detached' });
    await page.unrouteAll();
    const saved = join(DOWNLOADS, `${Date.now()}-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    return { fileName: file.suggestedFilename(), sheet: workbook.worksheets[0] };
  }

  const dataRows = (sheet: ExcelJS.Worksheet) => (sheet.rowCount > 1 ? sheet.getRows(2, sheet.rowCount - 1)! : []);
  const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).filter(Boolean);
  const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

  it('exports the store manager\'s 小红书 leads, every page of them, under 线索-<date>.xlsx and records it', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'sm.shpd');
    await page.goto(`${server.baseUrl}/admin/leads`);
    await page.locator('[data-testid=lead-table] tbody tr.ant-table-row').first().waitFor();
    await choose(page, 'lead-source-filter', '小红书');
    await page.waitForURL(/source=XIAOHONGSHU/);
    await page.locator('.ant-pagination-total-text').getByText(`共 ${XHS_LEADS} 条`).waitFor();
    const listed = await request(server.baseUrl).get('/api/leads?source=XIAOHONGSHU&pageSize=100').set(bearer(manager)).expect(200);
    expect(listed.body.total).toBe(XHS_LEADS);
    await shootToolbar(page, 'leads-page', 'lead-export', 'leads-toolbar');

    const { fileName, sheet } = await exportFrom(page, 'lead-export', '/leads/export');
    expect(fileName).toBe(`线索-${today()}.xlsx`);
    expect(headerOf(sheet)).toEqual(['线索编号', '客户', '手机', '来源', '阶段', '门店', '意向车型', '顾问', '预算下限(元)', '预算上限(元)', '创建时间', '最近联系', '下次跟进']);
    const rows = dataRows(sheet);
    expect(rows).toHaveLength(listed.body.total);
    expect(new Set(rows.map((row) => row.getCell(4).value))).toEqual(new Set(['小红书']));
    expect(rows.map((row) => row.getCell(2).value).sort()).toEqual([...leadNames].sort());
    // A store manager phones the customers: full mobiles.
    expect(rows.every((row) => /^1\d{10}$/.test(String(row.getCell(3).value)))).toBe(true);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'exports-leads-done.png') });

    // The audit log holds the export with the filter used and the rows written.
    const admin = await staffToken(server.baseUrl, 'admin');
    const audit = await request(server.baseUrl).get('/api/audit-logs?action=export.created&entityType=leads&page=1&pageSize=10').set(bearer(admin)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ actorName: expect.any(String), after: { filters: { source: 'XIAOHONGSHU' }, rows: XHS_LEADS } });
    await page.context().close();
  });

  it('exports 车辆档案 and 工单 as the list shows them, and shows a refused export\'s reason', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'sm.shpd');

    await page.goto(`${server.baseUrl}/admin/vehicles`);
    await page.locator('[data-testid=vehicle-export]').waitFor();
    await shootToolbar(page, 'vehicles-page', 'vehicle-export', 'vehicles-toolbar');
    const vehicles = await request(server.baseUrl).get('/api/vehicles?page=1&pageSize=1').set(bearer(manager)).expect(200);
    const vehicleExport = await exportFrom(page, 'vehicle-export', '/vehicles/export');
    expect(vehicleExport.fileName).toBe(`车辆档案-${today()}.xlsx`);
    expect(vehicles.body.total).toBeGreaterThan(0);
    expect(dataRows(vehicleExport.sheet)).toHaveLength(vehicles.body.total);

    // A refusal is read from the JSON error body and shown in the server's words, not as a broken file.
    await page.route(
      (url) => url.pathname === '/api/vehicles/export',
      (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ statusCode: 403, code: 'FORBIDDEN', message: '当前角色无权执行此操作', requestId: 'test' }) }),
    );
    await page.click('[data-testid=vehicle-export]');
    await page.locator('.ant-message').getByText('当前角色无权执行此操作').waitFor();
    await page.unrouteAll();

    // Every car of the store checked in, so the 已接车 list has something to export.
    const cars = await request(server.baseUrl).get('/api/vehicles?page=1&pageSize=100').set(bearer(manager)).expect(200);
    const plates: string[] = [];
    for (const car of cars.body.items as { id: number; plate: string | null; store: { id: number } | null }[]) {
      await request(server.baseUrl)
        .post('/api/service/work-orders')
        .set(bearer(manager))
        .send({ vehicleId: car.id, storeId: car.store?.id ?? 1, serviceType: 'REPAIR', mileage: 500_000 })
        .expect(201);
      if (car.plate) plates.push(car.plate);
    }
    expect(plates.length).toBeGreaterThan(0);

    await page.goto(`${server.baseUrl}/admin/service/work-orders?status=CHECKED_IN`);
    await page.locator('[data-testid=work-order-export]').waitFor();
    await shootToolbar(page, 'work-orders-page', 'work-order-export', 'work-orders-toolbar');
    const orders = await request(server.baseUrl).get('/api/service/work-orders?status=CHECKED_IN&page=1&pageSize=1').set(bearer(manager)).expect(200);
    const orderExport = await exportFrom(page, 'work-order-export', '/service/work-orders/export');
    expect(orderExport.fileName).toBe(`工单-${today()}.xlsx`);
    expect(orders.body.total).toBeGreaterThanOrEqual(plates.length);
    expect(dataRows(orderExport.sheet)).toHaveLength(orders.body.total);
    const exportedCells = dataRows(orderExport.sheet).flatMap((row) => (row.values as unknown[]).map(String));
    expect(exportedCells).toEqual(expect.arrayContaining(plates));
    await page.context().close();
  });

  it('gives the marketer members\' mobiles masked in the exported file', async () => {
    const mobile = uniqueMobile();
    const owner = await ownerToken(server.baseUrl, mobile);
    await request(server.baseUrl).get('/api/me').set(bearer(owner)).expect(200);
    const masked = `${mobile.slice(0, 3)}****${mobile.slice(7)}`;

    const page = await signInToAdmin(browser, server.baseUrl, 'marketer');
    await page.goto(`${server.baseUrl}/admin/members`);
    const memberRows = '[data-testid=member-table] tbody tr.ant-table-row';
    await page.locator(memberRows).first().waitFor();
    await shootToolbar(page, 'members-page', 'member-export', 'members-toolbar');

    // Every member, every mobile masked.
    const marketer = await staffToken(server.baseUrl, 'marketer');
    const all = await request(server.baseUrl).get('/api/loyalty/members?page=1&pageSize=1').set(bearer(marketer)).expect(200);
    const everyone = await exportFrom(page, 'member-export', '/loyalty/members/export');
    expect(everyone.fileName).toBe(`会员-${today()}.xlsx`);
    expect(headerOf(everyone.sheet)).toEqual(['会员编号', '姓名', '手机', '等级', '积分', '车主', '注册时间']);
    const rows = dataRows(everyone.sheet);
    expect(rows).toHaveLength(all.body.total);
    const mobiles = rows.map((row) => row.getCell(3).value).filter((value) => value !== null);
    expect(mobiles.length).toBeGreaterThan(0);
    expect(mobiles.filter((value) => !/^\d{3}\*{4}\d{4}$/.test(String(value)))).toEqual([]);
    expect(mobiles).toContain(masked);
    expect(mobiles).not.toContain(mobile);

    // Found by the full mobile: the file holds that one member, masked.
    await page.fill('input[data-testid=member-search], [data-testid=member-search] input', mobile);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`\\?q=${mobile}$`));
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 1, memberRows);
    const one = await exportFrom(page, 'member-export', '/loyalty/members/export');
    expect(dataRows(one.sheet).map((row) => row.getCell(3).value)).toEqual([masked]);
    await page.context().close();
  });
});
