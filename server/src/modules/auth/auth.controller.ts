import { Body, Controller, Get, Headers, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  customerLoginResultSchema,
  logoutSchema,
  refreshResultSchema,
  refreshSchema,
  smsCodeRequestSchema,
  smsCodeSentSchema,
  smsLoginSchema,
  staffLoginResultSchema,
  staffLoginSchema,
  staffMeSchema,
  wechatLoginSchema,
} from '../../contracts/auth.contract';
import { AnyStaff, CurrentCaller, Public, SignedIn } from '../../core/auth/access.decorators';
import type { Caller, StaffCaller } from '../../core/auth/caller';
import { AuthService } from './auth.service';
import { SessionCookie } from './session-cookie';

class StaffLoginBody extends createZodDto(staffLoginSchema) {}
class RefreshBody extends createZodDto(refreshSchema) {}
class LogoutBody extends createZodDto(logoutSchema) {}
class WechatLoginBody extends createZodDto(wechatLoginSchema) {}
class SmsCodeBody extends createZodDto(smsCodeRequestSchema) {}
class SmsLoginBody extends createZodDto(smsLoginSchema) {}
class StaffLoginResultDto extends createZodDto(staffLoginResultSchema) {}
class RefreshResultDto extends createZodDto(refreshResultSchema) {}
class StaffMeDto extends createZodDto(staffMeSchema) {}
class CustomerLoginResultDto extends createZodDto(customerLoginResultSchema) {}
class SmsCodeSentDto extends createZodDto(smsCodeSentSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  /** The refresh token goes into the httpOnly session cookie only. */
  @Post('staff/login')
  @HttpCode(200)
  @Public()
  @ZodResponse({ type: StaffLoginResultDto })
  async staffLogin(@Body() body: StaffLoginBody, @Ip() ip: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { refreshToken, ...result } = await this.auth.staffLogin(body.username, body.password, ip);
    this.cookie.set(request, reply, refreshToken);
    return result;
  }

  /** Single use: answers a new pair, in the channel the old token came by (body, or the session cookie). */
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ZodResponse({ type: RefreshResultDto })
  async refresh(@Body() body: RefreshBody, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const fromCookie = body.refreshToken === undefined;
    const tokens = await this.auth.refresh(body.refreshToken ?? this.cookie.read(request));
    if (!fromCookie) return tokens;
    this.cookie.set(request, reply, tokens.refreshToken);
    return { accessToken: tokens.accessToken };
  }

  /** Ends this sign-in (its refresh-token family); always 204, so a client can forget its tokens whatever happened. */
  @Post('logout')
  @HttpCode(204)
  @Public()
  async logout(@Body() body: LogoutBody, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(body.refreshToken ?? this.cookie.read(request));
    this.cookie.clear(request, reply);
  }

  /** Ends every sign-in of the caller's account, on every device, access tokens included. */
  @Post('logout-all')
  @HttpCode(204)
  @SignedIn()
  async logoutAll(@CurrentCaller() caller: Caller, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logoutAll(caller);
    this.cookie.clear(request, reply);
  }

  @Get('me')
  @AnyStaff()
  @ZodResponse({ type: StaffMeDto })
  me(@CurrentCaller() caller: StaffCaller) {
    return this.auth.staffProfile(caller.staffId);
  }

  @Post('customer/wechat')
  @HttpCode(200)
  @Public()
  @ZodResponse({ type: CustomerLoginResultDto })
  wechatLogin(@Body() body: WechatLoginBody) {
    return this.auth.wechatLogin(body.code);
  }

  @Post('customer/sms-code')
  @HttpCode(200)
  @Public()
  @ZodResponse({ type: SmsCodeSentDto })
  sendSmsCode(@Body() body: SmsCodeBody, @Ip() ip: string) {
    return this.auth.sendSmsCode(body.mobile, ip);
  }

  /** Signed in already by WeChat? Send that token too: the WeChat account is linked to the verified mobile's customer. */
  @Post('customer/sms-login')
  @HttpCode(200)
  @Public()
  @ZodResponse({ type: CustomerLoginResultDto })
  smsLogin(@Body() body: SmsLoginBody, @Ip() ip: string, @Headers('authorization') authorization?: string) {
    return this.auth.smsLogin(body.mobile, body.code, ip, authorization?.replace(/^Bearer\s+/i, ''));
  }
}
