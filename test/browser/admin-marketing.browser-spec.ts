import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile } from '../support/api';
import { launchBrowser } from '../support/browser';
import { sql } from '../support/database';
import { settle, shanghaiDateIn, signInToAdmin } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

const SEGMENT_NAME = '金卡会员（浏览器测试）';
const CAMPAIGN_NAME = '金卡会员洗车季';
const TITLE = '金卡专享：精致洗车季';
const CONTENT = '{name}，感谢您一直以来的支持！本月赠送您 {points} 积分，可在积分商城兑换精致洗车券。';
const BONUS = 500;
/** Enough members that a 20% holdout is never empty (the split is a hash of campaign and member). */
const GOLD_MEMBERS = 24;

const shotsDir = process.env.SHOTS_DIR ?? '/tmp/shots';
const shot = (name: string) => join(shotsDir, name);

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(240_000);

describe('segments and campaigns in the admin', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: string;
  /** The gold members made for this run: their customer ids and mini-program tokens. */
  const members: { id: number; token: string }[] = [];

  beforeAll(async () => {
    mkdirSync(shotsDir, { recursive: true });
    // Jobs on, polling every second: a campaign whose time has come launches within a moment.
    server = await startTestServer({ env: { ENABLE_JOBS: 'true', EVENTS_POLL_SECONDS: '1' } });
    browser = await launchBrowser();
    admin = await staffToken(server.baseUrl, 'admin');
    for (let index = 0; index < GOLD_MEMBERS; index += 1) {
      const token = await ownerToken(server.baseUrl, uniqueMobile());
      const me = await request(server.baseUrl).get('/api/me').set(bearer(token)).expect(200);
      members.push({ id: me.body.id, token });
    }
    await sql(
      server.databaseUrl,
      `INSERT INTO points_accounts (customer_id, balance, tier, updated_at) VALUES ${members.map(() => "(?, 0, 'GOLD', NOW(3))").join(', ')}
       ON DUPLICATE KEY UPDATE tier = 'GOLD'`,
      members.map((member) => member.id),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function countOf(filter: object): Promise<number> {
    const response = await request(server.baseUrl).post('/api/marketing/segments/count').set(bearer(admin)).send({ filter }).expect(200);
    return response.body.count as number;
  }

  /** Waits until the live count has settled on `count`. */
  async function liveCountIs(page: Page, count: number) {
    await page.locator(`[data-testid=segment-live-count][data-counting=false][data-count="${count}"]`).waitFor();
  }

  async function campaignOf(id: number) {
    return (await request(server.baseUrl).get(`/api/marketing/campaigns/${id}`).set(bearer(admin)).expect(200)).body;
  }

  it('builds a segment with a live count, sends it a campaign with a 20% holdout and reports recipients against the holdout', async () => {
    const everyone = await countOf({});
    const gold = await countOf({ tiers: ['GOLD'] });
    expect(gold).toBeGreaterThanOrEqual(GOLD_MEMBERS);
    expect(gold).not.toBe(everyone);
    const page = await signInToAdmin(browser, server.baseUrl, 'admin');

    // 人群 under 会员营销: none saved yet.
    const menu = page.locator('[data-testid=admin-menu]');
    await menu.getByText('人群', { exact: true }).click();
    await page.waitForURL(/\/admin\/segments$/);
    await page.locator('[data-testid=segment-table] .ant-empty').getByText('还没有人群').waitFor();

    // 新建人群: no condition counts every member; ticking 金卡 recounts to the gold members.
    await page.click('[data-testid=segment-create]');
    await page.waitForURL(/\/admin\/segments\/new$/);
    await liveCountIs(page, everyone);
    expect(await page.textContent('[data-testid=segment-conditions]')).toContain('全部会员');
    await page.fill('[data-testid=segment-name]', SEGMENT_NAME);
    await page.click('[data-testid=segment-tier-GOLD]');
    await page.locator('[data-testid=segment-live-count][data-counting=true]').waitFor();
    await liveCountIs(page, gold);
    expect(await page.textContent('[data-testid=segment-live-count]')).toContain(gold.toLocaleString('zh-CN'));
    expect(await page.textContent('[data-testid=segment-conditions]')).toContain('等级 金卡');
    // A lower bound above the upper one is refused on the field and not counted.
    await page.fill('[data-testid=segment-pointsBalance-min]', '500');
    await page.fill('[data-testid=segment-pointsBalance-max]', '100');
    await page.locator('[data-testid=segment-form] .ant-form-item-explain-error').filter({ hasText: '下限不能大于上限' }).waitFor();
    await page.fill('[data-testid=segment-pointsBalance-min]', '');
    await page.fill('[data-testid=segment-pointsBalance-max]', '');
    await liveCountIs(page, gold);
    await settle(page);
    await page.screenshot({ path: shot('marketing-segment-builder.png'), fullPage: true });

    // Saved: the page becomes the segment's, with its members listed.
    await page.click('[data-testid=segment-save]');
    await page.waitForURL(/\/admin\/segments\/\d+$/);
    const segmentId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('[data-testid=segment-title]').getByText(SEGMENT_NAME).waitFor();
    await page.locator('[data-testid=segment-members] tbody tr.ant-table-row').first().waitFor();
    expect(await page.textContent('[data-testid=segment-members]')).toContain(`共 ${gold} 位会员`);
    await settle(page);
    await page.screenshot({ path: shot('marketing-segment-saved.png'), fullPage: true });
    const saved = await request(server.baseUrl).get(`/api/marketing/segments/${segmentId}`).set(bearer(admin)).expect(200);
    expect(saved.body).toMatchObject({ name: SEGMENT_NAME, filter: { tiers: ['GOLD'] }, count: gold });

    // 营销活动 → 新建活动 on that segment: SMS, 500 points, a 20% holdout, kept as a draft.
    await menu.getByText('营销活动', { exact: true }).click();
    await page.waitForURL(/\/admin\/campaigns$/);
    await page.locator('[data-testid=campaign-table] .ant-empty').waitFor();
    await page.click('[data-testid=campaign-create]');
    await page.waitForURL(/\/admin\/campaigns\/new$/);
    await page.fill('[data-testid=campaign-name-input]', CAMPAIGN_NAME);
    await page.click('[data-testid=campaign-segment]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: `${SEGMENT_NAME}（${gold} 人）` }).click();
    await page.locator('[data-testid=campaign-channel]').getByText('短信').click();
    await page.fill('[data-testid=campaign-title]', TITLE);
    await page.fill('[data-testid=campaign-content]', CONTENT);
    await page.fill('[data-testid=campaign-bonus-points]', String(BONUS));
    await page.fill('[data-testid=campaign-holdout]', '20');
    await page.locator('[data-testid=campaign-audience]').getByText(`${Math.round(gold * 0.2)} 人（20%）`).waitFor();
    expect(await page.textContent('[data-testid=campaign-message]')).toContain(`王先生，感谢您一直以来的支持！本月赠送您 ${BONUS} 积分`);
    expect(await page.textContent('[data-testid=campaign-form]')).toContain('对照组不发送，用于衡量活动真实效果');
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await page.screenshot({ path: shot('marketing-campaign-form.png'), fullPage: true });
    await page.click('[data-testid=campaign-form-submit]');
    await page.waitForURL(/\/admin\/campaigns\/\d+$/);
    const campaignId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('[data-testid=campaign-detail-page] [data-testid=campaign-status][data-status=DRAFT]').waitFor();
    await page.locator('[data-testid=campaign-report-pending]').waitFor();

    // 排期发送: tomorrow 10:00 (Shanghai) is offered; scheduling makes it 已排期.
    await page.click('[data-testid=campaign-schedule]');
    await page.locator('[data-testid=campaign-schedule-form]').waitFor();
    expect(await page.inputValue('[data-testid=campaign-schedule-at]')).toBe(`${shanghaiDateIn(1)} 10:00`);
    await settle(page);
    await page.screenshot({ path: shot('marketing-campaign-schedule.png') });
    await page.click('[data-testid=campaign-schedule-submit]');
    await page.locator('[data-testid=campaign-schedule-form]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=campaign-detail-page] [data-testid=campaign-status][data-status=SCHEDULED]').waitFor();
    expect(await page.textContent('[data-testid=campaign-scheduled-at-text]')).toBe(`${shanghaiDateIn(1)} 10:00`);
    expect(await page.textContent('[data-testid=campaign-holdout-percent]')).toBe('20%');
    await settle(page);
    await page.screenshot({ path: shot('marketing-campaign-scheduled.png'), fullPage: true });
    expect(await campaignOf(campaignId)).toMatchObject({
      name: CAMPAIGN_NAME,
      segment: { id: segmentId },
      channel: 'SMS',
      bonusPoints: BONUS,
      holdoutPercent: 20,
      attributionDays: 14,
      status: 'SCHEDULED',
      scheduledAt: new Date(`${shanghaiDateIn(1)}T10:00:00+08:00`).toISOString(),
    });

    // A segment a campaign uses cannot be deleted.
    await page.goto(`${server.baseUrl}/admin/segments`);
    await page.click(`[data-testid=segment-delete-${segmentId}]`);
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-message').getByText('该人群已被营销活动使用，不能删除').waitFor();
    expect(await page.locator('[data-testid=segment-table] tbody tr.ant-table-row').filter({ hasText: SEGMENT_NAME }).locator('[data-testid=segment-count]').textContent()).toBe(String(gold));
    await settle(page);
    await page.screenshot({ path: shot('marketing-segments.png'), fullPage: true });

    // Its time comes (moved behind the API): the launch job sends it, holding out about a fifth.
    await sql(server.databaseUrl, 'UPDATE campaigns SET scheduled_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?', [campaignId]);
    for (let tries = 0; (await campaignOf(campaignId)).status !== 'SENT'; tries += 1) {
      if (tries > 60) throw new Error('the campaign was not launched within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const recipients = await sql<{ customer_id: number; holdout: number }>(server.databaseUrl, 'SELECT customer_id, holdout FROM campaign_recipients WHERE campaign_id = ?', [campaignId]);
    const ours = members.filter((member) => recipients.some((recipient) => recipient.customer_id === member.id));
    const sentTo = ours.filter((member) => recipients.some((recipient) => recipient.customer_id === member.id && !recipient.holdout));
    const heldOut = ours.filter((member) => recipients.some((recipient) => recipient.customer_id === member.id && recipient.holdout));
    expect(heldOut.length).toBeGreaterThan(0);
    expect(sentTo.length).toBeGreaterThan(heldOut.length);

    // The launch moved three days back, so the daily chart has days to draw (behind the API again).
    await sql(server.databaseUrl, 'UPDATE campaigns SET launched_at = launched_at - INTERVAL 3 DAY WHERE id = ?', [campaignId]);

    // Responses: three recipients spend the bonus on a wash; one held-out member redeems with points of their own.
    const rewards = (await request(server.baseUrl).get('/api/loyalty/rewards').expect(200)).body as { id: number; code: string }[];
    const wash = rewards.find((reward) => reward.code === 'WASH-1')!;
    for (const member of sentTo.slice(0, 3)) {
      await request(server.baseUrl).post('/api/me/points/redemptions').set(bearer(member.token)).send({ rewardId: wash.id }).expect(201);
    }
    await request(server.baseUrl)
      .post('/api/loyalty/adjustments')
      .set(bearer(admin))
      .send({ customerId: heldOut[0].id, points: 300, reason: '到店活动补发积分', idempotencyKey: `browser-holdout-${heldOut[0].id}` })
      .expect(201);
    await request(server.baseUrl).post('/api/me/points/redemptions').set(bearer(heldOut[0].token)).send({ rewardId: wash.id }).expect(201);
    // The first recipient redeemed the day after the launch.
    await sql(server.databaseUrl, 'UPDATE redemptions SET created_at = created_at - INTERVAL 2 DAY WHERE customer_id = ?', [sentTo[0].id]);

    // The report: delivery, the two groups side by side, the daily responders.
    await page.goto(`${server.baseUrl}/admin/campaigns/${campaignId}`);
    await page.locator('[data-testid=campaign-detail-page] [data-testid=campaign-status][data-status=SENT]').waitFor();
    const report = (await request(server.baseUrl).get(`/api/marketing/campaigns/${campaignId}/report`).set(bearer(admin)).expect(200)).body;
    expect(report.recipients).toMatchObject({ redemptions: 3, responders: 3 });
    expect(report.holdout).toMatchObject({ redemptions: 1, responders: 1 });
    expect(await page.textContent('[data-testid=delivery-recipients]')).toContain(String(report.recipients.members));
    expect(await page.textContent('[data-testid=delivery-holdout]')).toContain(String(report.holdout.members));
    expect(await page.textContent('[data-testid=campaign-recipients-rate]')).toContain(`${report.recipients.responseRate.toFixed(1)}%`);
    expect(await page.textContent('[data-testid=campaign-holdout-rate]')).toContain(`${report.holdout.responseRate.toFixed(1)}%`);
    expect(await page.getAttribute('[data-testid=campaign-uplift]', 'data-uplift')).toBe(String(report.uplift));
    const outcomes = page.locator('[data-testid=campaign-outcomes] tbody tr');
    expect(await outcomes.filter({ hasText: '积分兑换' }).textContent()).toMatch(/积分兑换\s*3\s*1/);
    await page.locator('[data-testid=campaign-comparison-chart] canvas').first().waitFor();
    await page.locator('[data-testid=campaign-daily-chart] canvas').first().waitFor();
    await settle(page);
    // The charts animate in.
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: shot('marketing-campaign-report.png'), fullPage: true });

    // The list: 已发送, with the groups' sizes.
    await menu.getByText('营销活动', { exact: true }).click();
    const row = page.locator('[data-testid=campaign-table] tbody tr.ant-table-row').filter({ hasText: CAMPAIGN_NAME });
    await row.waitFor();
    expect(await row.locator('[data-testid=campaign-status]').getAttribute('data-status')).toBe('SENT');
    expect(await row.locator('[data-testid=campaign-numbers]').textContent()).toContain(`${report.recipients.members} / ${report.holdout.members}`);
    await settle(page);
    await page.screenshot({ path: shot('marketing-campaigns.png'), fullPage: true });
    await page.context().close();
  });

  it('cancels a scheduled campaign, after which it can no longer be changed', async () => {
    const segments = (await request(server.baseUrl).get('/api/marketing/segments').set(bearer(admin)).expect(200)).body as { id: number; name: string }[];
    const segment = segments.find((candidate) => candidate.name === SEGMENT_NAME)!;
    const created = await request(server.baseUrl)
      .post('/api/marketing/campaigns')
      .set(bearer(admin))
      .send({ name: '周末到店礼', segmentId: segment.id, channel: 'WECHAT', title: '周末到店有礼', content: '本周末到店即送精美礼品一份。', scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString() })
      .expect(201);
    expect(created.body.status).toBe('SCHEDULED');

    const page = await signInToAdmin(browser, server.baseUrl, 'marketer');
    await page.goto(`${server.baseUrl}/admin/campaigns/${created.body.id}`);
    await page.locator('[data-testid=campaign-detail-page] [data-testid=campaign-status][data-status=SCHEDULED]').waitFor();
    await page.click('[data-testid=campaign-cancel]');
    await page.locator('.ant-popconfirm').getByRole('button', { name: /取消活动/ }).click();
    await page.locator('[data-testid=campaign-detail-page] [data-testid=campaign-status][data-status=CANCELLED]').waitFor();
    expect(await page.locator('[data-testid=campaign-schedule]').count()).toBe(0);
    expect(await page.textContent('[data-testid=campaign-report-pending]')).toContain('活动已取消，未发送');
    expect((await campaignOf(created.body.id)).status).toBe('CANCELLED');
    // The edit page refuses it too, and the server would.
    await page.goto(`${server.baseUrl}/admin/campaigns/${created.body.id}/edit`);
    await page.getByText('活动已取消，不能再修改').waitFor();
    await page.context().close();
  });

  it('shows the director segments and campaigns without the write actions, and keeps them from a consultant', async () => {
    const page = await signInToAdmin(browser, server.baseUrl, 'director');
    const menu = page.locator('[data-testid=admin-menu]');
    await menu.getByText('人群', { exact: true }).click();
    await page.locator('[data-testid=segment-table] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid=segment-create]').count()).toBe(0);
    await page.locator('[data-testid=segment-table] tbody tr.ant-table-row').first().click();
    await page.locator('[data-testid=segment-members] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid=segment-save]').count()).toBe(0);
    expect(await page.isDisabled('[data-testid=segment-name]')).toBe(true);
    await menu.getByText('营销活动', { exact: true }).click();
    await page.locator('[data-testid=campaign-table] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid=campaign-create]').count()).toBe(0);
    await page.locator('[data-testid=campaign-table] tbody tr.ant-table-row').filter({ hasText: CAMPAIGN_NAME }).click();
    await page.locator('[data-testid=campaign-comparison-chart] canvas').first().waitFor();
    expect(await page.locator('[data-testid=campaign-schedule]').count()).toBe(0);
    await page.context().close();

    const consultant = await signInToAdmin(browser, server.baseUrl, 'sc1.shpd');
    const consultantMenu = consultant.locator('[data-testid=admin-menu]');
    expect(await consultantMenu.getByText('营销活动', { exact: true }).count()).toBe(0);
    await consultant.goto(`${server.baseUrl}/admin/campaigns`);
    await consultant.locator('[data-testid=forbidden-page]').waitFor();
    await consultant.context().close();
  });
});
