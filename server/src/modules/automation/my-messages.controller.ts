import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { customerMessagePageSchema, customerMessageSchema, messagePreferencesSchema, updateMessagePreferencesSchema } from '../../contracts/automation.contract';
import { pageQuerySchema } from '../../contracts/common.contract';
import { CurrentCaller, CustomerOnly } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { MessagesService } from './messages.service';
import { CountDto, IdParam, UpdatedDto } from '../../core/http/common.dto';

class PageQuery extends createZodDto(pageQuerySchema) {}
class MessagePageDto extends createZodDto(customerMessagePageSchema, { codec: true }) {}
class MessageDto extends createZodDto(customerMessageSchema, { codec: true }) {}
class PreferencesDto extends createZodDto(messagePreferencesSchema) {}
class UpdatePreferencesDto extends createZodDto(updateMessagePreferencesSchema) {}

@ApiTags('me')
@Controller('me')
export class MyMessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('messages')
  @CustomerOnly()
  @ZodResponse({ type: MessagePageDto })
  list(@CurrentCaller() caller: CustomerCaller, @Query() query: PageQuery) {
    return this.messages.timeline(caller.customerId, query.page, query.pageSize);
  }

  @Get('messages/unread-count')
  @CustomerOnly()
  @ZodResponse({ type: CountDto })
  unreadCount(@CurrentCaller() caller: CustomerCaller) {
    return this.messages.unreadCount(caller.customerId);
  }

  @Post('messages/read-all')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: UpdatedDto })
  markAllRead(@CurrentCaller() caller: CustomerCaller) {
    return this.messages.markAllRead(caller.customerId);
  }

  @Post('messages/:id/read')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: MessageDto })
  markRead(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam) {
    return this.messages.markRead(caller.customerId, id);
  }

  @Get('message-preferences')
  @CustomerOnly()
  @ZodResponse({ type: PreferencesDto })
  preferences(@CurrentCaller() caller: CustomerCaller) {
    return this.messages.preferences(caller.customerId);
  }

  @Put('message-preferences')
  @CustomerOnly()
  @ZodResponse({ type: PreferencesDto })
  updatePreferences(@CurrentCaller() caller: CustomerCaller, @Body() body: UpdatePreferencesDto) {
    return this.messages.updatePreferences(caller.customerId, body);
  }
}
