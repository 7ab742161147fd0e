import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { deletionRequestSchema, deletionResultSchema, giveConsentSchema, privacyStatusSchema } from '../../contracts/privacy.contract';
import { CurrentCaller, CustomerOnly } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { PrivacyService } from './privacy.service';

class PrivacyStatusDto extends createZodDto(privacyStatusSchema, { codec: true }) {}
class GiveConsentDto extends createZodDto(giveConsentSchema) {}
class DeletionRequestDto extends createZodDto(deletionRequestSchema) {}
class DeletionResultDto extends createZodDto(deletionResultSchema, { codec: true }) {}

/** 个人信息: the policy accepted, a copy of one's data, and deleting the account (PIPL). */
@ApiTags('me')
@Controller('me/privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get()
  @CustomerOnly()
  @ZodResponse({ type: PrivacyStatusDto })
  status(@CurrentCaller() caller: CustomerCaller) {
    return this.privacy.status(caller.customerId);
  }

  @Post('consent')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: PrivacyStatusDto })
  consent(@CurrentCaller() caller: CustomerCaller, @Body() body: GiveConsentDto) {
    return this.privacy.giveConsent(caller.customerId, body.version);
  }

  /** A JSON document of everything held about the caller, offered as a download. */
  @Get('export')
  @CustomerOnly()
  @Header('content-disposition', 'attachment; filename="my-data.json"')
  export(@CurrentCaller() caller: CustomerCaller) {
    return this.privacy.export(caller.customerId);
  }

  @Post('deletion')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: DeletionResultDto })
  delete(@CurrentCaller() caller: CustomerCaller, @Body() _confirmation: DeletionRequestDto) {
    return this.privacy.delete(caller.customerId);
  }
}
