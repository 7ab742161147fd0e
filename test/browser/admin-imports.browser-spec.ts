import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { uniqueMobile } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { sql } from '../support/database';
import { settle, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const LEAD_HEADER = ['姓名*', '手机号*', '门店编码*', '来源', '意向车型', '顾问账号', '预算下限(万元)', '预算上限(万元)', '备注'];

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(180_000);

describe('数据导入 in the admin', () => {
  let server: TestServer;
  let browser: Browser;
  const files = mkdtempSync(join(tmpdir(), 'imports-browser-'));

  beforeAll(async () => {
    server = await startTestServer({ env: { IMPORT_DIR: join(files, 'uploads') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function leadsFile(name: string, rows: Array<Array<string | number | null>>): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('导入数据');
    sheet.addRow(LEAD_HEADER);
    for (const row of rows) sheet.addRow(row);
    const path = join(files, name);
    await book.xlsx.writeFile(path);
    return path;
  }

  it('shows a bad row\'s problem with its row number, then imports a good file and shows what it created', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'sm.shpd');
    await page.goto(`${server.baseUrl}/admin/imports`);
    await page.locator('[data-testid=imports-page]').waitFor();
    await page.locator('[data-testid=import-history]').getByText('还没有导入记录').waitFor();
    // A store manager imports leads only: no choice of 客户与车辆.
    expect(await page.locator('[data-testid=import-kind]').count()).toBe(0);

    const [good1, good2] = [uniqueMobile(), uniqueMobile()];
    const bad = await leadsFile('线索-有错.xlsx', [
      ['陈一', good1, 'SH-PD', '车展', '远峰 X SUV', 'sc1.shpd', 15, 20, null],
      ['陈二', '1380013', 'SH-PD', null, null, null, null, null, null],
    ]);
    await page.setInputFiles('[data-testid=imports-page] input[type=file]', bad);
    const errors = page.locator('[data-testid=import-errors-table]');
    await errors.getByText('手机号格式不正确').waitFor();
    const errorRow = errors.locator('tbody tr.ant-table-row').first();
    expect(await errorRow.locator('td').allInnerTexts()).toEqual(['3', '手机号', '手机号格式不正确']);
    await page.locator('[data-testid=import-job]').getByText('发现 1 处错误，文件未导入').waitFor();
    expect(await page.locator('[data-testid=import-commit]').count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-imports-errors.png'), fullPage: true });

    const good = await leadsFile('线索-改好.xlsx', [
      ['陈一', good1, 'SH-PD', '车展', '远峰 X SUV', 'sc1.shpd', 15, 20, null],
      ['陈二', good2, 'SH-PD', null, null, null, null, null, '电话咨询'],
    ]);
    await page.setInputFiles('[data-testid=imports-page] input[type=file]', good);
    await page.locator('[data-testid=import-job]').getByText('线索-改好.xlsx').waitFor();
    await page.locator('[data-testid=import-job]').getByText('校验通过').waitFor();
    await page.click('[data-testid=import-commit]');
    const summary = page.locator('[data-testid=import-summary]');
    await summary.getByText('导入完成').waitFor();
    expect(await summary.innerText()).toContain('新建 2 条，跳过重复 0 条');
    const leads = await sql<{ name: string }>(server.databaseUrl, 'SELECT name FROM leads WHERE mobile IN (?) ORDER BY name', [[good1, good2]]);
    expect(leads.map((lead) => lead.name)).toEqual(['陈一', '陈二']);

    // The history holds both uploads, newest first.
    const history = page.locator('[data-testid=import-history] tbody tr.ant-table-row');
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 2, '[data-testid=import-history] tbody tr.ant-table-row');
    await history.first().getByText('已导入').waitFor();
    expect(await history.nth(1).innerText()).toContain('有错误');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-imports.png'), fullPage: true });
    await page.context().close();
  });

  it('lets head office choose 客户与车辆 and download its template', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/admin/imports`);
    await page.locator('[data-testid=import-kind]').getByText('客户与车辆').click();
    await page.getByText('每行一辆车（旧 DMS 导出）').waitFor();
    const download = page.waitForEvent('download');
    await page.click('[data-testid=import-template]');
    expect((await download).suggestedFilename()).toBe('客户与车辆导入模板.xlsx');
    await page.context().close();
  });
});
