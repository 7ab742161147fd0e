import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/config';
import { DEV_SMS_CODE } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { RateLimiter, type RateLimit } from '../../core/auth/rate-limiter';
import type { Caller } from '../../core/auth/caller';
import { SessionService } from '../../core/auth/session.service';
import { TokenService } from '../../core/auth/token.service';
import { HttpError } from '../../core/http/domain-error';
import { PrismaService } from '../../core/database/prisma.service';
import { retryOnConflict } from '../../core/database/prisma-errors';
import { SMS_SENDER } from '../../integrations/sms/sms.sender';
import type { SmsSender } from '../../integrations/sms/sms.sender';
import { WECHAT_AUTH_CLIENT } from '../../integrations/wechat/wechat-auth.client';
import type { WechatAuthClient } from '../../integrations/wechat/wechat-auth.client';
import { CustomersService } from '../customers/customers.service';
import { StaffService } from '../org/staff.service';
import { AuthError } from './auth.errors';
import { hashPassword, verifyPassword } from './password-hasher';
import { newSmsCode, SMS_CODE_MAX_ATTEMPTS, SMS_CODE_TTL_MS, SMS_RESEND_INTERVAL_SECONDS, smsCodeHash, smsCodeMatches } from './sms-code.rules';
import { AuditService } from '../../core/audit/audit.service';

/**
 * Staff sign-in tries, reserved before the password is checked: a pair (username and address) may fail 10 times in
 * 15 minutes, an address 30 times. Not keyed by username alone, so nobody can lock `admin` out from elsewhere.
 */
