import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../contracts/common.contract';
import { notificationSchema } from '../../contracts/leads.contract';
import { AnyStaff, CurrentCaller } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { NotificationsService } from './notifications.service';
import { CountDto, IdParam, UpdatedDto } from '../../core/http/common.dto';

class NotificationListQuery extends createZodDto(pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() })) {}
class NotificationDto extends createZodDto(notificationSchema, { codec: true }) {}
class NotificationPageDto extends createZodDto(pageOf(notificationSchema), { codec: true }) {}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyStaff()
  @ZodResponse({ type: NotificationPageDto })
  list(@CurrentCaller() caller: StaffCaller, @Query() query: NotificationListQuery) {
    return this.notifications.list(caller.staffId, query.unread === 'true', query.page, query.pageSize);
  }

  @Get('unread-count')
  @AnyStaff()
  @ZodResponse({ type: CountDto })
  unreadCount(@CurrentCaller() caller: StaffCaller) {
    return this.notifications.unreadCount(caller.staffId);
  }

  @Post('read-all')
  @HttpCode(200)
  @AnyStaff()
  @ZodResponse({ type: UpdatedDto })
  markAllRead(@CurrentCaller() caller: StaffCaller) {
    return this.notifications.markAllRead(caller.staffId);
  }

  @Post(':id/read')
  @HttpCode(200)
  @AnyStaff()
  @ZodResponse({ type: NotificationDto })
  markRead(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.notifications.markRead(caller.staffId, id);
  }
}
