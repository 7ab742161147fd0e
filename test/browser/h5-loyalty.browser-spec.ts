import { Browser, Page, Request } from 'playwright-core';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile } from '../support/api';
import { artifactPath, launchBrowser } from '../support/browser';
import { sql } from '../support/database';
import { nextResponse, onH5Screen, openH5SignedIn, openH5Tab, waitForH5Settled } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(180_000);

const IDEMPOTENCY_KEY = /^[\w.:-]{1,128}$/;
const redemptionsUrl = /\/api\/me\/points\/redemptions$/;
const referralsUrl = /\/api\/me\/referrals$/;
/** Where Taro's H5 setClipboardData keeps what it copied, wrapped as {data}. */
const CLIPBOARD_STORAGE_KEY = 'taro_clipboard';
/** The H5 build keeps the token where Taro.setStorageSync puts it: localStorage, wrapped as {data}. */

interface PointsSummary {
  customerId: number;
  balance: number;
  tier: string;
  tierName: string;
  earned12Months: number;
  nextTier: { tier: string; name: string; minPoints: number } | null;
}

interface Reward {
  id: number;
  code: string;
  name: string;
  points: number;
  stock: number;
}

interface Coupon {
  id: number;
  code: string;
  reward: { id: number; name: string };
  valueFen: number | null;
  status: string;
}

interface Redemption {
  id: number;
  reward: { id: number; name: string };
  points: number;
  balance: number;
  coupon: Coupon | null;
}

interface MyReferrals {
  code: string;
  rewardPoints: number;
  referrals: Array<{ leadId: number; name: string; mobile: string; status: string; pointsEarned: number }>;
}

interface ReferralResult {
  leadId: number;
  eligible: boolean;
  message: string;
}

interface PointsEntry {
  id: number;
  type: string;
  points: number;
  reason: string;
}

const thousands = (value: number) => value.toLocaleString('en-US');

