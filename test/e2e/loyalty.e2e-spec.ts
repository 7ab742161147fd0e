import request from 'supertest';
import { bearer, hoursFromNow, ownerToken, staffToken, uniqueMobile, uniquePlate, uniqueVin } from '../support/api';
import { sql } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

describe('points ledger, rewards and coupons', () => {
  let server: TestServer;
  let api: ReturnType<typeof request>;
  let marketer: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ENABLE_JOBS: 'true', EVENTS_POLL_SECONDS: '1', POINTS_EXPIRY_SCAN_SECONDS: '3600' } });
    api = request(server.baseUrl);
    marketer = await staffToken(server.baseUrl, 'marketer');
  });
  afterAll(() => server.stop());

  async function member() {
    const mobile = uniqueMobile();
    const token = await ownerToken(server.baseUrl, mobile);
    const me = await api.get('/api/me').set(bearer(token));
    return { token, customerId: me.body.id as number, mobile };
  }

  const adjust = (customerId: number, points: number, idempotencyKey = `adj-${customerId}-${points}-${Math.random()}`) =>
    api.post('/api/loyalty/adjustments').set(bearer(marketer)).send({ customerId, points, reason: '测试调整', idempotencyKey });

  async function newReward(points: number, stock: number) {
    const [{ id }] = await sql<{ id: number }>(server.databaseUrl, "INSERT INTO rewards (code, name, kind, points, stock, value_fen, coupon_days, description, updated_at) VALUES (?, '测试保养券', 'SERVICE_COUPON', ?, ?, 10000, 30, '测试', NOW(3)) RETURNING id", [`T-${Math.random().toString(36).slice(2, 10)}`, points, stock]);
    return id;
  }

  it('lets exactly as many of 50 simultaneous redemptions through as the balance pays for', async () => {
    const { token, customerId } = await member();
    expect((await adjust(customerId, 1_000)).status).toBe(201);
    const rewardId = await newReward(100, 1_000);
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => api.post('/api/me/points/redemptions').set(bearer(token)).set('Idempotency-Key', `storm-${index}`).send({ rewardId })));
    expect(results.filter((result) => result.status === 201)).toHaveLength(10);
    expect(results.filter((result) => result.status === 409).every((result) => result.body.code === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(results.filter((result) => result.status !== 201 && result.status !== 409)).toEqual([]);
    const points = await api.get('/api/me/points').set(bearer(token));
    expect(points.body).toMatchObject({ customerId, balance: 0, tier: 'STANDARD' });
    const [account] = await sql<{ balance: number }>(server.databaseUrl, 'SELECT balance FROM points_accounts WHERE customer_id = ?', [customerId]);
    const [lots] = await sql<{ remaining: number }>(server.databaseUrl, 'SELECT COALESCE(SUM(remaining), 0) remaining FROM points_lots WHERE customer_id = ?', [customerId]);
    const [ledger] = await sql<{ total: number }>(server.databaseUrl, 'SELECT SUM(points) total FROM points_entries WHERE customer_id = ?', [customerId]);
    expect([Number(account.balance), Number(lots.remaining), Number(ledger.total)]).toEqual([0, 0, 0]);
    const [{ stock }] = await sql<{ stock: number }>(server.databaseUrl, 'SELECT stock FROM rewards WHERE id = ?', [rewardId]);
    expect(stock).toBe(990);
    const coupons = await api.get('/api/me/coupons').set(bearer(token));
    expect(coupons.body).toHaveLength(10);
    expect(coupons.body[0]).toMatchObject({ status: 'AVAILABLE', valueFen: 10_000, reward: { id: rewardId } });
  });

  it('returns the same redemption for a replayed Idempotency-Key and never oversells stock', async () => {
    const { token, customerId } = await member();
    await adjust(customerId, 1_000);
    const rewardId = await newReward(100, 2);
    const [first, replay] = await Promise.all([1, 2].map(() => api.post('/api/me/points/redemptions').set(bearer(token)).set('Idempotency-Key', 'same-key').send({ rewardId })));
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ points: 100, balance: 900, coupon: { status: 'AVAILABLE' } });
    const history = await api.get('/api/me/points/redemptions').set(bearer(token));
    expect(history.body).toEqual([expect.objectContaining({ id: first.body.id, points: 100, reward: { id: rewardId, name: '测试保养券' } })]);
    const otherReward = await newReward(50, 5);
    const reused = await api.post('/api/me/points/redemptions').set(bearer(token)).set('Idempotency-Key', 'same-key').send({ rewardId: otherReward });
    expect([reused.status, reused.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await api.post('/api/me/points/redemptions').set(bearer(token)).set('Idempotency-Key', 'second').send({ rewardId })).status).toBe(201);
    const soldOut = await api.post('/api/me/points/redemptions').set(bearer(token)).set('Idempotency-Key', 'third').send({ rewardId });
    expect([soldOut.status, soldOut.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    // The refused redemption took no points.
    expect((await api.get('/api/me/points').set(bearer(token))).body.balance).toBe(800);
    expect((await api.post('/api/me/points/redemptions').set(bearer(token)).send({ rewardId: 999_999 })).body.code).toBe('REWARD_NOT_FOUND');
  });

  it('adjusts once per key, lets a debit take the balance to zero but never below', async () => {
    const { token, customerId } = await member();
    const credit = await adjust(customerId, 500, 'goodwill-1');
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({ customerId, type: 'ADJUST', points: 500, balanceAfter: 500 });
    const again = await adjust(customerId, 500, 'goodwill-1');
    expect(again.body.id).toBe(credit.body.id);
    expect((await adjust(customerId, 400, 'goodwill-1')).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await adjust(customerId, -600)).body.code).toBe('INSUFFICIENT_POINTS');
    expect((await adjust(customerId, -500)).body.balanceAfter).toBe(0);
    expect((await adjust(customerId, 0)).status).toBe(400);
    expect((await adjust(999_999, 10)).status).toBe(404);
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    expect((await api.post('/api/loyalty/adjustments').set(bearer(consultant)).send({ customerId, points: 10, reason: 'x', idempotencyKey: 'k' })).status).toBe(403);
    const entries = await api.get('/api/me/points/entries?page=1&pageSize=10').set(bearer(token));
    expect(entries.body.items.map((entry: { points: number }) => entry.points)).toEqual([-500, 500]);
  });

  it('spends the points that expire first and expires the rest exactly once', async () => {
    const { token, customerId } = await member();
    await adjust(customerId, 300, 'old-lot');
    await adjust(customerId, 200, 'new-lot');
    // The first lot was earned long ago: it expires in 10 days; the second in two years.
    await sql(server.databaseUrl, "UPDATE points_lots l JOIN points_entries e ON e.id = l.entry_id SET l.expires_at = NOW(3) + INTERVAL 10 DAY WHERE e.idempotency_key = 'adjust:old-lot'");
    const summary = await api.get('/api/me/points').set(bearer(token));
    expect(summary.body.expiringSoon).toEqual([expect.objectContaining({ points: 300 })]);
    const rewardId = await newReward(100, 10);
    await api.post('/api/me/points/redemptions').set(bearer(token)).send({ rewardId });
    const [oldLot] = await sql<{ remaining: number }>(server.databaseUrl, "SELECT l.remaining FROM points_lots l JOIN points_entries e ON e.id = l.entry_id WHERE e.idempotency_key = 'adjust:old-lot'");
    expect(oldLot.remaining).toBe(200);

    await sql(server.databaseUrl, "UPDATE points_lots l JOIN points_entries e ON e.id = l.entry_id SET l.expires_at = NOW(3) - INTERVAL 1 SECOND WHERE e.idempotency_key = 'adjust:old-lot'");
    expect((await api.get('/api/me/points').set(bearer(token))).body.balance).toBe(200);
    // The next change to the account sweeps the expired lot first: one EXPIRE entry, then the debit.
    await api.post('/api/me/points/redemptions').set(bearer(token)).send({ rewardId });
    await api.post('/api/me/points/redemptions').set(bearer(token)).send({ rewardId });
    const expiries = await sql<{ points: number }>(server.databaseUrl, "SELECT points FROM points_entries WHERE customer_id = ? AND type = 'EXPIRE'", [customerId]);
    expect(expiries.map((entry) => entry.points)).toEqual([-200]);
    expect((await api.get('/api/me/points').set(bearer(token))).body.balance).toBe(0);
  });

  it('earns once per settled work order, at the tier’s rate', async () => {
    const advisor = await staffToken(server.baseUrl, 'sa.shpd');
    const mobile = uniqueMobile();
    const car = await api.post('/api/vehicles').set(bearer(advisor)).send({ vin: uniqueVin(), plate: uniquePlate(), modelId: 1, ownerMobile: mobile, ownerName: '积分车主', mileage: 100 });
    const order = await api.post('/api/service/work-orders').set(bearer(advisor)).send({ vehicleId: car.body.id, storeId: 1, serviceType: 'REPAIR', mileage: 200 });
    await api.put(`/api/service/work-orders/${order.body.id}/items`).set(bearer(advisor)).send({ items: [{ name: '更换大灯总成', labourHundredths: 150, parts: [] }] });
    for (const status of ['IN_PROGRESS', 'QUALITY_CHECK', 'READY', 'SETTLED']) {
      expect((await api.post(`/api/service/work-orders/${order.body.id}/status`).set(bearer(advisor)).send({ status })).status).toBe(200);
    }
    const token = await ownerToken(server.baseUrl, mobile);
    let balance = 0;
    for (let attempt = 0; attempt < 50 && balance === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      balance = (await api.get('/api/me/points').set(bearer(token))).body.balance;
    }
    // 1.5 h at 300 CNY = 450 CNY → 450 points at 1 point per CNY.
    expect(balance).toBe(450);
    // Reading the events again (a restarted consumer) earns nothing more.
    await sql(server.databaseUrl, "UPDATE event_cursors SET last_event_id = 0 WHERE consumer = 'loyalty'");
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const entries = await api.get('/api/me/points/entries').set(bearer(token));
    expect(entries.body.items).toEqual([expect.objectContaining({ type: 'EARN', points: 450, source: 'service.settled' })]);

    // The job is refunded: the earning is reversed once, for exactly what it gave.
    const earnId = entries.body.items[0].id;
    const reversed = await api.post('/api/loyalty/reversals').set(bearer(marketer)).send({ entryId: earnId, reason: '工单退款' });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ type: 'REVERSAL', points: -450, balanceAfter: 0 });
    expect((await api.post('/api/loyalty/reversals').set(bearer(marketer)).send({ entryId: earnId, reason: '再来一次' })).body.id).toBe(reversed.body.id);
    expect((await api.post('/api/loyalty/reversals').set(bearer(marketer)).send({ entryId: reversed.body.id, reason: 'x' })).body.code).toBe('ENTRY_NOT_REVERSIBLE');
  });

  it('lists the rewards catalogue publicly', async () => {
    const rewards = await api.get('/api/loyalty/rewards');
    expect(rewards.status).toBe(200);
    expect(rewards.body).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'SERVICE-200', points: 2_000, kind: 'SERVICE_COUPON' })]));
  });

  it('lets marketers find a member, read the ledger and lots, and upgrades the tier as soon as it is earned', async () => {
    const { token, customerId, mobile } = await member();
    await adjust(customerId, 300, `seed-${customerId}`);
    const list = await api.get('/api/loyalty/members').query({ q: mobile }).set(bearer(marketer));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ customerId, tier: 'STANDARD', balance: 300, mobile: `${mobile.slice(0, 3)}****${mobile.slice(7)}` })]);
    const detail = await api.get(`/api/loyalty/members/${customerId}`).set(bearer(marketer));
    expect(detail.body.lots).toEqual([expect.objectContaining({ points: 300, remaining: 300, reason: '测试调整' })]);
    expect(detail.body.entries).toHaveLength(1);

    // Silver needs 2,000 points earned in 12 months (adjustments do not count): a 2,000 CNY job earns them.
    await sql(server.databaseUrl, "INSERT INTO domain_events (type, subject_id, payload, occurred_at) VALUES ('service.settled', ?, ?, NOW(3))", [900_000 + customerId, JSON.stringify({ customerId, totalFen: 200_000 })]);
    let tier = 'STANDARD';
    for (let attempt = 0; attempt < 50 && tier === 'STANDARD'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      tier = (await api.get('/api/me/points').set(bearer(token))).body.tier;
    }
    expect(tier).toBe('SILVER');
    expect((await api.get('/api/me/points').set(bearer(token))).body).toMatchObject({ balance: 2_300, tierName: '银卡', earned12Months: 2_000, nextTier: { tier: 'GOLD' } });
    expect((await api.get('/api/loyalty/members').query({ tier: 'SILVER', q: mobile }).set(bearer(marketer))).body.total).toBe(1);
    const consultant = await staffToken(server.baseUrl, 'sc1.shpd');
    expect((await api.get('/api/loyalty/members').set(bearer(consultant))).status).toBe(403);
  });

  it('keeps tiers in order and rewards’ stock moving by deltas that never go below zero', async () => {
    const tiers = (await api.get('/api/loyalty/tiers').set(bearer(marketer))).body;
    expect(tiers.map((tier: { tier: string }) => tier.tier)).toEqual(['STANDARD', 'SILVER', 'GOLD', 'BLACK']);
    const broken = tiers.map((tier: { tier: string; minPoints: number }) => (tier.tier === 'GOLD' ? { ...tier, minPoints: 1_000 } : tier));
    const refused = await api.put('/api/loyalty/tiers').set(bearer(marketer)).send({ tiers: broken });
    expect([refused.status, refused.body.code]).toEqual([400, 'TIERS_INVALID']);
    const renamed = tiers.map((tier: { tier: string; name: string }) => (tier.tier === 'BLACK' ? { ...tier, name: '黑金卡' } : tier));
    expect((await api.put('/api/loyalty/tiers').set(bearer(marketer)).send({ tiers: renamed })).body[3].name).toBe('黑金卡');

    const created = await api.post('/api/loyalty/rewards').set(bearer(marketer)).send({ code: 'MUG-1', name: '品牌马克杯', kind: 'MERCHANDISE', points: 500, stock: 5, description: '陶瓷 350ml', sortOrder: 7 });
    expect(created.status).toBe(201);
    expect((await api.post('/api/loyalty/rewards').set(bearer(marketer)).send({ code: 'MUG-1', name: '重复', kind: 'MERCHANDISE', points: 1, stock: 1 })).body.code).toBe('REWARD_EXISTS');
    // A partial update changes only what it names: the description and order stay.
    expect((await api.patch(`/api/loyalty/rewards/${created.body.id}`).set(bearer(marketer)).send({ stockDelta: 10, points: 450 })).body).toMatchObject({ stock: 15, points: 450, description: '陶瓷 350ml', sortOrder: 7 });
    const tooMany = await api.patch(`/api/loyalty/rewards/${created.body.id}`).set(bearer(marketer)).send({ stockDelta: -16 });
    expect([tooMany.status, tooMany.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect((await api.patch(`/api/loyalty/rewards/${created.body.id}`).set(bearer(marketer)).send({ active: false })).body.active).toBe(false);
    expect((await api.get('/api/loyalty/rewards')).body.map((reward: { code: string }) => reward.code)).not.toContain('MUG-1');
    const rules = await api.put('/api/loyalty/earning-rules/service.settled').set(bearer(marketer)).send({ pointsPerYuan: 2, active: true });
    expect(rules.body).toMatchObject({ event: 'service.settled', pointsPerYuan: 2 });
    await api.put('/api/loyalty/earning-rules/service.settled').set(bearer(marketer)).send({ pointsPerYuan: 1, active: true });
  });

  it('takes a redeemed coupon off a work order at settlement, once', async () => {
    const advisor = await staffToken(server.baseUrl, 'sa.shpd');
    const mobile = uniqueMobile();
    const car = await api.post('/api/vehicles').set(bearer(advisor)).send({ vin: uniqueVin(), plate: uniquePlate(), modelId: 1, ownerMobile: mobile, ownerName: '用券车主', mileage: 100 });
    const token = await ownerToken(server.baseUrl, mobile);
    const customerId = (await api.get('/api/me').set(bearer(token))).body.id;
    await adjust(customerId, 2_000, `coupon-${customerId}`);
    const rewards = (await api.get('/api/loyalty/rewards')).body;
    const voucher = rewards.find((reward: { code: string }) => reward.code === 'SERVICE-200');
    const redeemed = await api.post('/api/me/points/redemptions').set(bearer(token)).send({ rewardId: voucher.id });
    const code = redeemed.body.coupon.code;

    const order = await api.post('/api/service/work-orders').set(bearer(advisor)).send({ vehicleId: car.body.id, storeId: 1, serviceType: 'REPAIR', mileage: 300 });
    await api.put(`/api/service/work-orders/${order.body.id}/items`).set(bearer(advisor)).send({ items: [{ name: '更换后视镜', labourHundredths: 100, parts: [] }] });
    expect((await api.put(`/api/service/work-orders/${order.body.id}/coupon`).set(bearer(advisor)).send({ code: 'NOTACODE' })).body.code).toBe('COUPON_NOT_FOUND');
    const applied = await api.put(`/api/service/work-orders/${order.body.id}/coupon`).set(bearer(advisor)).send({ code: code.toLowerCase() });
    expect(applied.status).toBe(200);
    // 1 h at 300 CNY = 30,000 fen, less the 20,000 fen voucher.
    expect(applied.body).toMatchObject({ labourFen: 30_000, discountFen: 20_000, totalFen: 10_000, coupon: { code, valueFen: 20_000 } });
    for (const status of ['IN_PROGRESS', 'QUALITY_CHECK', 'READY', 'SETTLED']) {
      expect((await api.post(`/api/service/work-orders/${order.body.id}/status`).set(bearer(advisor)).send({ status })).status).toBe(200);
    }
    const coupons = await api.get('/api/me/coupons').set(bearer(token));
    expect(coupons.body.find((coupon: { code: string }) => coupon.code === code).status).toBe('USED');
    const other = await api.post('/api/service/work-orders').set(bearer(advisor)).send({ vehicleId: car.body.id, storeId: 1, serviceType: 'REPAIR', mileage: 400 });
    expect((await api.put(`/api/service/work-orders/${other.body.id}/coupon`).set(bearer(advisor)).send({ code })).body.code).toBe('COUPON_NOT_USABLE');
    const file = await api.get(`/api/vehicles/${car.body.id}`).set(bearer(advisor));
    expect(file.body.serviceRecords[0].totalFen).toBe(10_000);
  });

  it('credits the referrer when a referred friend takes delivery, and nothing for self-referral or an existing customer', async () => {
    const referrer = await member();
    const friendMobile = uniqueMobile();
    const referred = await api.post('/api/me/referrals').set(bearer(referrer.token)).send({ name: '周杰', mobile: friendMobile, storeId: 1, modelId: 1 });
    expect(referred.status).toBe(201);
    expect(referred.body).toMatchObject({ eligible: true });
    const again = await api.post('/api/me/referrals').set(bearer(referrer.token)).send({ name: '周杰', mobile: friendMobile, storeId: 1, modelId: 1 });
    expect(again.body).toMatchObject({ eligible: true, leadId: referred.body.leadId });
    const self = await api.post('/api/me/referrals').set(bearer(referrer.token)).send({ name: '自己', mobile: referrer.mobile, storeId: 2 });
    expect(self.body).toMatchObject({ eligible: false });
    const existing = await member();
    const known = await api.post('/api/me/referrals').set(bearer(referrer.token)).send({ name: '老客户', mobile: existing.mobile, storeId: 2 });
    expect(known.body).toMatchObject({ eligible: false });

    const mine = await api.get('/api/me/referrals').set(bearer(referrer.token));
    expect(mine.body).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{8}$/), rewardPoints: 1_000 });
    expect(mine.body.referrals).toEqual([expect.objectContaining({ leadId: referred.body.leadId, name: '周*', status: 'IN_PROGRESS', pointsEarned: 0 })]);
    expect((await api.get('/api/me/referrals').set(bearer(referrer.token))).body.code).toBe(mine.body.code);

    // The store sells the friend a car: quote, order, delivery.
    const manager = await staffToken(server.baseUrl, 'sm.shpd');
    const leadId = referred.body.leadId;
    const next = { dueAt: hoursFromNow(24), purpose: '跟进' };
    const quote = await api.post(`/api/leads/${leadId}/quotes`).set(bearer(manager)).send({ trimId: 1, discountFen: 0 });
    expect(quote.status).toBe(201);
    const stage = (body: object) => api.post(`/api/leads/${leadId}/stage`).set(bearer(manager)).send(body);
    expect((await stage({ stage: 'QUOTED', nextFollowUp: next })).status).toBe(200);
    expect((await stage({ stage: 'ORDERED', order: { quoteId: quote.body.id, depositFen: 500_000 }, nextFollowUp: next })).status).toBe(200);
    const delivered = await stage({ stage: 'DELIVERED', delivery: { vin: uniqueVin(), pdiDone: true, insuranceDone: true, temporaryPlateDone: true, handoverDone: true } });
    expect(delivered.status).toBe(200);

    let earned = 0;
    for (let attempt = 0; attempt < 50 && earned === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      earned = (await api.get('/api/me/points').set(bearer(referrer.token))).body.balance;
    }
    expect(earned).toBe(1_000);
    expect((await api.get('/api/me/referrals').set(bearer(referrer.token))).body.referrals[0]).toMatchObject({ status: 'CONVERTED', pointsEarned: 1_000 });
    const friend = await ownerToken(server.baseUrl, friendMobile);
    expect((await api.get('/api/me/points').set(bearer(friend))).body.balance).toBe(2_000);
  });
});
