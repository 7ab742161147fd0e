import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page, Request } from 'playwright-core';
import request from 'supertest';
import { bearer, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { launchBrowser } from '../support/browser';
import { sql } from '../support/database';
import { nextResponse, onH5Screen, openH5SignedIn, openH5Tab, shanghaiDate, waitForH5Settled, waitForShownText } from '../support/pages';
import { startTestServer, TestServer } from '../support/test-server';

// Starting the server on a fresh database and driving Chromium takes far longer than jest's 5 s default.
jest.setTimeout(240_000);

const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';
/** Business time for the suite: today 10:00 in Shanghai, inside the hours an SMS may go out. */
const TODAY = shanghaiDate(new Date());
const NOW = new Date(`${TODAY}T02:00:00Z`).toISOString();
/** The H5 build keeps the token where Taro.setStorageSync puts it: localStorage, wrapped as {data}. */
/** Older notices already read, so the inbox runs past its first page of 20. */
const OLD_NOTICES = 20;
const COMPLAINT = '周六上午预约的保养，到店后等了两个小时才开始施工，也没人告知原因';
const SURVEY_COMMENT = '顾问讲解很清楚，休息区也舒服';

const answerUrl = /\/api\/me\/surveys\/\d+\/answer$/;
const complaintsUrl = /\/api\/me\/complaints$/;

interface Survey {
  id: number;
  kind: string;
  subject: string;
  store: { id: number; name: string };
  answeredAt: string | null;
  nps: number | null;
  csat: number | null;
  comment: string | null;
  rewardPoints: number;
}

interface CustomerMessage {
  id: number;
  channel: string;
  title: string;
  body: string;
  page: string | null;
  readAt: string | null;
}

interface Paged<Item> {
  items: Item[];
  total: number;
}

interface MyComplaint {
  id: number;
  category: string;
  content: string;
  status: string;
  store: { id: number; name: string };
  resolution: string | null;
}

/** An ISO instant as a UTC DATETIME(3) literal, the way the server stores times. */
const utcDatetime = (at: Date) => at.toISOString().slice(0, 23).replace('T', ' ');

describe('birthday, messages, surveys and complaints in the mini-program (H5 build)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let adminToken: string;
  let advisorToken: string;
  let token: string;
  let customerId: number;
  const ownerMobile = uniqueMobile();
  const car = { id: 0, plate: uniquePlate(), vin: uniqueVin(), mileage: 9_000 };

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    // A settable clock, so the survey and dispatch jobs can be run now, at a time an SMS may be sent.
    server = await startTestServer({ env: { CLOCK_MODE: 'controlled' } });
    browser = await launchBrowser();
    adminToken = await staffToken(server.baseUrl, 'admin');
    await request(server.baseUrl).put('/api/dev/clock').set(bearer(adminToken)).send({ now: NOW, speed: 1 }).expect(200);

    // An owner whose car the store has on file, bound in the mini-program after an SMS sign-in.
    advisorToken = await staffToken(server.baseUrl, 'sa.shpd');
    const created = await request(server.baseUrl)
      .post('/api/vehicles')
      .set(bearer(advisorToken))
      .send({ vin: car.vin, plate: car.plate, modelId: 1, ownerMobile, ownerName: '林先生', deliveredAt: '2025-12-01', mileage: car.mileage })
      .expect(201);
    car.id = created.body.id as number;
    token = await ownerToken(server.baseUrl, ownerMobile);
    await request(server.baseUrl).post('/api/me/vehicles/bind').set(bearer(token)).send({ vin: car.vin, plate: car.plate }).expect(201);
    customerId = (await request(server.baseUrl).get('/api/me').set(bearer(token)).expect(200)).body.id as number;

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
    await page.screenshot({ path: join(SHOTS_DIR, `h5-feedback-${name}.png`), fullPage: true });
  }

  /** Waits until an element on screen shows exactly `text`. */
  const shows = (selector: string, text: string) => waitForShownText(page, selector, text);

  const answerTo = (method: string, url: RegExp) => nextResponse(page, method, url);

  const api = () => request(server.baseUrl);

  async function runJob(name: string): Promise<void> {
    await api().post(`/api/dev/jobs/${name}/run`).set(bearer(adminToken)).expect(200);
  }

  /** The car comes in without a booking and is settled: the survey job then invites the owner, and dispatch sends it. */
  async function settleVisit(): Promise<void> {
    car.mileage += 500;
    const order = await api()
      .post('/api/service/work-orders')
      .set(bearer(advisorToken))
      .send({ vehicleId: car.id, storeId: 1, serviceType: 'MAINTENANCE', mileage: car.mileage })
      .expect(201);
    // Labour only: a settlement takes the parts of its lines from stock.
    await api().put(`/api/service/work-orders/${order.body.id}/items`).set(bearer(advisorToken)).send({ items: [{ name: '检查右前轮异响', labourHundredths: 50 }] }).expect(200);
    for (const status of ['IN_PROGRESS', 'QUALITY_CHECK', 'READY', 'SETTLED']) {
      await api().post(`/api/service/work-orders/${order.body.id}/status`).set(bearer(advisorToken)).send({ status }).expect(200);
    }
    await runJob('surveys');
    await runJob('dispatch');
  }

  const pendingSurveys = async () => (await api().get('/api/me/surveys?pending=true').set(bearer(token)).expect(200)).body as Paged<Survey>;
  const unreadCount = async () => (await api().get('/api/me/messages/unread-count').set(bearer(token)).expect(200)).body.count as number;

  it('saves the birthday picked on 我的, saying what it is for', async () => {
    await openH5Tab(page, '我的');
    await shownSettled('[data-testid=me-birthday]');
    await shows('[data-testid=me-birthday-value]', '去填写');
    expect(await onScreen('[data-testid=me-birthday]').textContent()).toContain('生日当天送上祝福和积分');
    // Nothing waits for the owner yet: no badges.
    expect(await onScreen('[data-testid=menu-badge]').count()).toBe(0);
    await screenshot('01-me');

    // The wheel opens on 1990年1月1日; tapping 03日, two rows down, turns the day column to it. The column's
    // fading mask lies over its items and passes the tap on to the column, as on a phone.
    await onScreen('[data-testid=me-birthday]').click();
    const picker = page.locator('.weui-picker:visible');
    await picker.waitFor();
    await page.waitForTimeout(400);
    await picker.locator('.weui-picker__group').nth(2).locator('.weui-picker__item', { hasText: /^03日$/ }).click({ force: true });
    await page.waitForTimeout(400);
    await screenshot('02-birthday-picker');
    const saved = answerTo('PATCH', /\/api\/me$/);
    await picker.locator('.weui-picker__action', { hasText: '确定' }).click();
    const answer = await saved;
    expect(answer.status()).toBe(200);
    expect(answer.request().postDataJSON()).toEqual({ birthday: '1990-01-03' });
    await shows('[data-testid=me-birthday-value]', '1990年1月3日');
    expect((await api().get('/api/me').set(bearer(token)).expect(200)).body.birthday).toBe('1990-01-03');
    await page.waitForTimeout(1_500);
    await screenshot('03-me-birthday-saved');

    // The inbox is empty so far, and says what will arrive there.
    await onScreen('[data-testid=me-messages]').click();
    await shownSettled('[data-testid=messages-empty]');
    expect(await onScreen('[data-testid=inbox-unread]').textContent()).toBe('没有未读消息');
    await screenshot('04-inbox-empty');
  });

  it('invites to a survey after a settled visit; from 消息 the owner answers it with 9 and 5 stars and is thanked with the points', async () => {
    // Read notices from weeks ago, so the inbox has a second page.
    const base = Date.parse(NOW) - 30 * 86_400_000;
    for (let index = 0; index < OLD_NOTICES; index += 1) {
      const sentAt = new Date(base + index * 3_600_000);
      await sql(server.databaseUrl, "INSERT INTO customer_messages (customer_id, channel, title, body, page, sent_at, read_at) VALUES (?, 'IN_APP', ?, ?, NULL, ?, ?)", [
        customerId,
        `保养小贴士 ${index + 1}`,
        '冬季来临，请留意胎压和防冻液。',
        utcDatetime(sentAt),
        utcDatetime(sentAt),
      ]);
    }
    await settleVisit();
    const { items: waiting } = await pendingSurveys();
    expect(waiting).toHaveLength(1);
    const survey = waiting[0];
    expect(survey).toMatchObject({ kind: 'SERVICE', answeredAt: null, store: { id: 1 } });
    expect(survey.subject).toContain(car.plate);
    const inbox = (await api().get('/api/me/messages?page=1&pageSize=20').set(bearer(token)).expect(200)).body as Paged<CustomerMessage>;
    expect(inbox.total).toBe(OLD_NOTICES + 1);
    const invitation = inbox.items[0];
    expect(invitation).toMatchObject({ title: '满意度回访', page: `pages/feedback/survey/index?id=${survey.id}`, readAt: null });

    // 我的 (the app opened afresh) counts the unread message and the survey waiting.
    await page.goto(`${server.baseUrl}/h5/?fresh=${Date.now()}#/pages/me/index`);
    await shownSettled('[data-testid=me-messages]');
    await shows('[data-testid=me-messages] [data-testid=menu-badge]', '1');
    await shows('[data-testid=me-surveys] [data-testid=menu-badge]', '1');
    await screenshot('05-me-badges');

    // 消息: newest first, the invitation unread on top, 20 to a page.
    await onScreen('[data-testid=me-messages]').click();
    await shownSettled('[data-testid=message-row]');
    expect(await onScreen('[data-testid=inbox-unread]').textContent()).toBe('1 条未读');
    const rows = onScreen('[data-testid=message-row]');
    expect(await rows.count()).toBe(20);
    const top = rows.first();
    expect(await top.getAttribute('data-message-id')).toBe(String(invitation.id));
    expect(await top.getAttribute('data-read')).toBe('false');
    expect(await top.locator('[data-testid=message-unread-dot]').count()).toBe(1);
    expect(await top.locator('[data-testid=message-title]').textContent()).toBe('满意度回访');
    expect(await top.textContent()).toContain('查看详情');
    expect(await onScreen('[data-testid=mark-all-read]').count()).toBe(1);
    await screenshot('06-inbox');

    // Scrolling to the end (where 加载更多 waits, should the scroll not register) loads the rest.
    const nextPage = answerTo('GET', /\/api\/me\/messages\?page=2&/);
    await onScreen('[data-testid=load-more-messages]').scrollIntoViewIfNeeded();
    expect((await nextPage).status()).toBe(200);
    await onScreen('[data-testid=messages-end]').waitFor();
    expect(await rows.count()).toBe(OLD_NOTICES + 1);
    await onScreen('[data-testid=messages-end]').scrollIntoViewIfNeeded();
    await screenshot('07-inbox-end');

    // Tapping the invitation marks it read and opens the survey it names.
    await top.scrollIntoViewIfNeeded();
    const markedRead = answerTo('POST', new RegExp(`/api/me/messages/${invitation.id}/read$`));
    await top.click();
    expect((await markedRead).status()).toBe(200);
    await shownSettled('[data-testid=survey-form]');
    expect(await onScreen('[data-testid=survey-subject]').textContent()).toBe(survey.subject);
    if (survey.rewardPoints > 0) expect(await onScreen('[data-testid=survey-reward]').textContent()).toBe(`完成评价可获得 ${survey.rewardPoints} 积分`);
    expect(await onScreen('[data-testid=nps-score]').count()).toBe(11);
    expect(await onScreen('[data-testid=survey-form]').textContent()).toContain('您有多大可能把我们推荐给朋友？');
    expect(await onScreen('[data-testid=survey-form]').textContent()).toContain('本次服务满意度');
    await screenshot('08-survey');

    // Nothing is sent until both scores are given.
    const posts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && answerUrl.test(sent.url())) posts.push(sent);
    });
    await onScreen('[data-testid=submit-survey]').click();
    await page.getByText('请选择推荐意愿').waitFor();
    await onScreen('[data-testid=nps-score][data-score="9"]').click();
    expect(await onScreen('[data-testid=nps-score][data-score="9"]').getAttribute('data-selected')).toBe('true');
    expect(await onScreen('[data-testid=nps-word]').textContent()).toBe('9 分 · 非常愿意推荐');
    await page.waitForTimeout(2_600);
    await onScreen('[data-testid=submit-survey]').click();
    await page.getByText('请选择满意度').waitFor();
    expect(posts).toHaveLength(0);
    await onScreen('[data-testid=star]').nth(4).click();
    await onScreen('[data-testid=survey-comment] textarea').fill(SURVEY_COMMENT);
    await page.waitForTimeout(2_600);
    await screenshot('09-survey-filled');

    const answered = answerTo('POST', answerUrl);
    await onScreen('[data-testid=submit-survey]').dblclick();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(posts).toHaveLength(1);
    expect(posts[0].postDataJSON()).toEqual({ nps: 9, csat: 5, comment: SURVEY_COMMENT });
    const body = (await response.json()) as Survey;
    expect(body).toMatchObject({ id: survey.id, nps: 9, csat: 5, comment: SURVEY_COMMENT });
    expect(body.answeredAt).not.toBeNull();

    // Thanks, with the points; a promoter gets no apology.
    await shownSettled('[data-testid=survey-thanks]');
    const thanks = body.rewardPoints > 0 ? `${body.rewardPoints} 积分即将到账，可在「我的积分」查看` : '您的意见会帮助我们做得更好';
    expect(await onScreen('[data-testid=survey-thanks-points]').textContent()).toBe(thanks);
    expect(await onScreen('[data-testid=survey-apology]').count()).toBe(0);
    expect(await onScreen('[data-testid=survey-answer-nps]').textContent()).toBe('9 分 · 非常愿意推荐');
    expect(await onScreen('[data-testid=survey-answer-csat]').textContent()).toBe('非常满意');
    expect(await onScreen('[data-testid=survey-answer-comment]').textContent()).toBe(SURVEY_COMMENT);
    await screenshot('10-survey-thanks');
    expect(await unreadCount()).toBe(0);
    expect((await pendingSurveys()).total).toBe(0);

    // 完成 goes back to the inbox, read through.
    await onScreen('[data-testid=survey-done]').click();
    await shownSettled('[data-testid=message-row]');
    await shows('[data-testid=inbox-unread]', '没有未读消息');
    expect(await onScreen(`[data-testid=message-row][data-message-id="${invitation.id}"]`).getAttribute('data-read')).toBe('true');
    expect(await onScreen('[data-testid=message-unread-dot]').count()).toBe(0);
    await screenshot('11-inbox-read');
  });

  it('lists surveys pending first in 满意度回访; a low score brings an apology and a call-back, an answered survey shows read-only', async () => {
    await settleVisit();
    const { items: waiting } = await pendingSurveys();
    expect(waiting).toHaveLength(1);
    const second = waiting[0];

    await page.goto(`${server.baseUrl}/h5/?fresh=${Date.now()}#/pages/me/index`);
    await shownSettled('[data-testid=me-surveys]');
    await shows('[data-testid=me-surveys] [data-testid=menu-badge]', '1');
    await onScreen('[data-testid=me-surveys]').click();
    await shownSettled('[data-testid=survey-card]');
    const pendingCards = onScreen('[data-testid=pending-surveys] [data-testid=survey-card]');
    const answeredCards = onScreen('[data-testid=answered-surveys] [data-testid=survey-card]');
    await answeredCards.first().waitFor();
    expect(await pendingCards.count()).toBe(1);
    expect(await pendingCards.first().getAttribute('data-survey-id')).toBe(String(second.id));
    expect(await pendingCards.first().locator('[data-testid=survey-status]').textContent()).toBe('待评价');
    expect(await answeredCards.count()).toBe(1);
    expect(await answeredCards.first().locator('[data-testid=survey-status]').textContent()).toBe('已评价');
    expect(await answeredCards.first().textContent()).toContain('推荐意愿 9 分');
    await screenshot('12-surveys');

    // A detractor: 3 and 2 stars.
    await pendingCards.first().click();
    await shownSettled('[data-testid=survey-form]');
    await onScreen('[data-testid=nps-score][data-score="3"]').click();
    await onScreen('[data-testid=star]').nth(1).click();
    const answered = answerTo('POST', answerUrl);
    await onScreen('[data-testid=submit-survey]').click();
    expect((await answered).status()).toBe(200);
    await shownSettled('[data-testid=survey-thanks]');
    expect(await onScreen('[data-testid=survey-apology]').textContent()).toBe('很抱歉没能让您满意，门店经理会尽快联系您');
    expect(await onScreen('[data-testid=survey-answer-nps]').textContent()).toBe('3 分 · 不太愿意推荐');
    await page.waitForTimeout(1_500);
    await screenshot('13-survey-detractor');
    // The store manager has a ticket for it.
    const [ticket] = await sql<{ source: string; store_id: number }>(server.databaseUrl, 'SELECT source, store_id FROM complaints WHERE survey_id = ?', [second.id]);
    expect(ticket).toEqual({ source: 'SURVEY', store_id: 1 });

    // Back on the list both are answered; the first opens read-only.
    await onScreen('[data-testid=survey-done]').click();
    await shownSettled('[data-testid=answered-surveys]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=answered-surveys] [data-testid=survey-card]').length === 2);
    expect(await onScreen('[data-testid=pending-surveys]').count()).toBe(0);
    await onScreen('[data-testid=answered-surveys] [data-testid=survey-card][data-survey-id]').filter({ hasText: '推荐意愿 9 分' }).click();
    await shownSettled('[data-testid=survey-answered]');
    expect(await onScreen('[data-testid=survey-answer-nps]').textContent()).toBe('9 分 · 非常愿意推荐');
    expect(await onScreen('[data-testid=survey-answer-comment]').textContent()).toBe(SURVEY_COMMENT);
    expect(await onScreen('[data-testid=submit-survey]').count()).toBe(0);
    await screenshot('14-survey-read-only');
  });

  it('raises a complaint about the wait from 投诉与建议 and lists it as 待处理', async () => {
    const before = (await api().get('/api/me/complaints').set(bearer(token)).expect(200)).body as MyComplaint[];

    await page.goto(`${server.baseUrl}/h5/?fresh=${Date.now()}#/pages/me/index`);
    await shownSettled('[data-testid=me-complaints]');
    await onScreen('[data-testid=me-complaints]').click();
    await shownSettled('[data-testid=complaints-page]');
    await screenshot('15-complaints');

    // The form asks for what is missing before anything is sent.
    const posts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && complaintsUrl.test(sent.url())) posts.push(sent);
    });
    await onScreen('[data-testid=submit-complaint]').click();
    await page.getByText('请选择问题类型').waitFor();
    await onScreen('[data-testid=complaint-category-chip][data-key=WAITING]').click();
    expect(await onScreen('[data-testid=complaint-category-chip][data-key=WAITING]').getAttribute('data-selected')).toBe('true');
    await onScreen('[data-testid=complaint-content-input] textarea').fill('太慢');
    await page.waitForTimeout(2_600);
    await onScreen('[data-testid=submit-complaint]').click();
    await page.getByText('请描述问题（至少 5 个字）').waitFor();
    expect(posts).toHaveLength(0);
    await onScreen('[data-testid=complaint-content-input] textarea').fill(COMPLAINT);
    expect(await onScreen('[data-testid=complaints-page]').textContent()).toContain(`${COMPLAINT.length}/1000`);
    await page.waitForTimeout(2_600);
    await screenshot('16-complaint-form');

    const raised = answerTo('POST', complaintsUrl);
    await onScreen('[data-testid=submit-complaint]').dblclick();
    const response = await raised;
    expect(response.status()).toBe(201);
    expect(posts).toHaveLength(1);
    // The store is left to the server: the owner's car's store.
    expect(posts[0].postDataJSON()).toEqual({ category: 'WAITING', content: COMPLAINT });
    const complaint = (await response.json()) as MyComplaint;
    expect(complaint).toMatchObject({ category: 'WAITING', content: COMPLAINT, status: 'OPEN', store: { id: 1 }, resolution: null });

    const card = onScreen(`[data-testid=complaint-card][data-complaint-id="${complaint.id}"]`);
    await card.waitFor();
    expect(await card.locator('[data-testid=complaint-category]').textContent()).toBe('等待时间');
    expect(await card.locator('[data-testid=complaint-status]').textContent()).toBe('待处理');
    expect(await card.locator('[data-testid=complaint-content]').textContent()).toBe(COMPLAINT);
    expect(await card.textContent()).toContain(complaint.store.name);
    // Newest first, and the form is empty again.
    expect(await onScreen('[data-testid=complaint-card]').first().getAttribute('data-complaint-id')).toBe(String(complaint.id));
    expect(await onScreen('[data-testid=complaint-card]').count()).toBe(before.length + 1);
    expect(await onScreen('[data-testid=complaint-content-input] textarea').inputValue()).toBe('');
    await page.waitForTimeout(2_600);
    await card.scrollIntoViewIfNeeded();
    await screenshot('17-complaint-listed');
  });

  it('turns SMS reminders off in 消息设置, after saying what that stops, and keeps WeChat on', async () => {
    expect((await api().get('/api/me/message-preferences').set(bearer(token)).expect(200)).body).toEqual({ wechat: true, sms: true });

    await page.goto(`${server.baseUrl}/h5/?fresh=${Date.now()}#/pages/me/index`);
    await shownSettled('[data-testid=me-message-settings]');
    await onScreen('[data-testid=me-message-settings]').click();
    await shownSettled('[data-testid=preference-sms]');
    expect(await onScreen('[data-testid=preference-wechat]').getAttribute('data-checked')).toBe('true');
    expect(await onScreen('[data-testid=preference-sms]').getAttribute('data-checked')).toBe('true');
    await screenshot('18-message-settings');

    // Turning SMS off is asked first; 保留 keeps it on and sends nothing.
    const puts: Request[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'PUT' && sent.url().endsWith('/api/me/message-preferences')) puts.push(sent);
    });
    await onScreen('[data-testid=preference-sms]').click();
    await page.locator('.taro-modal__content', { hasText: '关闭后将不再通过短信提醒您保养、续保等' }).waitFor();
    await page.waitForTimeout(400);
    await screenshot('19-sms-off-confirm');
    await page.locator('.taro-model__cancel').click();
    await page.waitForTimeout(400);
    expect(await onScreen('[data-testid=preference-sms]').getAttribute('data-checked')).toBe('true');
    expect(puts).toHaveLength(0);

    await onScreen('[data-testid=preference-sms]').click();
    await page.locator('.taro-modal__content', { hasText: '关闭后将不再通过短信提醒您保养、续保等' }).waitFor();
    await page.waitForTimeout(400);
    const saved = answerTo('PUT', /\/api\/me\/message-preferences$/);
    await page.locator('.taro-model__confirm').click();
    const response = await saved;
    expect(response.status()).toBe(200);
    expect(puts).toHaveLength(1);
    expect(puts[0].postDataJSON()).toEqual({ sms: false });
    await onScreen('[data-testid=preference-sms][data-checked=false]').waitFor();
    expect(await onScreen('[data-testid=preference-wechat]').getAttribute('data-checked')).toBe('true');
    expect((await api().get('/api/me/message-preferences').set(bearer(token)).expect(200)).body).toEqual({ wechat: true, sms: false });
    await page.waitForTimeout(500);
    await screenshot('20-sms-off');

    // Read again on a fresh start, the page shows what the server holds.
    await page.reload();
    await shownSettled('[data-testid=preference-sms]');
    expect(await onScreen('[data-testid=preference-sms]').getAttribute('data-checked')).toBe('false');
  });
});
