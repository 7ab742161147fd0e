import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  customerLoginResultSchema,
  refreshSchema,
  smsCodeRequestSchema,
  smsCodeSentSchema,
  smsLoginSchema,
  staffLoginResultSchema,
  staffLoginSchema,
  staffMeSchema,
  tokenPairSchema,
  wechatLoginSchema,
} from '../../contracts/auth.contract';
import { AnyStaff, CurrentCaller, Public } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { AuthService } from './auth.service';

class StaffLoginBody extends createZodDto(staffLoginSchema) {}
class RefreshBody extends createZodDto(refreshSchema) {}
class WechatLoginBody extends createZodDto(wechatLoginSchema) {}
class SmsCodeBody extends createZodDto(smsCodeRequestSchema) {}
class SmsLoginBody extends createZodDto(smsLoginSchema) {}
class StaffLoginResultDto extends createZodDto(staffLoginResultSchema) {}
class TokenPairDto extends createZodDto(tokenPairSchema) {}
class StaffMeDto extends createZodDto(staffMeSchema) {}
class CustomerLoginResultDto extends createZodDto(customerLoginResultSchema) {}
class SmsCodeSentDto extends createZodDto(smsCodeSentSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('staff/login')
  @HttpCode(200)
  @Public()
  @ZodResponse({ type: StaffLoginResultDto })
  staffLogin(@Body() body: StaffLoginBody, @Ip() ip: string) {
    return this.auth.staffLogin(body.username, body.password, ip);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ZodResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshBody) {
    return this.auth.refresh(body.refreshToken);
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
  sendSmsCode(@Body() body: SmsCodeBody) {
    return this.auth.sendSmsCode(body.mobile);
  }

  /** Signed in already by WeChat? Send that token too: the WeChat account is linked to the verified mobile's customer. */
  @Post('customer/sms-login')
  @HttpCode(200)
  @Public()
  @ZodResponse({ type: CustomerLoginResultDto })
  smsLogin(@Body() body: SmsLoginBody, @Headers('authorization') authorization?: string) {
    return this.auth.smsLogin(body.mobile, body.code, authorization?.replace(/^Bearer\s+/i, ''));
  }
}
