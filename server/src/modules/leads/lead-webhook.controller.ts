import { Controller, Headers, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '../../core/auth/access.decorators';
import { LeadWebhookService } from './lead-webhook.service';

class ChannelParam extends createZodDto(z.object({ channel: z.string().regex(/^[a-z0-9_-]{1,32}$/) })) {}
class WebhookResultDto extends createZodDto(z.object({ id: z.number().int(), joined: z.boolean() })) {}

/**
 * Leads pushed by portals and social platforms. The body is verified against its raw bytes, so it is
 * parsed only after the signature and timestamp pass: a forged request gets 401 whatever it contains.
 */
@ApiTags('leads')
@Controller('public/leads')
export class LeadWebhookController {
  constructor(private readonly webhook: LeadWebhookService) {}

  @Post(':channel')
  @Public()
  @ZodResponse({ status: 201, type: WebhookResultDto })
  receive(
    @Param() { channel }: ChannelParam,
    @Headers('x-timestamp') timestamp: string | undefined,
    @Headers('x-signature') signature: string | undefined,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ) {
    return this.webhook.receive(channel, timestamp, signature, request.rawBody);
  }
}