describe('points, rewards and coupons in the mini-program (H5 build)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let token: string;
  const memberMobile = uniqueMobile();
  /** Given by the marketer: a welcome bonus and twenty small ones, so the history runs past one page. */
  const welcome = 1_000;
  const smallBonuses = 20;
  const smallBonus = 5;
  const startBalance = welcome + smallBonuses * smallBonus;
  let rewards: Reward[];
  const redeemed: Redemption[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();

    // A member signed in by SMS; the marketer credits their points.
    token = await ownerToken(server.baseUrl, memberMobile);
    const me = await request(server.baseUrl).get('/api/me').set(bearer(token)).expect(200);
    const customerId = me.body.id as number;
    const marketerToken = await staffToken(server.baseUrl, 'marketer');
    const credit = (points: number, reason: string, key: string) =>
      request(server.baseUrl).post('/api/loyalty/adjustments').set(bearer(marketerToken)).send({ customerId, points, reason, idempotencyKey: key }).expect(201);
    await credit(welcome, '新会员开卡礼', `h5-loyalty-welcome-${customerId}`);
    for (let index = 1; index <= smallBonuses; index += 1) await credit(smallBonus, `会员活动奖励 ${index}`, `h5-loyalty-bonus-${customerId}-${index}`);

    // The umbrella is gone: what 已兑完 looks like. Stock has no back-office endpoint yet, so it is set behind the API.
    await sql(server.databaseUrl, "UPDATE rewards SET stock = 0 WHERE code = 'UMBRELLA'");
    rewards = (await request(server.baseUrl).get('/api/loyalty/rewards').expect(200)).body as Reward[];

    // The same phone, signed in as that member.
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
    await page.screenshot({ path: artifactPath(`h5-loyalty-${name}.png`), fullPage: true });
  }

  const answerTo = (method: string, url: RegExp) => nextResponse(page, method, url);

  const pointsNow = async () => (await request(server.baseUrl).get('/api/me/points').set(bearer(token)).expect(200)).body as PointsSummary;

  const rewardCard = (code: string) => onScreen(`[data-testid=reward-card][data-reward-code="${code}"]`);

  it('shows the balance and tier on 我的, and on 积分 the tier card and the history a page at a time', async () => {
    const summary = await pointsNow();
    expect(summary).toMatchObject({ balance: startBalance, tier: 'STANDARD', tierName: '普卡', earned12Months: 0 });
    expect(summary.nextTier).not.toBeNull();

    await openH5Tab(page, '我的');
    await shownSettled('[data-testid=me-points-card]');
    await page.waitForFunction((balance) => document.querySelector('[data-testid=me-points-balance]')?.textContent === balance, thousands(startBalance));
    expect(await onScreen('[data-testid=me-points-tier]').textContent()).toBe('普卡会员');
    await screenshot('1-me');

    await onScreen('[data-testid=me-points-history]').click();
    await shownSettled('[data-testid=points-entries]');
    expect(await onScreen('[data-testid=points-balance]').textContent()).toBe(thousands(startBalance));
    expect(await onScreen('[data-testid=points-tier]').textContent()).toBe('普卡会员');
    // Adjustments are not earnings: the tier still waits for the first visit to the workshop.
    expect(await onScreen('[data-testid=points-earned]').textContent()).toBe('近 12 个月获得 0 积分');
    const { name, minPoints } = summary.nextTier!;
    expect(await onScreen('[data-testid=tier-progress]').textContent()).toBe(`再获得 ${thousands(minPoints)} 积分升级${name}`);
    expect(await onScreen('[data-testid=expiring-points]').textContent()).toBe('近 90 天没有即将过期的积分');

    // Newest first, 20 to a page, each with its type and signed points.
    const entries = onScreen('[data-testid=points-entry]');
    expect(await entries.count()).toBe(20);
    const first = entries.first();
    expect(await first.locator('[data-testid=points-entry-type]').textContent()).toBe('调整');
    expect(await first.locator('[data-testid=points-entry-points]').textContent()).toBe(`+${smallBonus}`);
    expect(await first.textContent()).toContain(`会员活动奖励 ${smallBonuses}`);
    await screenshot('2-points');

    // Scrolling to the end of the list (where 加载更多 waits, should the scroll not register) loads the next page.
    const nextPage = answerTo('GET', /\/api\/me\/points\/entries\?page=2&/);
    await onScreen('[data-testid=load-more-entries]').scrollIntoViewIfNeeded();
    expect((await nextPage).status()).toBe(200);
    await onScreen('[data-testid=entries-end]').waitFor();
    expect(await entries.count()).toBe(smallBonuses + 1);
    const last = entries.last();
    expect(await last.locator('[data-testid=points-entry-points]').textContent()).toBe(`+${thousands(welcome)}`);
    expect(await last.textContent()).toContain('新会员开卡礼');
    await onScreen('[data-testid=entries-end]').scrollIntoViewIfNeeded();
    await screenshot('3-points-history-end');
  });

  it('redeems 精致洗车券 in 积分商城 with one Idempotency-Key per confirm and shows its coupon code', async () => {
    const wash = rewards.find((reward) => reward.code === 'WASH-1')!;
    expect(wash).toMatchObject({ name: '精致洗车券', points: 300 });

    await onScreen('[data-testid=open-points-mall]').click();
    await shownSettled('[data-testid=reward-card]');
    await page.waitForFunction((balance) => [...document.querySelectorAll('[data-testid=mall-balance]')].some((element) => element.textContent === balance), thousands(startBalance));
    // What the balance covers, what it does not (and by how much), and what is gone.
    expect(await rewardCard('WASH-1').getAttribute('data-state')).toBe('redeemable');
    expect(await rewardCard('WASH-1').locator('[data-testid=redeem-reward]').textContent()).toBe('立即兑换');
    const voucher = rewards.find((reward) => reward.code === 'SERVICE-200')!;
    expect(await rewardCard('SERVICE-200').getAttribute('data-state')).toBe('insufficient');
    expect(await rewardCard('SERVICE-200').locator('[data-testid=redeem-reward]').textContent()).toBe('积分不足');
    expect(await rewardCard('SERVICE-200').textContent()).toContain(`还差 ${thousands(voucher.points - startBalance)} 积分`);
    expect(await rewardCard('UMBRELLA').getAttribute('data-state')).toBe('sold-out');
    expect(await rewardCard('UMBRELLA').locator('[data-testid=redeem-reward]').textContent()).toBe('已兑完');
    await screenshot('4-mall');
    // Taro scrolls inside the page, so the end of the list needs a screenshot of its own.
    await rewardCard('UMBRELLA').scrollIntoViewIfNeeded();
    await screenshot('4b-mall-sold-out');

    const posts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && redemptionsUrl.test(sent.url())) posts.push(sent);
    });

    // Tapping a reward that cannot be had does nothing.
    await rewardCard('UMBRELLA').locator('[data-testid=redeem-reward]').click();
    await rewardCard('SERVICE-200').locator('[data-testid=redeem-reward]').click();
    expect(await onScreen('[data-testid=redeem-confirm]').count()).toBe(0);

    // A double tap opens the confirm step, whose second tap does not confirm it unread. It says what is spent
    // and what is left.
    await rewardCard('WASH-1').locator('[data-testid=redeem-reward]').dblclick();
    await shownSettled('[data-testid=redeem-confirm]');
    expect(await onScreen('[data-testid=redeem-confirm-name]').textContent()).toBe('精致洗车券');
    expect(await onScreen('[data-testid=redeem-confirm-after]').textContent()).toBe(thousands(startBalance - 300));
    expect(posts).toHaveLength(0);
    await screenshot('5-mall-confirm');
    await page.waitForTimeout(400);

    // A double tap on 确认兑换 sends one request.
    const answered = answerTo('POST', redemptionsUrl);
    await onScreen('[data-testid=confirm-sheet-confirm]').dblclick();
    const response = await answered;
    expect(response.status()).toBe(201);
    const redemption = (await response.json()) as Redemption;
    expect(redemption).toMatchObject({ reward: { id: wash.id, name: '精致洗车券' }, points: 300, balance: startBalance - 300, coupon: { status: 'AVAILABLE', valueFen: 6_000 } });
    redeemed.push(redemption);

    // The result page shows the coupon code large, for the counter.
    await shownSettled('[data-testid=redemption-success]');
    expect(await onScreen('[data-testid=redemption-summary]').textContent()).toBe(`已使用 300 积分兑换「精致洗车券」，剩余 ${thousands(startBalance - 300)} 积分`);
    expect(await onScreen('[data-testid=coupon-code]').textContent()).toBe(redemption.coupon!.code);
    expect(await onScreen('[data-testid=coupon-value]').textContent()).toBe('¥60');
    await screenshot('6-redeemed');
    expect(posts).toHaveLength(1);
    expect(posts[0].postDataJSON()).toEqual({ rewardId: wash.id });
    expect(posts[0].headers()['idempotency-key']).toMatch(IDEMPOTENCY_KEY);

    // 继续兑换: back in the mall the balance is read again; a second confirm is a second redemption, with its own key.
    await onScreen('[data-testid=redeemed-back-to-mall]').click();
    await page.waitForFunction((balance) => [...document.querySelectorAll('[data-testid=mall-balance]')].some((element) => element.textContent === balance), thousands(startBalance - 300));
    await rewardCard('WASH-1').locator('[data-testid=redeem-reward]').click();
    await shownSettled('[data-testid=redeem-confirm]');
    // The sheet ignores taps for its first 400 ms (the tail of a double tap), as a person reading it would wait.
    await page.waitForTimeout(400);
    const again = answerTo('POST', redemptionsUrl);
    await onScreen('[data-testid=confirm-sheet-confirm]').click();
    expect((await again).status()).toBe(201);
    redeemed.push((await (await again).json()) as Redemption);
    expect(posts).toHaveLength(2);
    expect(posts[1].headers()['idempotency-key']).toMatch(IDEMPOTENCY_KEY);
    expect(posts[1].headers()['idempotency-key']).not.toBe(posts[0].headers()['idempotency-key']);
    expect(redeemed[1].coupon!.code).not.toBe(redeemed[0].coupon!.code);
    await shownSettled('[data-testid=redemption-success]');
    expect(await onScreen('[data-testid=coupon-code]').textContent()).toBe(redeemed[1].coupon!.code);

    // The balance dropped by both.
    expect((await pointsNow()).balance).toBe(startBalance - 600);
  });

  it('lists the coupons under 可用 in 我的券, and the redemptions at the top of the history', async () => {
    expect(redeemed).toHaveLength(2);
    await onScreen('[data-testid=redeemed-open-coupons]').click();
    await shownSettled('[data-testid=coupon-card]');
    const availableTab = onScreen('[data-testid=coupon-tab][data-key=AVAILABLE]');
    expect(await availableTab.getAttribute('data-selected')).toBe('true');
    expect(await availableTab.textContent()).toBe('可用 2');
    // Newest first, each with its own code, value and expiry.
    const cards = onScreen('[data-testid=coupon-card]');
    expect(await cards.evaluateAll((elements) => elements.map((element) => element.querySelector('[data-testid=coupon-code]')?.textContent))).toEqual([
      redeemed[1].coupon!.code,
      redeemed[0].coupon!.code,
    ]);
    expect(await cards.first().locator('[data-testid=coupon-name]').textContent()).toBe('精致洗车券');
    expect(await cards.first().locator('[data-testid=coupon-value]').textContent()).toBe('¥60');
    expect(await cards.first().locator('[data-testid=coupon-deadline]').textContent()).toMatch(/^有效期至 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    await screenshot('7-coupons');
    const served = (await request(server.baseUrl).get('/api/me/coupons').set(bearer(token)).expect(200)).body as Coupon[];
    expect(served.map((coupon) => coupon.code)).toEqual([redeemed[1].coupon!.code, redeemed[0].coupon!.code]);

    await onScreen('[data-testid=coupon-tab][data-key=USED]').click();
    await onScreen('[data-testid=coupons-empty]').waitFor();
    expect(await onScreen('[data-testid=coupons-empty]').textContent()).toContain('暂无已使用的券');
    await screenshot('8-coupons-used-empty');

    // 我的积分 again (a fresh start of the app): both redemptions lead the history, and the balance shows them.
    const entriesRead = answerTo('GET', /\/api\/me\/points\/entries\?/);
    // One navigation to a new document: a hash change and then a reload could let the first page's answer be the
    // one awaited, and its body is gone once the reload navigates away.
    await page.goto(`${server.baseUrl}/h5/?fresh=${Date.now()}#/pages/loyalty/points/index`);
    const served1 = (await (await entriesRead).json()) as { items: PointsEntry[]; total: number };
    expect(served1.total).toBe(smallBonuses + 3);
    await shownSettled('[data-testid=points-entries]');
    expect(await onScreen('[data-testid=points-balance]').textContent()).toBe(thousands(startBalance - 600));
    const top = onScreen('[data-testid=points-entry]').first();
    expect(await top.getAttribute('data-type')).toBe('REDEEM');
    expect(await top.locator('[data-testid=points-entry-type]').textContent()).toBe('兑换');
    expect(await top.locator('[data-testid=points-entry-points]').textContent()).toBe('-300');
    expect(await top.textContent()).toContain('兑换 精致洗车券');
    expect(await top.textContent()).toContain(`余额 ${thousands(startBalance - 600)}`);
    expect(served1.items.slice(0, 2).map((entry) => [entry.type, entry.points])).toEqual([
      ['REDEEM', -300],
      ['REDEEM', -300],
    ]);
    await screenshot('9-points-after-redeem');
  });

  it('refers a friend from 邀请好友, lists them as 跟进中, and says a self-referral earns nothing', async () => {
    const served = (await request(server.baseUrl).get('/api/me/referrals').set(bearer(token)).expect(200)).body as MyReferrals;
    expect(served.referrals).toEqual([]);
    expect(served.rewardPoints).toBeGreaterThan(0);

    // 我的 and 积分 both lead to it. The app starts afresh on 我的, as from the tab bar.
    await page.goto(`${server.baseUrl}/h5/#/pages/me/index`);
    await shownSettled('[data-testid=me-referrals]');
    expect(await onScreen('[data-testid=me-referrals]').textContent()).toContain('邀请好友');
    await onScreen('[data-testid=me-points-history]').click();
    await shownSettled('[data-testid=open-referrals]');
    await screenshot('10-points-referral-link');
    await onScreen('[data-testid=open-referrals]').click();
    await shownSettled('[data-testid=referral-invite]');
    expect(await onScreen('[data-testid=referral-reward]').textContent()).toBe(`好友提车后，您可获得 ${thousands(served.rewardPoints)} 积分`);
    expect(await onScreen('[data-testid=referral-code]').textContent()).toBe(served.code);
    await onScreen('[data-testid=referrals-empty]').waitFor();
    await screenshot('11-referrals');

    // 复制 puts the code on the clipboard; on H5 分享给好友 copies an invitation carrying it.
    const clipboard = () => page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { data?: string } | null)?.data, CLIPBOARD_STORAGE_KEY);
    await onScreen('[data-testid=copy-referral-code]').click();
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, CLIPBOARD_STORAGE_KEY);
    expect(await clipboard()).toBe(served.code);
    await onScreen('[data-testid=share-referral]').click();
    await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('邀请码'), CLIPBOARD_STORAGE_KEY);
    expect(await clipboard()).toContain(`我的邀请码：${served.code}`);

    // The form asks for what is missing before anything is sent.
    const posts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && referralsUrl.test(sent.url())) posts.push(sent);
    });
    await onScreen('[data-testid=submit-referral]').click();
    await page.getByText('请填写好友姓名').waitFor();
    expect(posts).toHaveLength(0);

    // A friend who is new to the dealership: a lead for the store, credited to the member.
    const friendMobile = uniqueMobile();
    await onScreen('[data-testid=referral-name-input] input').fill('周小明');
    await onScreen('[data-testid=referral-mobile-input] input').fill(friendMobile);
    await onScreen('[data-testid=store-choice]').first().click();
    await onScreen('[data-testid=step-model]').getByText('更换').click();
    await onScreen('[data-testid=model-choice]').nth(1).click();
    await onScreen('[data-testid=referral-note-input] textarea').fill('周末方便接电话');
    await screenshot('12-referral-form');
    const referred = answerTo('POST', referralsUrl);
    await onScreen('[data-testid=submit-referral]').dblclick();
    const answer = await referred;
    expect(answer.status()).toBe(201);
    const result = (await answer.json()) as ReferralResult;
    expect(result.eligible).toBe(true);
    expect(posts).toHaveLength(1);
    expect(posts[0].postDataJSON()).toMatchObject({ name: '周小明', mobile: friendMobile, note: '周末方便接电话' });
    expect(typeof posts[0].postDataJSON().storeId).toBe('number');
    expect(typeof posts[0].postDataJSON().modelId).toBe('number');
    await onScreen('[data-testid=referral-result]').waitFor();
    expect(await onScreen('[data-testid=referral-result]').textContent()).toBe(result.message);
    const row = onScreen(`[data-testid=referral-row][data-lead-id="${result.leadId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-testid=referral-name]').textContent()).toBe('周**');
    expect(await row.locator('[data-testid=referral-mobile]').textContent()).toBe(`${friendMobile.slice(0, 3)}****${friendMobile.slice(7)}`);
    expect(await row.locator('[data-testid=referral-status]').textContent()).toBe('跟进中');
    expect(await row.locator('[data-testid=referral-points]').textContent()).toBe('提车后积分到账');
    // The form is empty again for the next friend.
    expect(await onScreen('[data-testid=referral-mobile-input] input').inputValue()).toBe('');
    await onScreen('[data-testid=referral-result]').scrollIntoViewIfNeeded();
    await screenshot('13-referral-listed');
    const [lead] = await sql<{ source: string; referrer_customer_id: number | null }>(server.databaseUrl, 'SELECT source, referrer_customer_id FROM leads WHERE id = ?', [result.leadId]);
    expect(lead.source).toBe('REFERRAL');
    expect(lead.referrer_customer_id).toBe((await pointsNow()).customerId);

    // The member's own mobile: the store still hears of it, but it earns nothing and is not listed.
    await onScreen('[data-testid=referral-name-input] input').fill('我自己');
    await onScreen('[data-testid=referral-mobile-input] input').fill(memberMobile);
    const selfReferred = answerTo('POST', referralsUrl);
    await onScreen('[data-testid=submit-referral]').click();
    const selfAnswer = await selfReferred;
    expect(selfAnswer.status()).toBe(201);
    const selfResult = (await selfAnswer.json()) as ReferralResult;
    expect(selfResult.eligible).toBe(false);
    await page.waitForFunction((message) => [...document.querySelectorAll('[data-testid=referral-result]')].some((element) => element.textContent === message), selfResult.message);
    expect(selfResult.message).toContain('不能推荐自己');
    await onScreen('[data-testid=referral-result]').scrollIntoViewIfNeeded();
    await screenshot('14-referral-self');
    expect(await onScreen('[data-testid=referral-row]').count()).toBe(1);
    const after = (await request(server.baseUrl).get('/api/me/referrals').set(bearer(token)).expect(200)).body as MyReferrals;
    expect(after.referrals.map((referral) => referral.leadId)).toEqual([result.leadId]);
  });
});
