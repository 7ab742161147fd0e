import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { settle, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const REASON = '到店活动补发积分';
const DEDUCT_REASON = '误操作冲正';
const memberRows = '[data-testid=member-table] tbody tr.ant-table-row';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(180_000);

describe('loyalty in the admin', () => {
  let server: TestServer;
  let browser: Browser;
  const member = { id: 0, mobile: uniqueMobile() };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // A customer signs in to the mini-program by SMS: from then on a member, with no points yet.
    const owner = await ownerToken(server.baseUrl, member.mobile);
    const me = await request(server.baseUrl).get('/api/me').set(bearer(owner)).expect(200);
    member.id = me.body.id;
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

  it('finds a member by mobile, adds points with a reason and refuses to deduct below zero', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'marketer');

    // 会员 under 会员营销, found by the full mobile; the list shows it masked.
    const menu = page.locator('[data-testid=admin-menu]');
    expect(await menu.textContent()).toContain('会员营销');
    await menu.getByText('会员', { exact: true }).click();
    await page.waitForURL(/\/admin\/members$/);
    await page.locator(memberRows).first().waitFor();
    await page.fill('input[data-testid=member-search], [data-testid=member-search] input', member.mobile);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`\\?q=${member.mobile}$`));
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 1, memberRows);
    const row = page.locator(memberRows).first();
    expect(await row.textContent()).toContain(`${member.mobile.slice(0, 3)}****${member.mobile.slice(7)}`);
    expect(await row.textContent()).not.toContain(member.mobile);
    expect(await row.locator('[data-testid=member-tier]').getAttribute('data-tier')).toBe('STANDARD');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-members.png'), fullPage: true });

    // The detail: 普卡, nothing yet.
    await row.click();
    await page.waitForURL(new RegExp(`/admin/members/${member.id}$`));
    await page.locator('[data-testid=member-detail-page]').waitFor();
    expect(await page.textContent('[data-testid=member-balance]')).toContain('0');
    expect(await page.textContent('[data-testid=member-next-tier]')).toContain('银卡');

    // 积分调整: +1,000 with a reason.
    await page.click('[data-testid=member-adjust]');
    await page.locator('[data-testid=adjust-form]').waitFor();
    await page.fill('[data-testid=adjust-points]', '1000');
    await page.fill('[data-testid=adjust-reason]', REASON);
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-adjust.png') });
    await page.click('[data-testid=adjust-submit]');
    await page.locator('[data-testid=adjust-form]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=member-balance]').getByText('1,000').waitFor();
    const entry = page.locator('[data-testid=points-entries] tbody tr.ant-table-row').filter({ hasText: REASON });
    await entry.waitFor();
    expect(await entry.locator('[data-testid=points-entry-type]').textContent()).toBe('人工调整');
    expect(await entry.locator('[data-testid=points-entry-points]').textContent()).toBe('+1,000');
    expect(await entry.locator('[data-testid=points-entry-balance]').textContent()).toBe('1,000');

    // Deducting 2,000 from 1,000 is refused and the dialog stays open with the reason.
    await page.click('[data-testid=member-adjust]');
    await page.locator('[data-testid=adjust-form]').waitFor();
    await page.locator('[data-testid=adjust-direction]').getByText('扣减').click();
    await page.fill('[data-testid=adjust-points]', '2000');
    await page.fill('[data-testid=adjust-reason]', DEDUCT_REASON);
    await page.click('[data-testid=adjust-submit]');
    await page.locator('[data-testid=adjust-error]').getByText('积分不足：需要 2000，当前可用 1000').waitFor();
    await page.locator('[data-testid=adjust-form] .ant-form-item-explain-error').filter({ hasText: '最多可扣减 1,000 分' }).waitFor();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-insufficient.png') });
    // antd spaces out a two-character button label: 取 消.
    await page.locator('.ant-modal').getByRole('button', { name: /取\s*消/ }).click();
    await page.locator('[data-testid=adjust-form]').waitFor({ state: 'detached' });

    // The lots tab holds the credit as one live lot.
    await page.locator('[data-testid=member-tabs]').getByText(/积分批次/).click();
    const lot = page.locator('[data-testid=points-lots] tbody tr.ant-table-row').filter({ hasText: REASON });
    await lot.waitFor();
    expect(await lot.locator('[data-testid=points-lot-state]').getAttribute('data-state')).toBe('live');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-lots.png'), fullPage: true });
    await page.locator('[data-testid=member-tabs]').getByText(/积分流水/).click();
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-member.png'), fullPage: true });

    // The server holds what the page shows: one adjustment, the balance 1,000.
    const marketer = await staffToken(server.baseUrl, 'marketer');
    const detail = await request(server.baseUrl).get(`/api/loyalty/members/${member.id}`).set(bearer(marketer)).expect(200);
    expect(detail.body.points.balance).toBe(1_000);
    expect(detail.body.entries).toEqual([expect.objectContaining({ type: 'ADJUST', points: 1_000, balanceAfter: 1_000, reason: REASON })]);
    await page.context().close();
  });

  it('creates a reward and restocks it, and refuses tiers out of order on the field at fault', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'marketer');
    const code = `WASH-${Date.now().toString(36).toUpperCase()}`;

    // 新建礼品: a wash coupon of ¥30 for 500 points, 10 in stock.
    await page.locator('[data-testid=admin-menu]').getByText('礼品', { exact: true }).click();
    await page.waitForURL(/\/admin\/loyalty\/rewards$/);
    await page.locator('[data-testid=reward-table] tbody tr.ant-table-row').first().waitFor();
    await page.click('[data-testid=reward-create]');
    await page.locator('[data-testid=reward-form]').waitFor();
    await page.fill('[data-testid=reward-form-code]', code.toLowerCase());
    await page.fill('[data-testid=reward-form-name]', '快洗券（测试）');
    await choose(page, 'reward-form-kind', '洗车券');
    await page.fill('[data-testid=reward-form-points]', '500');
    await page.click('[data-testid=reward-form-submit]');
    // A coupon needs its face value.
    await page.locator('[data-testid=reward-form] .ant-form-item-explain-error').filter({ hasText: '请填写券面值' }).waitFor();
    await page.fill('[data-testid=reward-form-value]', '30');
    await page.fill('[data-testid=reward-form-stock]', '10');
    await page.fill('[data-testid=reward-form-description]', '任一门店快洗一次');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-reward-form.png') });
    await page.click('[data-testid=reward-form-submit]');
    await page.locator('[data-testid=reward-form]').waitFor({ state: 'detached' });
    const rewardRow = page.locator('[data-testid=reward-table] tbody tr.ant-table-row').filter({ hasText: code });
    await rewardRow.waitFor();
    expect(await rewardRow.textContent()).toContain('¥30.00 · 90 天有效');
    expect(await rewardRow.locator('[data-testid=reward-stock]').textContent()).toBe('10');

    // 补货 5: stock 15.
    await page.click(`[data-testid=reward-stock-${code}]`);
    await page.locator('[data-testid=reward-stock-form]').waitFor();
    await page.fill('[data-testid=reward-stock-quantity]', '5');
    await page.click('[data-testid=reward-stock-submit]');
    await page.locator('[data-testid=reward-stock-form]').waitFor({ state: 'detached' });
    await rewardRow.locator('[data-testid=reward-stock]').getByText('15', { exact: true }).waitFor();
    expect(await rewardRow.textContent()).toContain('任一门店快洗一次');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-rewards.png'), fullPage: true });

    // 下架 asks first; the reward stays in the list, under 已下架.
    await page.click(`[data-testid=reward-active-${code}]`);
    await page.locator('.ant-popconfirm').getByRole('button', { name: /下\s*架/ }).click();
    await page.locator(`[data-testid=reward-active-${code}][aria-checked=false]`).waitFor();
    await page.locator('[data-testid=reward-status-filter]').getByText('已下架').click();
    await page.waitForURL(/status=inactive/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=reward-table] tbody tr.ant-table-row').length === 1);
    expect(await page.textContent('[data-testid=reward-table] tbody tr.ant-table-row')).toContain(code);

    // Restocking and taking off the shelf kept what the reward says.
    const marketer = await staffToken(server.baseUrl, 'marketer');
    const rewards = await request(server.baseUrl).get('/api/loyalty/rewards/all').set(bearer(marketer)).expect(200);
    expect(rewards.body).toContainEqual(
      expect.objectContaining({ code, kind: 'WASH_COUPON', points: 500, stock: 15, valueFen: 3_000, description: '任一门店快洗一次', active: false }),
    );

    // 会员等级: 银卡 above 金卡 (8,000) is refused on 金卡's threshold; 3,000 saves.
    await page.locator('[data-testid=admin-menu]').getByText('会员等级').click();
    await page.waitForURL(/\/admin\/loyalty\/tiers$/);
    await page.locator('[data-testid=member-tiers-form]').waitFor();
    expect(await page.inputValue('[data-testid=tier-multiplier-GOLD]')).toBe('1.25');
    await page.fill('[data-testid=tier-min-points-SILVER]', '9000');
    await page.click('[data-testid=member-tiers-save]');
    await page.locator('[data-testid=member-tiers-save-error]').getByText('金卡 的门槛须高于 银卡').waitFor();
    await page.locator('[data-testid=tier-row-GOLD] .ant-form-item-explain-error').filter({ hasText: '金卡 的门槛须高于 银卡' }).waitFor();
    expect(await page.locator('[data-testid=tier-row-SILVER] .ant-form-item-explain-error').count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-tiers-refused.png'), fullPage: true });
    await page.fill('[data-testid=tier-min-points-SILVER]', '3000');
    await page.click('[data-testid=member-tiers-save]');
    await page.locator('.ant-message').getByText('会员等级已保存').waitFor();
    await page.locator('[data-testid=member-tiers-save-error]').waitFor({ state: 'detached' });
    const tiers = await request(server.baseUrl).get('/api/loyalty/tiers').set(bearer(marketer)).expect(200);
    expect(tiers.body.map((tier: { minPoints: number }) => tier.minPoints)).toEqual([0, 3_000, 8_000, 20_000]);
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-tiers.png'), fullPage: true });

    // 积分规则: the four rules with their amounts.
    await page.locator('[data-testid=admin-menu]').getByText('积分规则').click();
    await page.waitForURL(/\/admin\/loyalty\/earning-rules$/);
    const rules = page.locator('[data-testid=earning-rule-table] tbody tr.ant-table-row');
    await rules.first().waitFor();
    expect(await rules.count()).toBe(4);
    expect(await rules.filter({ hasText: '保养维修消费' }).textContent()).toContain('每消费 1 元得 1 分');

    // Edited in place: 完成满意度回访 earns 80 instead of 50.
    await page.click('[data-testid="earning-rule-edit-survey.answered"]');
    await page.fill('[data-testid="earning-rule-points-survey.answered"]', '80');
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-earning-rule-edit.png'), fullPage: true });
    await page.click('[data-testid="earning-rule-save-survey.answered"]');
    await rules.filter({ hasText: '完成满意度回访' }).getByText('每次奖励 80 分').waitFor();
    const earning = await request(server.baseUrl).get('/api/loyalty/earning-rules').set(bearer(marketer)).expect(200);
    expect(earning.body).toContainEqual({ event: 'survey.answered', name: '完成满意度回访', pointsPerYuan: null, fixedPoints: 80, active: true });
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-earning-rules.png'), fullPage: true });
    await page.context().close();
  });

  it('shows the director the members and tiers without the write actions', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'director');
    expect(await page.textContent('[data-testid=admin-menu]')).toContain('会员营销');
    await page.goto(`${server.baseUrl}/admin/members/${member.id}`);
    await page.locator('[data-testid=member-points-card]').waitFor();
    expect(await page.locator('[data-testid=member-adjust]').count()).toBe(0);
    await page.goto(`${server.baseUrl}/admin/loyalty/tiers`);
    await page.locator('[data-testid=member-tiers-form]').waitFor();
    expect(await page.locator('[data-testid=member-tiers-save]').count()).toBe(0);
    expect(await page.isDisabled('[data-testid=tier-min-points-GOLD]')).toBe(true);
    await page.goto(`${server.baseUrl}/admin/loyalty/rewards`);
    await page.locator('[data-testid=reward-table] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid=reward-create]').count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: artifactPath('admin-loyalty-rewards-director.png'), fullPage: true });
    await page.context().close();
  });

  it('keeps 会员营销 out of a consultant\'s menu and sends them to the 403 page', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'sc1.shpd');
    const menu = page.locator('[data-testid=admin-menu]');
    expect(await menu.textContent()).not.toContain('会员营销');
    expect(await menu.getByText('礼品', { exact: true }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/admin/members/${member.id}`);
    await page.locator('[data-testid=forbidden-page]').waitFor();
    await page.context().close();
  });
});
