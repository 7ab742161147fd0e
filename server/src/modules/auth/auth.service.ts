import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/config';
import { DEV_SMS_CODE } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { RateLimiter } from '../../core/auth/rate-limiter';
import { TokenService } from '../../core/auth/token.service';
import { HttpError } from '../../core/http/domain-error';
import { PrismaService } from '../../core/database/prisma.service';
import { SMS_SENDER } from '../../integrations/sms/sms.sender';
import type { SmsSender } from '../../integrations/sms/sms.sender';
import { WECHAT_AUTH_CLIENT } from '../../integrations/wechat/wechat-auth.client';
import type { WechatAuthClient } from '../../integrations/wechat/wechat-auth.client';
import { CustomersService } from '../customers/customers.service';
import { AuthError } from './auth.errors';
import { hashPassword, verifyPassword } from './password-hasher';
import { newSmsCode, SMS_CODE_MAX_ATTEMPTS, SMS_CODE_TTL_MS, SMS_RESEND_INTERVAL_SECONDS, smsCodeHash } from './sms-code.rules';
import { AuditService } from '../../core/audit/audit.service';

const LOGIN_FAILURE_LIMIT = 10;
const LOGIN_FAILURE_WINDOW_SECONDS = 60;

const STAFF_IDENTITY = { id: true, username: true, name: true, role: true, storeId: true, regionId: true } as const;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Verified when the username is unknown, so both failures take the same time. */
  private readonly decoyHash = hashPassword('decoy-password-for-timing');

  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: TokenService,
    private readonly rateLimiter: RateLimiter,
    private readonly customers: CustomersService,
    @Inject(WECHAT_AUTH_CLIENT) private readonly wechat: WechatAuthClient,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async staffLogin(username: string, password: string, ip: string) {
    const failureKeys = [`login-fail:user:${username.toLowerCase()}`, `login-fail:ip:${ip}`];
    const failures = await Promise.all(failureKeys.map((key) => this.rateLimiter.count(key)));
    if (failures.some((count) => count >= LOGIN_FAILURE_LIMIT)) {
      throw new AuthError('RATE_LIMITED', '登录失败次数过多，请 1 分钟后再试');
    }
    const staff = await this.prisma.staff.findUnique({
      where: { username },
      select: { ...STAFF_IDENTITY, passwordHash: true, active: true, tokenVersion: true },
    });
    const passwordMatches = await verifyPassword(staff?.passwordHash ?? (await this.decoyHash), password);
    if (!staff || !staff.active || !passwordMatches) {
      await Promise.all(failureKeys.map((key) => this.rateLimiter.hit(key, LOGIN_FAILURE_WINDOW_SECONDS)));
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
    await this.prisma.$transaction(async (tx) => {
      await tx.staff.update({ where: { id: staff.id }, data: { lastLoginAt: new Date() }, select: { id: true } });
      await this.audit.record(tx, { actor: { type: 'STAFF', id: staff.id, name: staff.name }, action: 'auth.login', entityType: 'staff', entityId: staff.id });
    });
    const { passwordHash: _hash, active: _active, tokenVersion, ...identity } = staff;
    return { ...(await this.tokenPair('staff', staff.id, tokenVersion)), staff: identity };
  }

  async refresh(refreshToken: string) {
    const token = await this.tokens.verifyRefreshToken(refreshToken);
    if (token.subject === 'staff') {
      const staff = await this.prisma.staff.findUnique({ where: { id: token.id }, select: { active: true, tokenVersion: true } });
      if (!staff || !staff.active || staff.tokenVersion !== token.version) {
        throw new HttpError('UNAUTHORIZED', '账号已停用或登录已失效，请重新登录');
      }
      return this.tokenPair('staff', token.id, staff.tokenVersion);
    }
    const customer = await this.prisma.customer.findUnique({ where: { id: token.id }, select: { id: true } });
    if (!customer) throw new HttpError('UNAUTHORIZED', '账号不存在，请重新登录');
    return this.tokenPair('customer', customer.id, 0);
  }

  async staffProfile(staffId: number) {
    const staff = await this.prisma.staff.findUniqueOrThrow({
      where: { id: staffId },
      select: { ...STAFF_IDENTITY, mobile: true, store: { select: { id: true, name: true } }, region: { select: { id: true, name: true } } },
    });
    return staff;
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

  async sendSmsCode(mobile: string) {
    const sentRecently = await this.rateLimiter.hit(`sms:${mobile}`, SMS_RESEND_INTERVAL_SECONDS);
    if (sentRecently > 1) throw new AuthError('SMS_TOO_FREQUENT', '验证码发送过于频繁，请 60 秒后再试');
    const fixedCode = this.config.SMS_MODE === 'fixed-code';
    const code = fixedCode ? DEV_SMS_CODE : newSmsCode();
    await this.prisma.smsCode.create({
      data: { mobile, codeHash: smsCodeHash(mobile, code, this.config.JWT_SECRET), expiresAt: new Date(Date.now() + SMS_CODE_TTL_MS) },
      select: { id: true },
    });
    await this.sms.send(mobile, `您的登录验证码为 ${code}，5 分钟内有效。如非本人操作请忽略。`);
    return fixedCode ? { sent: true as const, devCode: code } : { sent: true as const };
  }

  async smsLogin(mobile: string, code: string, currentToken?: string) {
    const latest = await this.prisma.smsCode.findFirst({
      where: { mobile, consumedAt: null, expiresAt: { gt: new Date() }, attempts: { lt: SMS_CODE_MAX_ATTEMPTS } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, codeHash: true },
    });
    const invalid = new AuthError('SMS_CODE_INVALID', '验证码错误或已过期，请重新获取');
    if (!latest) throw invalid;
    if (latest.codeHash !== smsCodeHash(mobile, code, this.config.JWT_SECRET)) {
      await this.prisma.smsCode.update({ where: { id: latest.id }, data: { attempts: { increment: 1 } }, select: { id: true } });
      throw invalid;
    }
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
    return { accessToken: await this.tokens.issueAccessToken('customer', customerId), customer: { id: customerId } };
  }

  private async tokenPair(subject: 'staff' | 'customer', id: number, version: number) {
    const [accessToken, refreshToken] = await Promise.all([
      this.tokens.issueAccessToken(subject, id, version),
      this.tokens.issueRefreshToken(subject, id, version),
    ]);
    return { accessToken, refreshToken };
  }
}