const LOGIN_PAIR_LIMIT = 10;
const LOGIN_ADDRESS_LIMIT = 30;
const LOGIN_WINDOW_SECONDS = 15 * 60;
/** SMS codes per mobile: 5 an hour, 10 a day (the 60-second resend interval comes first). */
const SMS_SENDS_PER_MOBILE_HOUR = 5;
const SMS_SENDS_PER_MOBILE_DAY = 10;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Verified when the username is unknown, so both failures take the same time. */
  private readonly decoyHash = hashPassword('decoy-password-for-timing');

  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
    private readonly rateLimiter: RateLimiter,
    private readonly sessions: SessionService,
    private readonly customers: CustomersService,
    @Inject(WECHAT_AUTH_CLIENT) private readonly wechat: WechatAuthClient,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly audit: AuditService,
    private readonly staff: StaffService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async staffLogin(username: string, password: string, ip: string) {
    const pair: RateLimit = { key: `login:pair:${username.toLowerCase()}:${ip}`, limit: LOGIN_PAIR_LIMIT, windowSeconds: LOGIN_WINDOW_SECONDS };
    const address: RateLimit = { key: `login:ip:${ip}`, limit: LOGIN_ADDRESS_LIMIT, windowSeconds: LOGIN_WINDOW_SECONDS };
    await this.takeTries([pair, address], 'RATE_LIMITED', (seconds) => `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`);
    const staff = await this.staff.forSignIn(username);
    const passwordMatches = await verifyPassword(staff?.passwordHash ?? (await this.decoyHash), password);
    if (!staff || !staff.active || !passwordMatches) {
      // The reserved tries stay counted: they were failures.
      this.logger.warn({ username, ip }, 'Staff login failed');
      await this.audit.record(this.prisma, {
        actor: { type: 'ANONYMOUS', name: username },
        action: 'auth.login_failed',
        entityType: staff ? 'staff' : null,
        entityId: staff?.id ?? null,
        after: { reason: !staff ? 'unknown user' : !staff.active ? 'deactivated' : 'wrong password' },
      });
      throw new AuthError('INVALID_CREDENTIALS', '用户名或密码错误');
    }
    // As a bank does: the right password clears the pair's failures; the address gets its try back.
    await Promise.all([this.rateLimiter.reset(pair.key), this.rateLimiter.release(address.key)]);
    await this.prisma.$transaction(async (tx) => {
      await this.staff.recordLogin(tx, staff.id, new Date());
      await this.audit.record(tx, { actor: { type: 'STAFF', id: staff.id, name: staff.name }, action: 'auth.login', entityType: 'staff', entityId: staff.id });
    });
    const { passwordHash: _hash, active: _active, tokenVersion, ...identity } = staff;
    return { ...(await this.sessions.start('staff', staff.id, tokenVersion)), staff: identity };
  }

  async refresh(refreshToken: string | undefined) {
    if (!refreshToken) throw new HttpError('UNAUTHORIZED', '请先登录');
    const { accessToken, refreshToken: next } = await this.sessions.rotate(refreshToken);
    return { accessToken, refreshToken: next };
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await this.sessions.end(refreshToken);
  }

  async logoutAll(caller: Caller): Promise<void> {
    await (caller.kind === 'staff' ? this.sessions.endAll('staff', caller.staffId) : this.sessions.endAll('customer', caller.customerId));
  }

  staffProfile(staffId: number) {
    return this.staff.profile(staffId);
  }

  async wechatLogin(code: string) {
    let session;
    try {
      session = await this.wechat.code2Session(code);
    } catch (error) {
      this.logger.warn({ err: error }, 'WeChat code2Session failed');
      throw new AuthError('WECHAT_LOGIN_FAILED', '微信登录失败，请重试');
    }
    const customer = await this.customers.findOrCreateByOpenid(session.openid, session.unionid);
    return this.customerLoginResult(customer.id);
  }

  async sendSmsCode(mobile: string, ip: string) {
    await this.takeTries([{ key: `sms:resend:${mobile}`, limit: 1, windowSeconds: SMS_RESEND_INTERVAL_SECONDS }], 'SMS_TOO_FREQUENT', (seconds) => `验证码发送过于频繁，请 ${seconds} 秒后再试`);
    await this.takeTries(
      [
        { key: `sms:hour:${mobile}`, limit: SMS_SENDS_PER_MOBILE_HOUR, windowSeconds: 3600 },
        { key: `sms:day:${mobile}`, limit: SMS_SENDS_PER_MOBILE_DAY, windowSeconds: 24 * 3600 },
        { key: `sms:ip:${ip}`, limit: this.config.SMS_SENDS_PER_IP_PER_HOUR, windowSeconds: 3600 },
      ],
      'RATE_LIMITED',
      () => '验证码发送次数过多，请稍后再试',
    );
    const fixedCode = this.config.SMS_MODE === 'fixed-code';
    const code = fixedCode ? DEV_SMS_CODE : newSmsCode();
    const now = new Date();
    const created = await this.prisma.smsCode.create({
      data: { mobile, codeHash: smsCodeHash(mobile, code, this.config.JWT_SECRET), expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MS) },
      select: { id: true },
    });
    // Only the newest code works: the older ones of this mobile end now. Two statements, not one transaction: a
    // transaction holding this range's locks while inserting deadlocked with other mobiles' sends under a burst,
    // and sign-in only ever tries the newest code anyway.
    await retryOnConflict(() => this.prisma.smsCode.updateMany({ where: { mobile, id: { lt: created.id }, consumedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } }));
    await this.sms.send(mobile, `您的登录验证码为 ${code}，5 分钟内有效。如非本人操作请忽略。`);
    return fixedCode ? { sent: true as const, devCode: code } : { sent: true as const };
  }

  async smsLogin(mobile: string, code: string, ip: string, currentToken?: string) {
    await this.takeTries([{ key: `sms-login:ip:${ip}`, limit: this.config.SMS_LOGINS_PER_IP_PER_10_MINUTES, windowSeconds: 600 }], 'RATE_LIMITED', () => '验证码尝试次数过多，请稍后再试');
    const now = new Date();
    const latest = await this.prisma.smsCode.findFirst({
      where: { mobile, consumedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, codeHash: true },
    });
    const invalid = new AuthError('SMS_CODE_INVALID', '验证码错误或已过期，请重新获取');
    if (!latest) throw invalid;
    // Claim one of the code's tries before comparing: of 40 simultaneous guesses only 5 get to compare.
    const claimed = await this.prisma.smsCode.updateMany({
      where: { id: latest.id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: SMS_CODE_MAX_ATTEMPTS } },
      data: { attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) throw invalid;
    if (!smsCodeMatches(latest.codeHash, mobile, code, this.config.JWT_SECRET)) throw invalid;
    // Conditional update: of two requests with the same code, only one consumes it.
    const consumed = await this.prisma.smsCode.updateMany({ where: { id: latest.id, consumedAt: null }, data: { consumedAt: new Date() } });
    if (consumed.count !== 1) throw invalid;
    const customer = await this.customers.findOrCreateByMobile(mobile);
    await this.customers.markMobileVerified(customer.id);
    const current = currentToken ? await this.tokens.verifyAccessToken(currentToken).catch(() => null) : null;
    if (current?.subject === 'customer' && current.id !== customer.id) await this.customers.linkWechat(current.id, customer.id);
    return this.customerLoginResult(customer.id);
  }

  /** Signing in means ticking 同意 on the login page: a customer the store created first has consented now. */
  private async customerLoginResult(customerId: number) {
    await this.customers.recordConsentIfMissing(customerId);
    const tokenVersion = await this.customers.tokenVersion(customerId);
    return { ...(await this.sessions.start('customer', customerId, tokenVersion)), customer: { id: customerId } };
  }

  /** Counts a try against each limit in turn; the first one exhausted refuses with a 429 saying when to come back. */
  private async takeTries(limits: RateLimit[], code: 'RATE_LIMITED' | 'SMS_TOO_FREQUENT', message: (retryAfterSeconds: number) => string): Promise<void> {
    for (const limit of limits) {
      const decision = await this.rateLimiter.take(limit);
      if (!decision.allowed) throw new AuthError(code, message(decision.retryAfterSeconds), { retryAfterSeconds: decision.retryAfterSeconds });
    }
  }
}
